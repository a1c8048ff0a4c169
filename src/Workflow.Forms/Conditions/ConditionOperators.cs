using System.Globalization;
using System.Text.Json.Nodes;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Conditions;

/// <summary>The operators of conditional.conditions, with core's semantics (utils/operators).</summary>
internal static partial class ConditionOperators
{
    public static bool IsKnown(string op) => op is "isEqual" or "isNotEqual" or "isEmpty" or "isNotEmpty"
        or "lessThan" or "greaterThan" or "lessThanOrEqual" or "greaterThanOrEqual" or "includes" or "notIncludes"
        or "startsWith" or "endsWith" or "dateGreaterThan" or "dateLessThan" or "dateGreaterThanOrEqual"
        or "dateLessThanOrEqual" or "isDateEqual" or "isNotDateEqual";

    public static bool Result(string op, JsonNode? value, JsonNode? compared, FormComponent? target)
    {
        switch (op)
        {
            case "isEmpty": return IsEmpty(value, target);
            case "isNotEmpty": return !IsEmpty(value, target);
        }
        // Every other operator holds for an array when it holds for one of its items.
        if (value is JsonArray items) return items.Any(i => Execute(op, i, compared, target));
        return Execute(op, value, compared, target);
    }

    private static bool Execute(string op, JsonNode? value, JsonNode? compared, FormComponent? target) => op switch
    {
        "isEqual" => IsEqual(value, compared, target),
        "isNotEqual" => !IsEqual(value, compared, target),
        "lessThan" => Js.IsNumber(value) && Compare(value, compared) is < 0,
        "greaterThan" => Js.IsNumber(value) && Compare(value, compared) is > 0,
        "lessThanOrEqual" => Js.IsNumber(value) && (Compare(value, compared) is < 0 || Js.DeepEquals(value, compared)),
        "greaterThanOrEqual" => Js.IsNumber(value) && (Compare(value, compared) is > 0 || Js.DeepEquals(value, compared)),
        "includes" => Includes(value, compared),
        "notIncludes" => !Includes(value, compared),
        // lodash converts both sides to strings (null and undefined to "").
        "startsWith" => LodashString(value).StartsWith(LodashString(compared), StringComparison.Ordinal),
        "endsWith" => LodashString(value).EndsWith(LodashString(compared), StringComparison.Ordinal),
        "dateGreaterThan" => Dates(value, compared) is var (a, b) && a > b,
        "dateLessThan" => Dates(value, compared) is var (c, d) && c < d,
        "dateGreaterThanOrEqual" => Dates(value, compared) is var (f, g) && f >= g,
        "dateLessThanOrEqual" => Dates(value, compared) is var (h, i) && h <= i,
        "isDateEqual" => Dates(value, compared) is var (j, k) && j == k,
        "isNotDateEqual" => !(Dates(value, compared) is var (l, m) && l == m),
        // core treats an operator it does not know as satisfied.
        _ => true,
    };

    private static bool IsEqual(JsonNode? value, JsonNode? compared, FormComponent? target)
    {
        if (target?.Type == "selectboxes" && value is JsonObject boxes)
            return Js.IsTruthy(boxes[Js.ToJsString(compared)]);
        // core JSON-parses a string compared value when the types differ ("true" against true, "5" against 5).
        if ((Js.IsTruthy(value) || Js.IsBoolean(value)) && Js.IsTruthy(compared) && Js.AsString(compared) is { } text
            && !Js.IsString(value))
        {
            try
            {
                compared = JsonNode.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                // Left as the string, as core leaves it.
            }
        }
        if (target is not null && IsSelectResourceWithObjectValue(target) && Js.AsString(target.Json["template"]) is { Length: > 0 } template)
            return SelectResourceEquals(value, compared, target, template);
        return Js.DeepEquals(value, compared);
    }

    private static bool IsSelectResourceWithObjectValue(FormComponent c)
    {
        var valueProperty = Js.AsString(c.Json["valueProperty"]);
        return Js.IsTruthy(c.Json["reference"])
            || (Js.AsString(c.Json["dataSrc"]) == "resource" && (!Js.IsTruthy(c.Json["valueProperty"]) || valueProperty == "data"));
    }

