using System.Diagnostics;

namespace Workflow.Tests.Infrastructure;

/// <summary>
/// Waits for something another process or thread does (Hangfire running a job, a child process starting):
/// polls the condition, bounded in time. Real time on purpose: those parties run on the machine's clock.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    public static async Task Until(Func<Task<bool>> condition, TimeSpan limit, string what)
    {
        var waited = Stopwatch.StartNew();
        while (!await condition())
        {
            if (waited.Elapsed > limit)
                throw new TimeoutException($"{what} did not happen within {limit.TotalSeconds:F0} s.");
            await Task.Delay(Poll);
        }
    }
}
