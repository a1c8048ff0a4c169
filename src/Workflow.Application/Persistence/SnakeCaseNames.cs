using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Workflow.Application.Persistence;

/// <summary>PostgreSQL's own style: snake_case tables, columns, keys and indexes (Identity's "AspNetUsers" becomes "users").</summary>
internal static class SnakeCaseNames
{
    public static void Apply(ModelBuilder builder)
    {
        foreach (var entity in builder.Model.GetEntityTypes())
        {
            if (entity.IsOwned())
            {
                var prefix = Snake(entity.FindOwnership()!.PrincipalToDependent!.Name);
                foreach (var property in entity.GetProperties())
                    property.SetColumnName(property.IsPrimaryKey() ? "id" : $"{prefix}_{Snake(property.Name)}");
                continue;
            }

            var table = entity.GetTableName()!;
            if (table.StartsWith("AspNet", StringComparison.Ordinal))
                table = table["AspNet".Length..];
            entity.SetTableName(Snake(table));
            foreach (var property in entity.GetProperties())
                // uint row versions are PostgreSQL's system column xmin: optimistic concurrency at no storage cost.
                property.SetColumnName(property.IsConcurrencyToken && property.ClrType == typeof(uint) ? "xmin" : Snake(property.Name));
            foreach (var complex in entity.GetComplexProperties())
                foreach (var property in complex.ComplexType.GetProperties())
                    property.SetColumnName($"{Snake(complex.Name)}_{Snake(property.Name)}");
        }

        // Constraint names use the final table names, so they come in a second pass.
        foreach (var entity in builder.Model.GetEntityTypes().Where(e => !e.IsOwned()))
        {
            foreach (var key in entity.GetKeys())
                key.SetName(key.IsPrimaryKey() ? $"pk_{entity.GetTableName()}" : $"ak_{entity.GetTableName()}_{string.Join("_", key.Properties.Select(p => Snake(p.Name)))}");
            foreach (var fk in entity.GetForeignKeys())
                fk.SetConstraintName($"fk_{entity.GetTableName()}_{fk.PrincipalEntityType.GetTableName()}_{string.Join("_", fk.Properties.Select(p => Snake(p.Name)))}");
            foreach (var index in entity.GetIndexes())
                index.SetDatabaseName($"ix_{entity.GetTableName()}_{string.Join("_", index.Properties.Select(p => Snake(p.Name)))}");
        }
    }

    public static string Snake(string name) => JsonNamingPolicy.SnakeCaseLower.ConvertName(name);
}
