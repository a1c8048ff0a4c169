namespace Workflow.Web.Infrastructure;

/// <summary>
/// Headers on every answer (pages, files, JSON, errors): a Content-Security-Policy that allows only our own
/// scripts, no MIME sniffing, no referrer, no framing. Swagger UI (its own inline scripts) gets a policy of
/// its own, under /swagger only.
/// </summary>
internal static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, IConfiguration configuration)
    {
        var policy = Policy(TileHost(configuration["Map:TileUrl"]));
        // Swagger UI writes its configuration in an inline script and styles: allowed there and nowhere else.
        var swagger = policy.Replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
        return app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.ContentSecurityPolicy = context.Request.Path.StartsWithSegments("/swagger") ? swagger : policy;
                headers.XContentTypeOptions = "nosniff";
                headers["Referrer-Policy"] = "no-referrer";
                headers.XFrameOptions = "DENY";
                return Task.CompletedTask;
            });
            return next(context);
        });
    }

    public static string Policy(string? tileHost) => string.Join("; ",
        "default-src 'self'",
        "script-src 'self'",
        // Form.io, Leaflet and the calendar set style attributes from their scripts (positions, sizes), which a
        // style-src without 'unsafe-inline' refuses; scripts stay strictly our own files.
        "style-src 'self' 'unsafe-inline'",
        // Map tiles come from the configured tile server; Leaflet and Bootstrap use a few data: images.
        "img-src 'self' data:" + (tileHost is null ? "" : " " + tileHost),
        "connect-src 'self'",
        "font-src 'self' data:",
        "object-src 'none'",
        "frame-ancestors 'none'",
        "base-uri 'self'",
        "form-action 'self'");

    /// <summary>The scheme and host of a tile URL template (https://{s}.tile.example.org/{z}/{x}/{y}.png → https://*.tile.example.org).</summary>
    public static string? TileHost(string? template)
    {
        if (string.IsNullOrWhiteSpace(template))
            return null;
        var withoutPath = template.Split("://", 2) is [var scheme, var rest] ? (scheme, rest.Split('/', 2)[0]) : (null, null);
        if (withoutPath.scheme is null || withoutPath.Item2 is not { Length: > 0 } host)
            return null;
        // A {s} subdomain placeholder becomes a wildcard; any other placeholder in the host makes it unusable.
        host = host.Replace("{s}", "*");
        return host.Contains('{') ? null : $"{withoutPath.scheme}://{host}";
    }
}
