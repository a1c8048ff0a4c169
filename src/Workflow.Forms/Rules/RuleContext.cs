using System.Text.Json.Nodes;
using Workflow.Forms.Schema;
using Workflow.Forms.Scripting;

namespace Workflow.Forms.Rules;

/// <summary>What a rule sees of one component at one place in the data.</summary>
public sealed class RuleContext
{
    public required FormComponent Component { get; init; }
    public required JsonNode? Value { get; init; }
    public required string Path { get; init; }
    public required JsonObject Data { get; init; }
    public required JsonNode? Row { get; init; }
    public int? RowIndex { get; init; }
    public required ScriptSandbox Scripts { get; init; }

    /// <summary>Today for the form (FormValidatorOptions.Clock).</summary>
    public TimeProvider Clock => Scripts.Clock;

    /// <summary>The form's JSON, which scripts and JSON Logic see as form.</summary>
    public JsonObject? Form { get; init; }

    public RuleContext WithValue(JsonNode? value, int? index) => new()
    {
        Component = Component,
        Value = value,
        Path = Path,
        Data = Data,
        Row = Row,
        RowIndex = index,
        Scripts = Scripts,
        Form = Form,
    };
}

/// <summary>A failed rule: the message key (core's errorKeyOrMessage), the rule name and the setting.</summary>
public sealed record RuleFailure(string Key, string Rule, string? Setting = null);

/// <summary>One of core's validation rules, with its shouldProcess and process halves kept apart as core keeps them.</summary>
public interface IRule
{
    /// <summary>A rule applied to the whole array of a multiple component rather than to each item.</summary>
    bool FullValue => false;

    bool ShouldProcess(RuleContext context);

    RuleFailure? Process(RuleContext context);
}
