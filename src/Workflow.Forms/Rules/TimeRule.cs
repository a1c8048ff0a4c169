using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Rules;

/// <summary>
/// A time component's value must parse strictly with its dataFormat (dayjs tokens, HH:mm:ss
/// by default), as core checks it with dayjs(value, format, true).
/// </summary>
internal sealed class TimeRule : IRule
{
    public bool ShouldProcess(RuleContext c) => c.Component.Type == "time";

    public RuleFailure? Process(RuleContext c)
    {
        // core skips empty data: null, "", [] and [""] (isComponentDataEmpty).
        if (!ShouldProcess(c) || !Js.IsTruthy(c.Value) || c.Value is JsonArray { Count: 0 } || c.Value is JsonArray { Count: 1 } one && Js.AsString(one[0]) is { Length: 0 })
            return null;
        var format = c.Component.Setting("dataFormat") is { Length: > 0 } f ? f : "HH:mm:ss";
        var text = Js.ToJsString(c.Value);
        return DateTime.TryParseExact(text, ToDotNet(format), CultureInfo.InvariantCulture, DateTimeStyles.None, out _)
            ? null
            : new RuleFailure("time", "time");
    }

    // dayjs and .NET agree on H, HH, h, hh, m, mm, s, ss; dayjs's A and a are .NET's tt.
    private static string ToDotNet(string format) => format.Replace("A", "tt", StringComparison.Ordinal).Replace("a", "tt", StringComparison.Ordinal);
}
