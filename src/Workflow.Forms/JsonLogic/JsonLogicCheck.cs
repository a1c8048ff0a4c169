using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.JsonLogic;

/// <summary>
/// Refuses, at import, JSON Logic that uses an operation this evaluator does not have (a lodash function
/// of functions, a misspelt operator): core would run or reject it differently, unnoticed.
/// </summary>
internal static class JsonLogicCheck
{
    public static void Check(JsonObject component, string where)
    {
        foreach (var (place, logic) in Places(component))
        {
            if (logic is not (JsonObject or JsonArray)) continue;
            var unknown = JsonLogicEvaluator.Operators(logic).FirstOrDefault(op => !JsonLogicEvaluator.IsKnown(op));
            if (unknown is not null)
                throw new FormSchemaException($"JSON Logic operation '{unknown}' is not supported", where + "." + place);
        }
    }

    private static IEnumerable<(string Place, JsonNode? Logic)> Places(JsonObject c)
    {
        yield return ("conditional.json", Member(c["conditional"], "json"));
        yield return ("validate.json", Member(c["validate"], "json"));
        yield return ("calculateValue", c["calculateValue"]);
        yield return ("customDefaultValue", c["customDefaultValue"]);
        if (c["logic"] is not JsonArray logic) yield break;
        for (var i = 0; i < logic.Count; i++)
        {
            yield return ($"logic[{i}].trigger.json", Member(Member(logic[i], "trigger"), "json"));
            if (Member(logic[i], "actions") is not JsonArray actions) continue;
            for (var k = 0; k < actions.Count; k++)
                yield return ($"logic[{i}].actions[{k}].value", Member(actions[k], "value"));
        }
    }

    private static JsonNode? Member(JsonNode? node, string name) => node is JsonObject o ? o[name] : null;
}
