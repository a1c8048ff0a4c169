using Workflow.Engine.Timing;

namespace Workflow.Engine.Tests.Timing;

public class WorkingDaysTests
{
    [Theory]
    [InlineData("2026-11-23T09:00:00Z", 3, "2026-11-26T09:00:00Z")] // Monday → Thursday
    [InlineData("2026-11-26T09:00:00Z", 3, "2026-12-01T09:00:00Z")] // Thursday → next Tuesday
    [InlineData("2026-11-28T09:00:00Z", 1, "2026-12-01T09:00:00Z")] // Saturday counts from Monday
    [InlineData("2026-11-27T09:00:00Z", 0, "2026-11-27T09:00:00Z")]
    [InlineData("2026-11-30T09:00:00Z", -1, "2026-11-27T09:00:00Z")] // Monday back to Friday
    public void Working_days_skip_weekends(string start, int days, string expected) =>
        WorkingDays.Add(DateTimeOffset.Parse(start), days).ShouldBe(DateTimeOffset.Parse(expected));
}
