using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Workflow.Application.Common;

namespace Workflow.Web.Infrastructure;

/// <summary>
/// Declares, once for every API route, the problems it can answer (docs/architecture.md, Errors), so the
/// OpenAPI document tells generated clients the truth: 400 ValidationProblem (a field refused, a control
/// character, malformed JSON) everywhere; 401 and 403 unless the route is open; 404 when the route names
/// something by id or key; 413 when it takes a body (<see cref="InputGuard.MaxBodyBytes"/>); 409 and 422 (with a
/// <c>reason</c>) on every change. The reasons a route can answer
/// are named on its group (<see cref="Refuses{TBuilder}"/>), from the one vocabulary of <see cref="Reasons"/>.
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
            if (metadata.OfType<IAcceptsMetadata>().Any())
                Declare(StatusCodes.Status413PayloadTooLarge, typeof(ProblemDetails));
            if (methods.Any(m => m is not "GET" and not "HEAD"))
            {
                Declare(StatusCodes.Status409Conflict, typeof(ProblemDetails));
                Declare(StatusCodes.Status422UnprocessableEntity, typeof(ProblemDetails));
                metadata.Add(new RefusalReasons(Reasons.AnyChange));
            }
        });
        return builder;
    }

    /// <summary>The reasons (of <see cref="Reasons.All"/>) the routes of this builder can answer; on a group, every route of it.</summary>
    public static TBuilder Refuses<TBuilder>(this TBuilder builder, params string[] reasons) where TBuilder : IEndpointConventionBuilder
    {
        if (reasons.FirstOrDefault(r => !Reasons.All.ContainsKey(r)) is { } unknown)
            throw new ArgumentException($"'{unknown}' is not a reason of Reasons.All.", nameof(reasons));
        return builder.WithMetadata(new RefusalReasons(reasons));
    }
}

/// <summary>Endpoint metadata: reasons the route can answer with.</summary>
internal sealed record RefusalReasons(IReadOnlyCollection<string> Names);

/// <summary>
/// Writes each operation's reasons into its problem answers: the schema of a 401, 403, 409, 422 or 429 becomes the
/// ProblemDetails with a <c>reason</c> among those of that status (required where every such answer has one), and the
/// answer's description says what each means.
/// </summary>
internal sealed class ProblemReasonsTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var names = context.Description.ActionDescriptor.EndpointMetadata.OfType<RefusalReasons>().SelectMany(r => r.Names).ToHashSet();
        foreach (var (status, answer) in operation.Responses ?? [])
        {
            if (!int.TryParse(status, out var code) || answer is not OpenApiResponse response || response.Content is null)
                continue;
            var reasons = names.Select(n => Reasons.All[n]).Where(r => r.Status == code).OrderBy(r => r.Name, StringComparer.Ordinal).ToList();
            if (reasons.Count == 0)
                continue;
            foreach (var media in response.Content.Values)
            {
                if (media.Schema is null)
                    continue;
                media.Schema = new OpenApiSchema
                {
                    AllOf =
                    [
                        media.Schema,
                        new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            // A policy's 403 and the authentication's 401 carry no reason; a refusal by the domain always does.
                            Required = code is 409 or 422 or 429 ? new HashSet<string> { "reason" } : null,
                            Properties = new Dictionary<string, IOpenApiSchema>
                            {
                                ["reason"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. reasons.Select(r => (JsonNode)JsonValue.Create(r.Name))] },
                            },
                        },
                    ],
                };
            }
            response.Description = $"{response.Description}, with a `reason`:\n" + string.Join("\n", reasons.Select(r => $"- `{r.Name}`: {r.Meaning}"));
        }
        return Task.CompletedTask;
    }
}
