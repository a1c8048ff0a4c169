using System.Diagnostics;
using MediatR;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Workflow.Application;
using Workflow.Application.Agendas;
using Workflow.Application.Common;
using Workflow.Application.Matching;

namespace Workflow.Cli.Bench;

/// <summary>
/// <c>workflow bench scheduling</c>: builds the data set in a database of its own and times the
/// real queries through the real pipeline: matching experts for a two-week period, and one week
/// of five agendas with free slots. Prints median and 95th percentile.
/// </summary>
internal static class SchedulingBench
{
    public static async Task<int> Run(string connectionString, string database, int experts, int runs, bool reuse, TextWriter output)
    {
        var server = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false }.ConnectionString;
        var benchDb = new NpgsqlConnectionStringBuilder(connectionString) { Database = database, CommandTimeout = 600 }.ConnectionString;
        await using var source = NpgsqlDataSource.Create(benchDb);
        Guid adminId;
        List<Guid> dossiers;
        if (reuse)
        {
            // Time the queries again on the data set of an earlier run.
            adminId = (await Ids(source, "SELECT id FROM users WHERE email = 'bench-admin@bench.local'")).Single();
            dossiers = await Ids(source, "SELECT id FROM dossiers");
        }
        else
        {
            (adminId, dossiers) = await Generate(server, database, benchDb, source, experts, output);
        }
        return await Measure(benchDb, source, adminId, dossiers, runs, output);
    }

    private static async Task<(Guid, List<Guid>)> Generate(string server, string database, string benchDb, NpgsqlDataSource source, int experts, TextWriter output)
    {
        await using (var admin = new NpgsqlConnection(server))
        {
            await admin.OpenAsync();
            var name = new NpgsqlCommandBuilder().QuoteIdentifier(database);
            await new NpgsqlCommand($"DROP DATABASE IF EXISTS {name} WITH (FORCE)", admin).ExecuteNonQueryAsync();
            await new NpgsqlCommand($"CREATE DATABASE {name}", admin).ExecuteNonQueryAsync();
        }
        await using (var db = AppDbContextOptions.Create(benchDb))
            await db.Database.MigrateAsync();

        await output.WriteLineAsync("Generating…");
        var generation = Stopwatch.StartNew();
        var counts = new SchedulingData.Counts(experts, RangesPerExpert: 20, AppointmentsPerExpert: 100, Dossiers: Math.Max(1000, experts));
        var generated = await SchedulingData.Generate(source, counts, output);
        await output.WriteLineAsync($"  generated in {generation.Elapsed.TotalSeconds:F0} s");
        return generated;
    }

    private static async Task<int> Measure(string benchDb, NpgsqlDataSource source, Guid adminId, List<Guid> dossiers, int runs, TextWriter output)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workflow"] = benchDb }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWorkflowApplication().BuildServiceProvider();
        var random = new Random(7);

        var matching = await Time(services, adminId, runs, async mediator =>
        {
            var from = SchedulingData.Epoch.AddDays(7 * random.Next(0, 36));
            var found = await mediator.Send(new FindExperts.Query(dossiers[random.Next(dossiers.Count)], from, from.AddDays(14), 60));
            return found.Count;
        });
        var expertIds = await Ids(source, "SELECT id FROM users WHERE full_name LIKE 'Expert %'");
        var agendas = await Time(services, adminId, runs, async mediator =>
        {
            var from = SchedulingData.Epoch.AddDays(7 * random.Next(0, 36));
            var users = Enumerable.Range(0, 5).Select(_ => expertIds[random.Next(expertIds.Count)]).Distinct().ToList();
            var result = await mediator.Send(new GetAgendas.Query(users, from, from.AddDays(7), SlotMinutes: 60));
            return result.Sum(a => a.Appointments.Count);
        });

        await output.WriteLineAsync();
        await output.WriteLineAsync($"| query | runs | median | p95 | results per run (avg) |");
        await output.WriteLineAsync($"| --- | --- | --- | --- | --- |");
        await output.WriteLineAsync($"| match experts, 2 weeks, 60 min | {runs} | {matching.Median:F1} ms | {matching.P95:F1} ms | {matching.Results:F0} experts |");
        await output.WriteLineAsync($"| 5 agendas, 1 week, free 60-min slots | {runs} | {agendas.Median:F1} ms | {agendas.P95:F1} ms | {agendas.Results:F0} appointments |");
        return 0;
    }

    private static async Task<(double Median, double P95, double Results)> Time(IServiceProvider services, Guid adminId, int runs, Func<IMediator, Task<int>> query)
    {
        var timings = new List<double>();
        var results = 0L;
        for (var i = -5; i < runs; i++) // five warm-up runs, not counted
        {
            await using var scope = services.CreateAsyncScope();
            scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(adminId, [Roles.Admin]);
            var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
            var watch = Stopwatch.StartNew();
            var count = await query(mediator);
            watch.Stop();
            if (i < 0)
                continue;
            timings.Add(watch.Elapsed.TotalMilliseconds);
            results += count;
        }
        timings.Sort();
        return (timings[timings.Count / 2], timings[(int)Math.Ceiling(timings.Count * 0.95) - 1], (double)results / runs);
    }

    private static async Task<List<Guid>> Ids(NpgsqlDataSource source, string sql)
    {
        await using var command = source.CreateCommand(sql);
        await using var reader = await command.ExecuteReaderAsync();
        var ids = new List<Guid>();
        while (await reader.ReadAsync())
            ids.Add(reader.GetGuid(0));
        return ids;
    }
}
