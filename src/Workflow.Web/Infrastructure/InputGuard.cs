using System.Buffers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Refuses control characters at the edge, for every route, before any endpoint runs: the query
/// string, the path (by its route value's name when a route took it) and every string of a JSON body (property names included). PostgreSQL's
/// text and jsonb cannot hold U+0000, and no field of ours means anything with the other C0 controls;
/// tab, line feed and carriage return stay allowed (notes and comments have lines).
/// The answer is a 400 ValidationProblem naming the field as clients know it: the query parameter or
/// route value by its name, a body field by its camelCase path (<c>participants[0].email</c>).
/// </summary>
internal static class InputGuard
{
    /// <summary>
    /// The largest request body: room for the largest thing a request may carry (a 10 MB document in a multipart
    /// upload, a BPMN diagram of 5 million characters as a JSON string). A larger one is refused with a 413 before
    /// it is read, by its Content-Length, or (sent in chunks) by the server when it passes the limit.
    /// </summary>
    public const long MaxBodyBytes = 12 * 1024 * 1024;

    public static IApplicationBuilder UseInputGuard(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        if (context.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
            size.MaxRequestBodySize = MaxBodyBytes;
        if (context.Request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 413, Title = "Payload too large", Detail = TooLarge },
            });
            return;
        }
        var errors = new Dictionary<string, string[]>();
        foreach (var (key, values) in context.Request.Query)
        {
            if (HasControl(key))
                errors["query"] = [Message];
            else if (values.Any(v => v is not null && HasControl(v)))
                errors[key] = [Message];
        }
        foreach (var (key, value) in context.Request.RouteValues)
            if (value is string text && HasControl(text))
                errors[key] = [Message];
        // The path itself, whether or not a route took it (a route with a guid constraint does not match "%00").
        if (errors.Count == 0 && HasControl(context.Request.Path.Value ?? ""))
            errors["path"] = [Message];
        if (errors.Count == 0 && IsJson(context.Request))
        {
            context.Request.EnableBuffering();
            var field = await FirstControlInJson(context.Request.Body, context.RequestAborted);
            context.Request.Body.Position = 0;
            if (field is not null)
                errors[field] = [Message];
        }
        if (errors.Count == 0)
        {
            await next(context);
            return;
        }
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await context.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context,
            ProblemDetails = new ValidationProblemDetails(errors) { Status = 400, Title = "One or more fields are invalid." },
        });
    });

    public const string TooLarge = "A request body is at most 12 MB.";

    public const string Message = "Control characters (such as U+0000) are not allowed here.";

    /// <summary>C0 controls other than tab, line feed and carriage return, and DEL.</summary>
    public static bool HasControl(string text)
    {
        foreach (var c in text)
            if ((c < ' ' && c is not '\t' and not '\n' and not '\r') || c == '\u007f')
                return true;
        return false;
    }

    private static bool IsJson(HttpRequest request) =>
        request.ContentType is { } type && (type.Contains("json", StringComparison.OrdinalIgnoreCase)) && request.ContentLength is not 0;

    /// <summary>The path of the first string (or property name) holding a control character; null when there is none or the JSON is malformed (the binder reports that).</summary>
    private static async Task<string?> FirstControlInJson(Stream body, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, ct);
        // Raw control characters are not valid JSON; only their escaped forms can reach a string.
        if (buffer.Length == 0 || buffer.GetBuffer().AsSpan(0, (int)buffer.Length).IndexOf("\\u"u8) < 0)
            return null;
        try
        {
            return Scan(new ReadOnlySequence<byte>(buffer.GetBuffer(), 0, (int)buffer.Length));
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string? Scan(ReadOnlySequence<byte> json)
    {
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 256, CommentHandling = JsonCommentHandling.Skip });
        // One frame per open container: the array's next index, or the object's current property.
        var path = new List<(bool Array, int Index, string? Property)>();
        while (reader.Read())
        {
            switch (reader.TokenType)
            {
                case JsonTokenType.PropertyName:
                    var name = reader.GetString()!;
                    path[^1] = (false, 0, name);
                    if (HasControl(name))
                        return Path(path);
                    continue;
                case JsonTokenType.StartObject:
                case JsonTokenType.StartArray:
                    path.Add((reader.TokenType == JsonTokenType.StartArray, 0, null));
                    continue;
                case JsonTokenType.EndObject:
                case JsonTokenType.EndArray:
                    path.RemoveAt(path.Count - 1);
                    Advance(path);
                    continue;
                case JsonTokenType.String:
                    if (reader.ValueIsEscaped && HasControl(reader.GetString()!))
                        return Path(path);
                    Advance(path);
                    continue;
                default:
                    Advance(path);
                    continue;
            }
        }
        return null;
    }

    private static void Advance(List<(bool Array, int Index, string? Property)> path)
    {
        if (path.Count > 0 && path[^1].Array)
            path[^1] = (true, path[^1].Index + 1, null);
    }

    private static string Path(List<(bool Array, int Index, string? Property)> path)
    {
        var text = new StringBuilder();
        foreach (var (array, index, property) in path)
        {
            if (array)
                text.Append('[').Append(index).Append(']');
            else if (property is not null)
                text.Append(text.Length == 0 ? "" : ".").Append(property.Any(c => c < ' ') ? "?" : JsonNamingPolicy.CamelCase.ConvertName(property));
        }
        return text.Length == 0 ? "body" : text.ToString();
    }
}
