using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.Extensions.Configuration;

namespace Workflow.Application.Calendars;

public interface IFeedFetcher
{
    /// <summary>The feed's text, or a <see cref="FeedFetchException"/> saying why not.</summary>
    Task<string> Fetch(string url, CancellationToken cancellationToken);
}

public sealed class FeedFetchException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// Fetches feeds over HTTP(S) with a timeout and a size limit. The server fetches addresses that
/// users typed, so by default it refuses to connect to loopback, private and link-local addresses
/// (checked on the address actually connected to, which defeats DNS rebinding);
/// Calendars:AllowPrivateNetworks lifts that for a local test server.
/// </summary>
public sealed class HttpFeedFetcher : IFeedFetcher
{
    public const int MaxBytes = 5 * 1024 * 1024;

    private readonly HttpClient _http;

    public HttpFeedFetcher(IConfiguration configuration)
    {
        var allowPrivate = configuration.GetValue("Calendars:AllowPrivateNetworks", false);
        var handler = new SocketsHttpHandler
        {
            AllowAutoRedirect = true,
            MaxAutomaticRedirections = 3,
            ConnectTimeout = TimeSpan.FromSeconds(10),
            ConnectCallback = async (context, ct) =>
            {
                var addresses = await Dns.GetHostAddressesAsync(context.DnsEndPoint.Host, ct);
                var allowed = addresses.Where(a => allowPrivate || IsPublic(a)).ToArray();
                if (allowed.Length == 0)
                    throw new FeedFetchException($"{context.DnsEndPoint.Host} is not a public address.");
                var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
                try
                {
                    await socket.ConnectAsync(allowed, context.DnsEndPoint.Port, ct);
                    return new NetworkStream(socket, ownsSocket: true);
                }
                catch
                {
                    socket.Dispose();
                    throw;
                }
            },
        };
        _http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(configuration.GetValue("Calendars:FetchTimeoutSeconds", 20)) };
        _http.DefaultRequestHeaders.UserAgent.ParseAdd("Workflow-Calendar/1.0");
    }

    public async Task<string> Fetch(string url, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await _http.GetAsync(Normalise(url), HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            if (!response.IsSuccessStatusCode)
                throw new FeedFetchException($"The server answered {(int)response.StatusCode} {response.ReasonPhrase}.");
            if (response.Content.Headers.ContentLength > MaxBytes)
                throw new FeedFetchException($"The feed is larger than {MaxBytes / 1024 / 1024} MB.");
            await using var stream = await response.Content.ReadAsStreamAsync(cancellationToken);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = await stream.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > MaxBytes)
                    throw new FeedFetchException($"The feed is larger than {MaxBytes / 1024 / 1024} MB.");
                buffer.Write(chunk, 0, read);
            }
            return Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length);
        }
        catch (HttpRequestException ex)
        {
            throw new FeedFetchException(ex.InnerException is FeedFetchException inner ? inner.Message : $"The feed could not be reached: {ex.Message}", ex);
        }
        catch (TaskCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            throw new FeedFetchException("The feed did not answer in time.", ex);
        }
    }

    /// <summary>webcal:// is how calendar apps spell https://.</summary>
    public static Uri Normalise(string url)
    {
        var uri = new Uri(url.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + url["webcal://".Length..] : url);
        return uri;
    }

    public static bool IsAcceptableUrl(string? url) =>
        url is not null && Uri.TryCreate(url.StartsWith("webcal://", StringComparison.OrdinalIgnoreCase) ? "https://" + url[9..] : url, UriKind.Absolute, out var uri)
        && uri.Scheme is "http" or "https" && !string.IsNullOrEmpty(uri.Host);

    private static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.Equals(IPAddress.IPv6Any))
            return false;
        var b = address.GetAddressBytes();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return (b[0] & 0xFE) != 0xFC; // unique local fc00::/7
        return !(b[0] == 10 || b[0] == 0 || b[0] == 127 || (b[0] == 169 && b[1] == 254) || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
                 || (b[0] == 192 && b[1] == 168) || (b[0] == 100 && b[1] >= 64 && b[1] <= 127) || b[0] >= 224);
    }
}
