using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Persistence;
using Workflow.Forms.Extensions;
using Workflow.Forms.Schema;

namespace Workflow.Application.FormDefinitions;

/// <summary>
/// Form.io's <c>unique</c>: the value must not be in an accepted submission of the same form
/// (any version). Fields inside grid rows are compared within the submission only, as Form.io does.
/// </summary>
internal sealed class SubmittedValues(AppDbContext db, string formKey) : IUniqueValueChecker
{
    public bool IsTaken(FormComponent component, string path, JsonNode? value)
    {
        if (value is null || path.Contains('[', StringComparison.Ordinal))
            return false;
        var segments = path.Split('.');
        var json = value.ToJsonString();
        // The validator's interface is synchronous; this is one indexed lookup by form key.
        return db.Database.SqlQuery<bool>(
            $"SELECT EXISTS (SELECT 1 FROM form_submissions WHERE form_key = {formKey} AND data #> {segments} = {json}::jsonb) AS \"Value\"").Single();
    }
}
