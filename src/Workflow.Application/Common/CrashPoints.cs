namespace Workflow.Application.Common;

/// <summary>
/// The points where a crash would hurt most: between a service task's command and the rest of its step, and
/// between a commit and the job that must follow it. The application reports reaching them and nothing
/// happens; the crash-safety tests put in an implementation that kills the process there, to show that
/// nothing is lost or done twice after a restart.
/// </summary>
public interface ICrashPoints
{
    void Reached(string point);
}

public static class CrashPoint
{
    /// <summary>A service task's command has run inside the step's transaction, which has not committed.</summary>
    public const string AfterCommand = "after-command";

    /// <summary>A timer's row has committed; its Hangfire job is not scheduled yet.</summary>
    public const string BeforeTimerJob = "before-timer-job";

    /// <summary>A timer has fired and its step has committed; Hangfire has not yet recorded the job as done.</summary>
    public const string AfterTimerFired = "after-timer-fired";
}

internal sealed class NoCrashes : ICrashPoints
{
    public void Reached(string point) { }
}
