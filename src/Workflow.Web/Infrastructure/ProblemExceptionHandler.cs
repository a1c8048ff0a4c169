using System.Text.Json;
using FluentValidation;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Workflow.Application.Common;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Every error leaves as ProblemDetails: 400 with one entry per invalid field, 403/404 for
/// access, 409/422 with a machine-readable <c>reason</c> for domain refusals. Only a fault of
/// ours is a 500, and it says nothing of the internals.
/// </summary>
public sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken cancellationToken)
    {
        var problem = exception switch
        {
            ValidationException v => Validation(v.Errors.GroupBy(e => e.PropertyName).ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).Distinct().ToArray())),
            BadHttpRequestException { InnerException: JsonException json } => Validation(new() { [JsonField(json.Path)] = [JsonMessage(json)] }),
            BadHttpRequestException { StatusCode: 400 } bad when bad.Message.Contains("body", StringComparison.OrdinalIgnoreCase) && bad.Message.StartsWith("Required", StringComparison.Ordinal)
                || bad.Message.StartsWith("Implicit body", StringComparison.Ordinal) => Validation(new() { ["body"] = ["The request needs a JSON body."] }),
            BadHttpRequestException { StatusCode: 400 } bad when Parameter(bad.Message) is { } name => Validation(new() { [name] = [ParameterMessage(bad.Message, name)] }),
            BadHttpRequestException { StatusCode: 413 } => Problem(413, "Payload too large", InputGuard.TooLarge),
            BadHttpRequestException bad => Problem(bad.StatusCode, "Bad request", bad.Message),
            NotFoundException nf => Problem(404, "Not found", nf.Message),
            ForbiddenException f => Problem(403, "Forbidden", f.Message, f.Reason),
            // A domain exception carries its own extra members: no feature's exception type is known here.
            DomainException d => WithDetails(Problem(d.Unprocessable ? 422 : 409, d.Unprocessable ? "Unprocessable" : "Conflict", d.Message, d.Reason), d.Extensions),
            OperationCanceledException when context.RequestAborted.IsCancellationRequested => null,
            _ => null,
        };

        if (problem is null)
        {
            if (context.RequestAborted.IsCancellationRequested)
                return true;
            logger.LogError(exception, "Unhandled error on {Method} {Path}", context.Request.Method, context.Request.Path);
            problem = Problem(500, "Server error", "Something went wrong on our side. It has been logged.");
        }

        context.Response.StatusCode = problem.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    private static ValidationProblemDetails Validation(Dictionary<string, string[]> errors) =>
        new(errors) { Status = 400, Title = "One or more fields are invalid." };

    private static ProblemDetails WithDetails(ProblemDetails problem, IReadOnlyDictionary<string, object?> details)
    {
        foreach (var (key, value) in details)
            problem.Extensions[key] = value;
        return problem;
    }

    private static ProblemDetails Problem(int status, string title, string detail, string? reason = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail };
        if (reason is not null)
            problem.Extensions["reason"] = reason;
        return problem;
    }

    /// <summary>The binder names the parameter it could not read: <c>Failed to bind parameter "Guid? dossierId" from "x".</c>, <c>Required parameter "int duration" was not provided from query string.</c></summary>
    private static string? Parameter(string message) =>
        System.Text.RegularExpressions.Regex.Match(message, "parameter \"(?:[^\"]*\\s)?(?<name>[A-Za-z_][A-Za-z0-9_]*)\"") is { Success: true } m ? m.Groups["name"].Value : null;

    private static string ParameterMessage(string message, string name) =>
        message.StartsWith("Required", StringComparison.Ordinal) ? $"'{name}' is required." : $"The value of '{name}' is not valid for its type.";

    /// <summary>System.Text.Json says "$.participants[0].email"; clients know the field as "participants[0].email".</summary>
    private static string JsonField(string? path) => string.IsNullOrEmpty(path) || path == "$" ? "body" : path.TrimStart('$', '.');

    /// <summary>A syntax error (the reader's) is not a value of the wrong type (a converter's): say which.</summary>
    private static string JsonMessage(JsonException json) =>
        json.Path is null or "$" ? "The request body is not valid JSON."
        : json.Message.Contains("could not be converted", StringComparison.Ordinal)
            ? $"The value at '{JsonField(json.Path)}' is not valid for its type."
            : $"The request body is not valid JSON (near '{JsonField(json.Path)}').";
}
