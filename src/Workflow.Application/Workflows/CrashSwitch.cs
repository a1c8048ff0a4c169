using Microsoft.Extensions.Configuration;

namespace Workflow.Application.Workflows;

/// <summary>
/// Test-only: Workflows:TestCrashAt names a point where the process dies on the spot, as a power cut
/// would, so the crash-safety tests can check that nothing is lost or done twice after a restart.
/// Unset (always, outside those tests) it does nothing.
/// </summary>
public sealed class CrashSwitch(IConfiguration configuration)
{
    private readonly string? _point = configuration["Workflows:TestCrashAt"];

    public void At(string point)
    {
        if (_point == point)
            Environment.FailFast($"Test crash at '{point}'");
    }
}
