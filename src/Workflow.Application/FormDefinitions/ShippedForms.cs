using System.Text.Json;
using System.Text.Json.Nodes;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace Workflow.Application.FormDefinitions;

/// <summary>Imports the forms shipped in forms/*.json at start-up, each under its file name: a changed file becomes a new version, an unchanged one nothing.</summary>
public static class ShippedForms
{
    public static async Task<IReadOnlyList<ImportForm.Result>> Import(IServiceProvider services, string directory, CancellationToken ct)
    {
        var results = new List<ImportForm.Result>();
        if (!Directory.Exists(directory))
            return results;
        foreach (var file in Directory.GetFiles(directory, "*.json").Order(StringComparer.Ordinal))
        {
            var key = Path.GetFileNameWithoutExtension(file);
            JsonObject schema;
            try
            {
                schema = JsonNode.Parse(await File.ReadAllTextAsync(file, ct)) as JsonObject
                         ?? throw new InvalidOperationException($"{file} is not a JSON object.");
            }
            catch (JsonException e)
            {
                throw new InvalidOperationException($"{file} is not JSON: {e.Message}", e);
            }
            // One scope (and transaction) per form, as an administrator importing them one by one.
            await using var scope = services.CreateAsyncScope();
            results.Add(await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ImportForm.Command(key, schema), ct));
        }
        return results;
    }
}
