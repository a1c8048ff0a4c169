using Jint.Runtime;

namespace Workflow.Forms.Scripting;

/// <summary>Jint's time system with today taken from the validation's clock: a script's <c>new Date()</c> and <c>Date.now()</c>.</summary>
internal sealed class ClockTimeSystem(ITimeSystem inner, TimeProvider clock) : ITimeSystem
{
    public DateTimeOffset GetUtcNow() => clock.GetUtcNow();

    public TimeZoneInfo DefaultTimeZone => inner.DefaultTimeZone;

    public bool TryParse(string date, out long epochMilliseconds) => inner.TryParse(date, out epochMilliseconds);

    public TimeSpan GetUtcOffset(long epochMilliseconds) => inner.GetUtcOffset(epochMilliseconds);
}