    /// <summary>
    /// core compares a resource select's object value only on the fields its item template shows
    /// ({{ item.data.code }}), so a stored reference with more fields still equals the condition's value.
    /// </summary>
    private static bool SelectResourceEquals(JsonNode? value, JsonNode? compared, FormComponent target, string template)
    {
        if (value is not JsonObject) return false;
        if (Js.AsString(target.Json["valueProperty"]) == "data")
        {
            value = new JsonObject { ["data"] = value.DeepClone() };
            compared = new JsonObject { ["data"] = compared?.DeepClone() };
        }
        return TemplateKey().Matches(template).All(m => Js.DeepEquals(Get(value, m.Groups[1].Value), Get(compared, m.Groups[1].Value)));
    }

    private static JsonNode? Get(JsonNode? node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not JsonObject o || !o.TryGetPropertyValue(key, out node)) return null;
        }
        return node;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"{{\s*item\.(.*?)\s*}}")]
    private static partial System.Text.RegularExpressions.Regex TemplateKey();

    private static string LodashString(JsonNode? v) => Js.IsNull(v) ? "" : Js.ToJsString(v);

    private static int? Compare(JsonNode? value, JsonNode? compared)
    {
        var a = Js.AsNumber(value);
        var b = Js.IsNumber(compared) ? Js.AsNumber(compared) : Js.ToNumber(compared);
        if (double.IsNaN(a) || double.IsNaN(b)) return null;
        return a.CompareTo(b);
    }

    private static bool Includes(JsonNode? value, JsonNode? compared) => value switch
    {
        JsonValue when Js.AsString(value) is { } s => Js.AsString(compared) is { } c ? s.Contains(c, StringComparison.Ordinal) : s.Contains(Js.ToJsString(compared), StringComparison.Ordinal),
        JsonObject o => o.Any(kv => Js.StrictEquals(kv.Value, compared)),
        _ => false,
    };

    private static (DateTimeOffset, DateTimeOffset)? Dates(JsonNode? value, JsonNode? compared)
    {
        if (!Js.IsTruthy(value)) return null;
        if (DateTimeOffset.TryParse(Js.ToJsString(value), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var a)
            && DateTimeOffset.TryParse(Js.ToJsString(compared), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var b))
            return (a, b);
        return null;
    }

    /// <summary>core's isComponentDataEmpty for the value types.</summary>
    private static bool IsEmpty(JsonNode? value, FormComponent? target)
    {
        var type = target?.Type;
        switch (type)
        {
            case "checkbox":
                return IsValueEmpty(value, type) || (Js.IsBoolean(value) && !Js.IsTruthy(value));
            case "address":
                return Rules.AddressValue.IsEmptyForConditions(target!, value);
            case "datetime":
                return IsValueEmpty(value, type) || Js.ToJsString(value) == "Invalid date";
            case "selectboxes":
                // for…in finds the members of an object, the items of an array, the characters of a string, nothing in a number.
                var members = value switch
                {
                    JsonObject o => o.Select(kv => kv.Value),
                    JsonArray a => a.AsEnumerable(),
                    _ when Js.AsString(value) is { } s => s.Select(ch => (JsonNode?)JsonValue.Create(ch.ToString())),
                    _ => [],
                };
                return IsValueEmpty(value, type) || !members.Any(Js.IsTruthy);
            case "textarea":
                return IsValueEmpty(Js.AsString(value) is { } text ? JsonValue.Create(Js.Trim(text)) : value, type);
            case "textfield" or "phoneNumber" when Rules.MultipleMasksRule.HasMasks(target!):
                // With several masks the value is {maskName, value} (core's normalisation): empty without either.
                return IsValueEmpty(value, type) || (target!.Multiple
                    ? value is JsonArray { Count: 0 } || Js.AsString(value) is { Length: 0 }
                    : value is not JsonObject masked || !Js.IsTruthy(masked["maskName"]) || !Js.IsTruthy(masked["value"]));
            case "textfield" or "phoneNumber":
                return Js.IsNull(value) || IsValueEmpty(JsonValue.Create(Js.Trim(Js.ToJsString(value))), type);
            default:
                return IsValueEmpty(value, type);
        }
    }

    private static bool IsValueEmpty(JsonNode? value, string? type)
    {
        if (Js.IsNull(value) || Js.AsString(value) is { Length: 0 } || value is JsonArray { Count: 0 }) return true;
        if (value is not JsonArray { Count: 1 } one) return false;
        return type switch
        {
            "textarea" or "textfield" or "time" or "datetime" or "day" => Js.AsString(one[0]) is { Length: 0 },
            "datagrid" or "editgrid" => one[0] is JsonArray { Count: 0 },
            _ => Js.IsNull(one[0]),
        };
    }
}
