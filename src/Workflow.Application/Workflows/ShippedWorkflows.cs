using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Workflow.Application.Common;

namespace Workflow.Application.Workflows;

/// <summary>Deploys (if changed) and publishes the BPMN files of a folder: the shipped workflows at start-up, and <c>workflow deploy</c>.</summary>
public static class ShippedWorkflows
{
    public sealed record FileOutcome(string File, DefinitionDto? Definition, bool Created, IReadOnlyList<Engine.Model.ValidationError> Errors);

    public static IEnumerable<string> Files(IEnumerable<string> paths) => paths.SelectMany(p =>
        Directory.Exists(p) ? Directory.GetFiles(p, "*.bpmn").Order(StringComparer.Ordinal) : (IEnumerable<string>)[p]);

    /// <summary>Each file in its own transaction: one bad file does not hold back the others.</summary>
    public static async Task<IReadOnlyList<FileOutcome>> Deploy(IServiceProvider services, IEnumerable<string> paths, bool publish, ILogger logger, CancellationToken ct)
    {
        var outcomes = new List<FileOutcome>();
        foreach (var file in Files(paths))
        {
            await using var scope = services.CreateAsyncScope();
            try
            {
                var xml = await File.ReadAllTextAsync(file, ct);
                var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new DeployDefinition.Command(xml, publish), ct);
                outcomes.Add(new FileOutcome(file, result.Definition, result.Created, []));
                logger.LogInformation("Workflow {Key} version {Version} from {File}: {What}", result.Definition.Key, result.Definition.Version, file,
                    result.Created ? "deployed" : "unchanged");
            }
            catch (InvalidDefinitionException ex)
            {
                outcomes.Add(new FileOutcome(file, null, false, ex.Errors));
                logger.LogError("Workflow file {File} is invalid: {Problems}", file, ex.Message);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or DomainException or FluentValidation.ValidationException)
            {
                outcomes.Add(new FileOutcome(file, null, false, [new(Path.GetFileName(file), ex.Message)]));
                logger.LogError(ex, "Workflow file {File} was not deployed", file);
            }
        }
        return outcomes;
    }
}
