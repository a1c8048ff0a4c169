using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Declares, once for every API route, the problems it can answer (docs/architecture.md, Errors), so the
/// OpenAPI document tells generated clients the truth: 400 ValidationProblem (a field refused, a control
/// character, malformed JSON) everywhere; 401 and 403 unless the route is open; 404 when the route names
/// something by id or key; 409 and 422 (with a <c>reason</c>) on every change.
/// </summary>
internal static class ProblemResponses
{
    private static readonly string[] Problem = ["application/problem+json"];

    public static TBuilder WithProblems<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder
    {
        builder.Finally(endpoint =>
        {
            var metadata = endpoint.Metadata;
            void Declare(int status, Type type)
            {
                if (!metadata.OfType<IProducesResponseTypeMetadata>().Any(p => p.StatusCode == status))
                    metadata.Add(new ProducesResponseTypeMetadata(status, type, Problem));
            }
            Declare(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails));
            if (!metadata.OfType<IAllowAnonymous>().Any())
            {
                Declare(StatusCodes.Status401Unauthorized, typeof(ProblemDetails));
                Declare(StatusCodes.Status403Forbidden, typeof(ProblemDetails));
            }
            if (endpoint is RouteEndpointBuilder { RoutePattern.Parameters.Count: > 0 })
                Declare(StatusCodes.Status404NotFound, typeof(ProblemDetails));
            var methods = metadata.OfType<HttpMethodMetadata>().SelectMany(m => m.HttpMethods);
            if (methods.Any(m => m is not "GET" and not "HEAD"))
            {
                Declare(StatusCodes.Status409Conflict, typeof(ProblemDetails));
                Declare(StatusCodes.Status422UnprocessableEntity, typeof(ProblemDetails));
            }
        });
        return builder;
    }
}
