using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Workflow.Web.Infrastructure;

/// <summary>Declares the bearer scheme so Swagger UI's "Authorize" button takes the token from POST /auth/login.</summary>
internal sealed class OpenApiSecurity : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes["bearer"] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "The accessToken returned by POST /auth/login. In the browser, POST /auth/login?useCookies=true signs in with a cookie instead.",
        };
        document.Security ??= [];
        document.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("bearer", document)] = [] });
        return Task.CompletedTask;
    }
}
