using Npgsql;
using NpgsqlTypes;

namespace Workflow.Cli.Bench;

/// <summary>
/// Generates a large, realistic planning data set with COPY: experts spread over Belgium and
/// northern France with one to three skills, a working day of availability every other week, and
/// half of each range's hours booked — so matching has real work to do (many candidates, busy agendas).
/// </summary>
internal static class SchedulingData
{
    public static readonly DateTimeOffset Epoch = new(2027, 1, 4, 0, 0, 0, TimeSpan.Zero); // a Monday
    public static readonly string[] Skills = ["water-damage", "fire", "vehicle", "construction", "theft", "storm", "electrical", "medical"];
    private static readonly Guid ExpertRole = Guid.Parse("019a0000-0000-7000-8000-000000000004");

    public sealed record Counts(int Experts, int RangesPerExpert, int AppointmentsPerExpert, int Dossiers);

    public static async Task<(Guid Admin, List<Guid> Dossiers)> Generate(NpgsqlDataSource db, Counts counts, TextWriter log)
    {
        var random = new Random(20261121);
        var admin = Guid.CreateVersion7();
        var experts = Enumerable.Range(0, counts.Experts).Select(_ => Guid.CreateVersion7()).ToList();
        // Each expert works around a base; their appointments take place within about 15 km of it.
        var bases = experts.ToDictionary(e => e, _ => (Lat: 49.5 + random.NextDouble() * 1.8, Lon: 2.5 + random.NextDouble() * 3.5));

        await using (var skills = await db.OpenConnectionAsync())
        await using (var writer = await skills.BeginBinaryImportAsync("COPY skills (code, name) FROM STDIN (FORMAT BINARY)"))
        {
            foreach (var s in Skills)
                await writer.WriteRowAsync(default, s, s);
            await writer.CompleteAsync();
        }

        await using (var connection = await db.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY users (id, full_name, skills, base_address_text, base_address_latitude, base_address_longitude, time_zone, user_name, normalized_user_name,
                        email, normalized_email, email_confirmed, security_stamp, concurrency_stamp, phone_number_confirmed, two_factor_enabled, lockout_enabled, access_failed_count)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (id, i) in experts.Select((e, i) => (e, i)).Prepend((admin, -1)))
            {
                var email = i < 0 ? "bench-admin@bench.local" : $"expert{i}@bench.local";
                var skills = i < 0 ? [] : Skills.OrderBy(_ => random.Next()).Take(1 + random.Next(3)).ToArray();
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync(i < 0 ? "Bench Admin" : $"Expert {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(skills, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync($"Base {i}", NpgsqlDbType.Varchar);
                var (lat, lon) = i < 0 ? (50.5, 4.5) : bases[id]; // between Lille and Liège
                await writer.WriteAsync(lat, NpgsqlDbType.Double);
                await writer.WriteAsync(lon, NpgsqlDbType.Double);
                await writer.WriteAsync("Europe/Brussels", NpgsqlDbType.Varchar);
                await writer.WriteAsync(email, NpgsqlDbType.Varchar);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(email, NpgsqlDbType.Varchar);
                await writer.WriteAsync(email.ToUpperInvariant(), NpgsqlDbType.Varchar);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(Guid.NewGuid().ToString(), NpgsqlDbType.Text);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(true, NpgsqlDbType.Boolean);
                await writer.WriteAsync(0, NpgsqlDbType.Integer);
            }
            await writer.CompleteAsync();
        }
        await Execute(db, $"INSERT INTO user_roles (user_id, role_id) SELECT id, '{ExpertRole}' FROM users WHERE id <> '{admin}'");
        await Execute(db, $"INSERT INTO user_roles (user_id, role_id) VALUES ('{admin}', '019a0000-0000-7000-8000-000000000001')");
        await log.WriteLineAsync($"  {counts.Experts:N0} experts");

        var dossiers = Enumerable.Range(0, counts.Dossiers).Select(_ => Guid.CreateVersion7()).ToList();
        await using (var connection = await db.OpenConnectionAsync())
        await using (var writer = await connection.BeginBinaryImportAsync("""
            COPY dossiers (id, reference, title, kind, status, required_skills, address_text, address_latitude, address_longitude, urgent, confidential, referent_id, created_at, created_by_id)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var (id, i) in dossiers.Select((d, i) => (d, i)))
            {
                await writer.StartRowAsync();
                await writer.WriteAsync(id, NpgsqlDbType.Uuid);
                await writer.WriteAsync($"BEN-{i:D7}", NpgsqlDbType.Varchar);
                await writer.WriteAsync($"Bench dossier {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync("expertise", NpgsqlDbType.Varchar);
                await writer.WriteAsync("open", NpgsqlDbType.Varchar);
                await writer.WriteAsync(new[] { Skills[random.Next(Skills.Length)] }, NpgsqlDbType.Array | NpgsqlDbType.Text);
                await writer.WriteAsync($"Site {i}", NpgsqlDbType.Varchar);
                await writer.WriteAsync(49.5 + random.NextDouble() * 1.8, NpgsqlDbType.Double);
                await writer.WriteAsync(2.5 + random.NextDouble() * 3.5, NpgsqlDbType.Double);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(false, NpgsqlDbType.Boolean);
                await writer.WriteAsync(admin, NpgsqlDbType.Uuid);
                await writer.WriteAsync(Epoch.AddDays(-30), NpgsqlDbType.TimestampTz);
                await writer.WriteAsync(admin, NpgsqlDbType.Uuid);
            }
            await writer.CompleteAsync();
        }
        await log.WriteLineAsync($"  {counts.Dossiers:N0} dossiers");

        // Ranges: one working day (08:00–18:00 UTC) every other week per expert, on a weekday of its own.
        long ranges = 0, appointments = 0;
        await using (var rangeConnection = await db.OpenConnectionAsync())
        await using (var appointmentConnection = await db.OpenConnectionAsync())
        await using (var rangeWriter = await rangeConnection.BeginBinaryImportAsync("COPY availability_ranges (id, user_id, start, \"end\") FROM STDIN (FORMAT BINARY)"))
        await using (var appointmentWriter = await appointmentConnection.BeginBinaryImportAsync("""
            COPY appointments (id, dossier_id, title, main_user_id, created_by_id, created_at, start, "end", status, sequence, place_text, place_latitude, place_longitude)
            FROM STDIN (FORMAT BINARY)
            """))
        {
            foreach (var expert in experts)
            {
                var weekday = random.Next(5);
                var offsetWeek = random.Next(2);
                var slots = new List<DateTimeOffset>();
                for (var r = 0; r < counts.RangesPerExpert; r++)
                {
                    var day = Epoch.AddDays((offsetWeek + 2 * r) * 7 + weekday);
                    await rangeWriter.WriteRowAsync(default, Guid.CreateVersion7(), expert, day.AddHours(8), day.AddHours(18));
                    ranges++;
                    slots.AddRange(Enumerable.Range(0, 10).Select(h => day.AddHours(8 + h)));
                }
                foreach (var slot in slots.OrderBy(_ => random.Next()).Take(counts.AppointmentsPerExpert))
                {
                    var (lat, lon) = bases[expert];
                    await appointmentWriter.WriteRowAsync(default, Guid.CreateVersion7(), dossiers[random.Next(dossiers.Count)], "Bench visit", expert, admin,
                        Epoch.AddDays(-30), slot, slot.AddHours(1), "planned", 0, "Visit", lat + (random.NextDouble() - 0.5) * 0.27, lon + (random.NextDouble() - 0.5) * 0.4);
                    appointments++;
                }
            }
            await rangeWriter.CompleteAsync();
            await appointmentWriter.CompleteAsync();
        }
        await log.WriteLineAsync($"  {ranges:N0} availability ranges, {appointments:N0} appointments");
        await Execute(db, "ANALYZE");
        return (admin, dossiers);
    }

    private static async Task Execute(NpgsqlDataSource db, string sql)
    {
        await using var command = db.CreateCommand(sql);
        command.CommandTimeout = 600;
        await command.ExecuteNonQueryAsync();
    }
}
