using Workflow.Engine.Model;
using Workflow.Engine.Timing;

namespace Workflow.Engine.Tests.Timing;

public class Iso8601Tests
{
    private static readonly DateTimeOffset Now = new(2026, 1, 31, 10, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("PT1H", "2026-01-31T11:00:00+00:00")]
    [InlineData("P3D", "2026-02-03T10:00:00+00:00")]
    [InlineData("P1W", "2026-02-07T10:00:00+00:00")]
    [InlineData("P1M", "2026-02-28T10:00:00+00:00")]
    [InlineData("P1Y2M3DT4H5M6S", "2027-04-03T14:05:06+00:00")]
    [InlineData("PT0.5S", "2026-01-31T10:00:00.5+00:00")]
    public void Durations_add_calendar_parts_then_time(string text, string expected)
    {
        Iso8601.TryParseDuration(text, out var duration).ShouldBeTrue();

        duration.AddTo(Now).ShouldBe(DateTimeOffset.Parse(expected));
    }

    [Theory]
    [InlineData("P")]
    [InlineData("PT")]
    [InlineData("1H")]
    [InlineData("PT1D")]
    [InlineData("P1H")]
    [InlineData("three days")]
    [InlineData("-P1D")]
    public void Bad_durations_are_refused(string text) => Iso8601.TryParseDuration(text, out _).ShouldBeFalse();

    [Theory]
    [InlineData("2026-11-23T08:00:00Z")]
    [InlineData("2026-11-23T08:00:00+01:00")]
    [InlineData("2026-11-23")]
    public void Dates_parse(string text) => Iso8601.TryParseDate(text, out _).ShouldBeTrue();

    [Theory]
    [InlineData("23/11/2026")]
    [InlineData("2026-13-40T08:00:00Z")]
    [InlineData("tomorrow")]
    public void Bad_dates_are_refused(string text) => Iso8601.TryParseDate(text, out _).ShouldBeFalse();

    [Fact]
    public void Cycle_with_count_start_and_interval_parses()
    {
        Iso8601.TryParseCycle("R3/2026-11-23T08:00:00Z/P1D", out var cycle).ShouldBeTrue();

        cycle.Repetitions.ShouldBe(3);
        cycle.Start.ShouldBe(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        cycle.Interval.Time.ShouldBe(TimeSpan.FromDays(1));
    }

    [Theory]
    [InlineData("R/PT1H")]
    [InlineData("R5/PT10M")]
    public void Unbounded_and_counted_cycles_parse(string text) => Iso8601.TryParseCycle(text, out _).ShouldBeTrue();

    [Theory]
    [InlineData("R2/banana")]
    [InlineData("PT1H")]
    [InlineData("R2/PT0S")]
    [InlineData("Rx/PT1H")]
    public void Bad_cycles_are_refused(string text) => Iso8601.TryParseCycle(text, out _).ShouldBeFalse();

    [Fact]
    public void Cycle_with_a_future_start_is_first_due_at_its_start() =>
        TimerSchedule.FirstDue(new TimerSpec(TimerKind.Cycle, "R/2026-02-01T08:00:00Z/P1D"), Now)
            .ShouldBe(new DateTimeOffset(2026, 2, 1, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void Cycle_repetitions_after_the_first_are_counted() =>
        TimerSchedule.RepetitionsAfterFirst(new TimerSpec(TimerKind.Cycle, "R3/PT1H")).ShouldBe(2);
}
