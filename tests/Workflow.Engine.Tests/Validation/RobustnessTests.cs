using Workflow.Engine.Expressions;
using Workflow.Engine.Tests.Support;
using Workflow.Engine.Validation;

namespace Workflow.Engine.Tests.Validation;

/// <summary>Definitions come from people and files: no input, however broken, may make validation throw.</summary>
public class RobustnessTests
{
    public static TheoryData<string> Fixtures() =>
        new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.bpmn").Select(Path.GetFileName).OfType<string>());

    [Theory]
    [MemberData(nameof(Fixtures))]
    public void Mutated_files_are_validated_without_throwing(string name)
    {
        var xml = Fixture.Xml(name);
        var random = new Random(name.Length);
        var verdicts = 0;
        for (var i = 0; i < 150; i++)
        {
            var mutated = Mutate(xml, random);

            var report = DefinitionValidator.Validate(mutated, Catalogue.Of(["BookAppointment"], ["planning"]));

            if (!report.IsValid)
                report.Errors.ShouldAllBe(e => !string.IsNullOrEmpty(e.Element) && !string.IsNullOrEmpty(e.Message));
            verdicts++;
        }
        verdicts.ShouldBe(150);
    }

    [Theory]
    [MemberData(nameof(Fixtures))]
    public async Task Mutated_files_that_still_validate_run_without_unexpected_exceptions(string name)
    {
        var xml = Fixture.Xml(name);
        var random = new Random(name.Length * 31);
        for (var i = 0; i < 60; i++)
        {
            var report = DefinitionValidator.Validate(Mutate(xml, random));
            if (!report.IsValid)
                continue;
            try
            {
                var result = await new Harness(new Workflow.Engine.Execution.EngineOptions { MaxStepsPerCommand = 300 }).Start(report.Definition!, new { dossierId = "d", amount = 5, referentId = "u", possible = true });
                result.State.ShouldNotBeNull();
            }
            catch (Workflow.Engine.Execution.WorkflowException)
            {
                // A refusal with a reason (no plain start event, say) is an answer, not a crash.
            }
        }
    }

    [Fact]
    public void Random_expressions_are_checked_without_throwing()
    {
        var random = new Random(7);
        const string alphabet = "abc01 ()[]{}'\"\\/.,;:?!=<>+-*%&|^~$#@`\n";
        for (var i = 0; i < 2_000; i++)
        {
            var text = new string(Enumerable.Range(0, random.Next(1, 40)).Select(_ => alphabet[random.Next(alphabet.Length)]).ToArray());

            _ = ExpressionSyntax.Check(text);
        }
    }

    /// <summary>Cuts, duplicates or swaps a random slice, or renames an id: the kinds of damage hand edits cause.</summary>
    private static string Mutate(string xml, Random random)
    {
        var start = random.Next(xml.Length);
        var length = Math.Min(random.Next(1, 80), xml.Length - start);
        return random.Next(4) switch
        {
            0 => xml.Remove(start, length),
            1 => xml.Insert(start, xml.Substring(random.Next(xml.Length - length), length)),
            2 => xml.Replace("Flow_1\"", "Flow_X\"", StringComparison.Ordinal),
            _ => xml[..start] + new string('<', random.Next(1, 3)) + xml[(start + length)..],
        };
    }
}
