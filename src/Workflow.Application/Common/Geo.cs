namespace Workflow.Application.Common;

/// <summary>Distances on the globe and the travel time planners allow for them.</summary>
public static class Geo
{
    private const double EarthRadiusKm = 6371.0088;

    /// <summary>Average door-to-door speed used to estimate travel between appointments (roads are not straight lines).</summary>
    public const double TravelSpeedKmPerHour = 50;

    /// <summary>Great-circle distance in kilometres (haversine).</summary>
    public static double DistanceKm(double lat1, double lon1, double lat2, double lon2)
    {
        static double Rad(double d) => d * Math.PI / 180;
        var dLat = Rad(lat2 - lat1);
        var dLon = Rad(lon2 - lon1);
        var a = Math.Sin(dLat / 2) * Math.Sin(dLat / 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Sin(dLon / 2) * Math.Sin(dLon / 2);
        return 2 * EarthRadiusKm * Math.Asin(Math.Min(1, Math.Sqrt(a)));
    }

    public static double? DistanceKm(Address? from, Address? to) =>
        from is { Latitude: { } a, Longitude: { } b } && to is { Latitude: { } c, Longitude: { } d } ? DistanceKm(a, b, c, d) : null;

    /// <summary>
    /// Time to allow between two appointments at these places: nothing for the same place,
    /// the distance at <see cref="TravelSpeedKmPerHour"/> rounded up to 5 minutes otherwise,
    /// and <paramref name="unknown"/> when either place has no coordinates.
    /// </summary>
    public static TimeSpan TravelBuffer(Address? from, Address? to, TimeSpan unknown)
    {
        var km = DistanceKm(from, to);
        if (km is null)
            return unknown;
        if (km < 0.2)
            return TimeSpan.Zero;
        var minutes = km.Value / TravelSpeedKmPerHour * 60;
        return TimeSpan.FromMinutes(Math.Ceiling(minutes / 5) * 5);
    }
}
