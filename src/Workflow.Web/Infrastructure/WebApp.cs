namespace Workflow.Web.Infrastructure;

/// <summary>
/// Serves the web application's shell (wwwroot/app/index.html, built by Vite from src/Workflow.Web/client)
/// for every screen under /app: the browser router takes it from there. Its assets are plain static files.
/// </summary>
internal static class WebApp
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapFallbackToFile("/app/{*path:nonfile}", "app/index.html").AllowAnonymous();
    }
}
