using Microsoft.EntityFrameworkCore;
using Workflow.Application.Workflows;
using Workflow.Engine.State;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Workflows;

public static class Journal
{
    /// <summary>An instance's journal as stored: its rows, in order.</summary>
    public static async Task<List<JournalEntry>> Of(AppFixture app, Guid instanceId) =>
        WorkflowJournalChunk.Concat(await app.Query(db => db.WorkflowJournal.AsNoTracking().Where(j => j.InstanceId == instanceId).ToListAsync()));
}
