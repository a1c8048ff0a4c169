using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql;
using Workflow.Application;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Persistence;

/// <summary>An instance stored before journals had rows of their own keeps its journal through the upgrade.</summary>
public sealed class JournalMigrationTests
{
    [Fact]
    public async Task A_journal_kept_in_the_state_moves_to_rows_in_its_order_and_the_instance_goes_on()
    {
        var database = await TestDatabase.CreateEmpty();
        try
        {
            var connection = TestDatabase.ConnectionString(database);
            await using (var db = AppDbContextOptions.Create(connection))
                await db.GetService<IMigrator>().MigrateAsync("20261121120000_FormDefinitions");
            var instanceId = Guid.NewGuid();
            await using var source = NpgsqlDataSource.Create(connection);
            await using (var definition = source.CreateCommand("""
                INSERT INTO workflow_definitions (id, key, version, xml, content_hash, status, created_at)
                VALUES ('00000000-0000-0000-0000-0000000000d1', 'old', 1, '<definitions/>', 'hash', 'published', now())
                """))
                await definition.ExecuteNonQueryAsync();
            await using (var insert = source.CreateCommand("""
                INSERT INTO workflow_instances (id, definition_id, definition_key, definition_version, status, state, open_incidents, started_at)
                VALUES ($1, '00000000-0000-0000-0000-0000000000d1', 'old', 1, 'running', $2::jsonb, 0, now())
                """))
            {
                insert.Parameters.Add(new NpgsqlParameter { Value = instanceId });
                insert.Parameters.Add(new NpgsqlParameter { Value = $$$"""
                    {"id":"{{{instanceId}}}","processId":"old","version":2,"status":"running","startedAt":"2026-11-20T08:00:00+00:00",
                     "variables":{"n":1},"tokens":[],"waits":[],"incidents":[],
                     "journal":[
                       {"at":"2026-11-20T08:00:00+00:00","kind":"instance-started","elementId":"Start","actor":"u-1","variables":{"n":1}},
                       {"at":"2026-11-20T08:00:01+00:00","kind":"entered","elementId":"Review","actor":"u-1"},
                       {"at":"2026-11-20T08:00:02+00:00","kind":"incident-raised","elementId":"Review","actor":"workflow","message":"it broke"}]}
                    """ });
                await insert.ExecuteNonQueryAsync();
            }

            await using (var db = AppDbContextOptions.Create(connection))
                await db.Database.MigrateAsync();

            await using (var db = AppDbContextOptions.Create(connection))
            {
                var rows = await db.WorkflowJournal.Where(j => j.InstanceId == instanceId).ToListAsync();
                var journal = WorkflowJournalChunk.Concat(rows);
                journal.Select(j => (j.Kind, j.ElementId)).ShouldBe([
                    (JournalKind.InstanceStarted, "Start"), (JournalKind.Entered, "Review"), (JournalKind.IncidentRaised, "Review")]);
                journal[0].Variables!["n"]!.GetValue<int>().ShouldBe(1);
                journal[2].Message.ShouldBe("it broke");
                var instance = await db.WorkflowInstances.SingleAsync(i => i.Id == instanceId);
                instance.JournalLength.ShouldBe(3);
                instance.ReadState().Journal.ShouldBeEmpty();
                instance.ReadState().Variables["n"]!.GetValue<int>().ShouldBe(1);

                // The next entries follow the old ones.
                var state = instance.ReadState();
                state.Journal.Add(new JournalEntry { At = DateTimeOffset.Parse("2026-11-21T08:00:00Z"), Kind = JournalKind.IncidentResolved, ElementId = "Review" });
                instance.Apply(state, DateTimeOffset.Parse("2026-11-21T08:00:00Z"));
                await db.SaveChangesAsync();
            }
            await using (var db = AppDbContextOptions.Create(connection))
            {
                var rows = await db.WorkflowJournal.Where(j => j.InstanceId == instanceId).ToListAsync();
                rows.Select(r => r.Seq).Order().ShouldBe([0, 3]);
                WorkflowJournalChunk.Concat(rows).Select(j => j.Kind).Last().ShouldBe(JournalKind.IncidentResolved);
            }
        }
        finally
        {
            await TestDatabase.Drop(database);
        }
    }
}
