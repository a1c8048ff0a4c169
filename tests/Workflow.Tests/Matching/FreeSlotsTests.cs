using Workflow.Application.Common;
using Workflow.Application.Matching;

namespace Workflow.Tests.Matching;

public sealed class FreeSlotsTests
{
    private static DateTimeOffset T(int h, int m = 0) => new(2026, 11, 23, h, m, 0, TimeSpan.Zero);

    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);
    private static readonly TimeSpan Quarter = TimeSpan.FromMinutes(15);

    [Fact]
    public void Slots_fill_a_window_back_to_back_on_the_grid()
    {
        var slots = FreeSlots.Find([new(T(8, 10), T(11, 30))], [], new(T(0), T(23)), Hour, Quarter, 10);

        slots.Select(s => s.Start).ShouldBe([T(8, 15), T(9, 15), T(10, 15)]);
    }

    [Fact]
    public void Busy_times_and_their_travel_margins_are_avoided()
    {
        Busy[] busy = [new(new(T(9), T(10)), TimeSpan.FromMinutes(30), TimeSpan.FromMinutes(20))];

        var slots = FreeSlots.Find([new(T(8), T(13))], busy, new(T(0), T(23)), Hour, Quarter, 10);

        slots.Select(s => s.Start).ShouldBe([T(10, 30), T(11, 30)]);
    }

    [Fact]
    public void Nothing_fits_when_the_window_is_shorter_than_the_duration_or_outside_the_period()
    {
        FreeSlots.Find([new(T(8), T(8, 45))], [], new(T(0), T(23)), Hour, Quarter, 10).ShouldBeEmpty();
        FreeSlots.Find([new(T(8), T(12))], [], new(T(13), T(23)), Hour, Quarter, 10).ShouldBeEmpty();
        FreeSlots.Find([new(T(8), T(12))], [], new(T(10, 30), T(23)), Hour, Quarter, 10).Select(s => s.Start).ShouldBe([T(10, 30)]);
    }

    [Fact]
    public void The_count_is_capped()
    {
        FreeSlots.Find([new(T(0), T(23))], [], new(T(0), T(23)), Quarter, Quarter, 5).Count.ShouldBe(5);
    }

    [Fact]
    public void Travel_is_estimated_from_the_distance()
    {
        var gembloux = new Address("Gembloux", 50.5613, 4.6986);
        var namur = new Address("Namur", 50.4633, 4.8662);
        var lille = new Address("Lille", 50.6366, 3.0635);

        Geo.TravelBuffer(gembloux, gembloux, TimeSpan.FromMinutes(30)).ShouldBe(TimeSpan.Zero);
        Geo.TravelBuffer(gembloux, namur, TimeSpan.FromMinutes(30)).ShouldBe(TimeSpan.FromMinutes(20)); // ~16 km
        Geo.TravelBuffer(gembloux, lille, TimeSpan.FromMinutes(30)).ShouldBe(TimeSpan.FromMinutes(140)); // ~115 km
        Geo.TravelBuffer(gembloux, new Address("somewhere", null, null), TimeSpan.FromMinutes(30)).ShouldBe(TimeSpan.FromMinutes(30));
        Geo.DistanceKm(gembloux, lille)!.Value.ShouldBe(115.5, 1.0);
    }
}
