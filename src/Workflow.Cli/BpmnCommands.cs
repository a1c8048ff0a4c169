using System.Text.Json;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Workflow.Application;
using Workflow.Application.Workflows;
using Workflow.Engine.Validation;

namespace Workflow.Cli;

/// <summary><c>workflow bpmn validate</c> and <c>workflow deploy</c>.</summary>
internal static class BpmnCommands
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>One JSON line per file; 0 if every file is valid, 1 otherwise, whatever is wrong with a file.</summary>
    public static async Task<int> Validate(string[] files, TextWriter output)
    {
        var allValid = true;
        foreach (var file in files)
        {
            IReadOnlyList<Engine.Model.ValidationError> errors;
            try
            {
                await using var stream = File.OpenRead(file);
                var report = DefinitionValidator.Validate(await new StreamReader(stream).ReadToEndAsync(), WorkflowCatalogue.Catalogue);
                errors = report.IsValid ? [] : report.Errors.Count > 0 ? report.Errors : [new("definitions", "the file is not a BPMN definition")];
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                errors = [new(Path.GetFileName(file), $"cannot read the file: {ex.Message}")];
            }
            allValid &= errors.Count == 0;
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                file,
                valid = errors.Count == 0,
                errors = errors.Select(e => new { element = e.Element, message = e.Message }),
            }, Json));
        }
        return allValid ? 0 : 1;
    }

    /// <summary>Deploys each file (or each .bpmn of each folder) if it changed, publishing it with --publish.</summary>
    public static async Task<int> Deploy(string[] paths, bool publish, string? formsDirectory, string connectionString, TextWriter output, TextWriter error)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Workflow"] = connectionString }).Build();
        var services = new ServiceCollection().AddSingleton<IConfiguration>(configuration).AddLogging().AddWorkflowApplication();
        await using var provider = services.BuildServiceProvider();
        IReadOnlyList<ShippedWorkflows.FileOutcome> outcomes;
        try
        {
            // User tasks may only name imported forms: import the given ones first, as the web host does at start-up.
            if (formsDirectory is not null)
                await Workflow.Application.FormDefinitions.ShippedForms.Import(provider, formsDirectory, CancellationToken.None);
            outcomes = await ShippedWorkflows.Deploy(provider, paths, publish, NullLogger.Instance, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            await error.WriteLineAsync($"Deploy failed: {ex.Message}");
            return 1;
        }
        foreach (var o in outcomes)
        {
            await output.WriteLineAsync(JsonSerializer.Serialize(new
            {
                file = o.File,
                deployed = o.Definition is not null,
                key = o.Definition?.Key,
                version = o.Definition?.Version,
                created = o.Created,
                status = o.Definition is null ? null : Application.Common.Kebab.Of(o.Definition.Status),
                errors = o.Errors.Select(e => new { element = e.Element, message = e.Message }),
            }, Json));
        }
        return outcomes.Count > 0 && outcomes.All(o => o.Definition is not null) ? 0 : 1;
    }
}
