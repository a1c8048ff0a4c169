using FluentValidation;
using FluentValidation.Results;
using Microsoft.EntityFrameworkCore;
using Workflow.Application.Persistence;

namespace Workflow.Application.FormDefinitions;

internal static class TaskForms
{
    /// <summary>The form version a new task pins: the one asked for, else the latest; an unknown key or version is the caller's mistake.</summary>
    public static async Task<int?> PinVersion(AppDbContext db, string? formKey, int? formVersion, CancellationToken ct)
    {
        if (formKey is null)
            return null;
        if (formVersion is { } asked)
        {
            if (!await db.FormDefinitions().AnyAsync(f => f.Key == formKey && f.Version == asked, ct))
                throw new ValidationException([new ValidationFailure("formVersion", $"The form '{formKey}' has no version {asked}.")]);
            return asked;
        }
        return (await FormCatalog.Latest(db, formKey, ct))?.Version
               ?? throw new ValidationException([new ValidationFailure("formKey", $"No form has the key '{formKey}'.")]);
    }
}
