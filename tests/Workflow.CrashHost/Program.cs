using Microsoft.Extensions.DependencyInjection.Extensions;
using Workflow.Application.Common;
using Workflow.Web;

// The application's own host, with one difference: CrashAt names a crash point where the process dies on the
// spot, as in a power cut, so the crash-safety tests can restart it and check that nothing was lost or done twice.
var app = WorkflowHost.Build(args, services => services.Replace(ServiceDescriptor.Singleton<ICrashPoints, KillAt>()));
await WorkflowHost.PrepareDatabase(app);
await app.RunAsync();

internal sealed class KillAt(IConfiguration configuration) : ICrashPoints
{
    private readonly string? _point = configuration["CrashAt"];

    public void Reached(string point)
    {
        if (point == _point)
            Environment.FailFast($"Test crash at '{point}'");
    }
}
