using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Workflow.Forms.Rules;
using Workflow.Forms.Schema;

namespace Workflow.Forms.Validation;

/// <summary>
/// core's normalize processor, which the Form.io server runs on every component after its
/// calculation, conditions and logic and before clearHidden and validation: what the rules see
/// is the value as core rewrites it (number strings as numbers, a single value of a multiple
/// field as an array, times in their dataFormat, …), not the value as submitted.
/// </summary>
internal static partial class Normalization
{
    /// <summary>What core leaves at the component's path.</summary>
    /// <param name="Dropped">core normalised the value to null or undefined: its filter then leaves it out of the parent's data.</param>
    public readonly record struct Outcome(bool Changed, JsonNode? Value, bool Dropped = false)
    {
        public static Outcome Same(JsonNode? value) => new(false, value);
    }

    /// <param name="present">whether the data holds the key: JSON null and an absent value (undefined in JS) are normalised apart.</param>
    /// <param name="defaultRecord">core's record ({path, value}) of the default written for this component in this run, if any.</param>
    public static Outcome Run(FormComponent c, JsonNode? value, bool present, JsonObject? defaultRecord = null)
    {
        var normalized = ByType(c, value, present, defaultRecord, out var dropped);
        // A multiple field that is not required becomes an array of what was submitted, whatever the type did.
        if (c.Multiple && !c.Required && value is not JsonArray)
            return new(true, Js.IsTruthy(value) ? new JsonArray(value!.DeepClone()) : new JsonArray());
        if (dropped)
            // core's filter then writes null for a number it could not read; other types keep their value.
            return c.Type == "number" && present && value is not null ? new(true, null, true) : new(false, value, true);
        return Changes(value, normalized) ? new(true, normalized) : Outcome.Same(value);
    }

    // JS's value !== newValue: objects by identity, primitives by value.
    private static bool Changes(JsonNode? before, JsonNode? after) =>
        !ReferenceEquals(before, after) && !(before is JsonValue && after is JsonValue && Js.StrictEquals(before, after));

    private static JsonNode? ByType(FormComponent c, JsonNode? value, bool present, JsonObject? defaultRecord, out bool dropped)
    {
        dropped = false;
        JsonNode? result = c.Type switch
        {
            "day" => Day(c, value),
            "email" => Js.AsString(value) is { Length: > 0 } e ? Js.Trim(e).ToLowerInvariant() : value,
            "radio" => Radio(value, present, Js.AsString(c.Json["dataType"])),
            "select" => c.Multiple && value is JsonArray items
                ? new JsonArray(items.Select(i => Select(c, i)?.DeepClone()).ToArray())
                : Select(c, value),
            "selectboxes" => SelectBoxes(value),
            "tags" => Tags(c, value),
            "textfield" or "phoneNumber" => Text(c, value, defaultRecord),
            "time" => Time(c, value),
            "number" => c.Multiple && value is JsonArray numbers
                ? new JsonArray(numbers.Select(n => Number(n)).ToArray())
                : Number(value),
            _ => value,
        };
        dropped = Js.IsNull(result);
        return result;
    }

    /// <summary>+value where parseFloat reads a number and the whole value is a finite number, else undefined.</summary>
    private static JsonNode? Number(JsonNode? value)
    {
        if (double.IsNaN(Js.ParseFloat(value))) return null;
        var number = ToNumber(value);
        return double.IsFinite(number) ? JsonValue.Create(number) : null;
    }

    // JS Number(): also the 0x, 0o and 0b forms Js.ToNumber leaves out.
    private static double ToNumber(JsonNode? value)
    {
        var text = Js.AsString(value)?.Trim();
        if (text is { Length: > 2 } && text[0] == '0' && (text[1] | 0x20) is 'x' or 'o' or 'b')
        {
            var radix = (text[1] | 0x20) switch { 'x' => 16, 'o' => 8, _ => 2 };
            try { return Convert.ToInt64(text[2..], radix); }
            catch (Exception e) when (e is FormatException or OverflowException or ArgumentException) { return double.NaN; }
        }
        return Js.ToNumber(value);
    }

    private static JsonNode? Radio(JsonNode? value, bool present, string? dataType)
    {
        // String(undefined) and String(null) differ.
        var text = !present ? "undefined" : value is null ? "null" : Js.ToJsString(value);
        switch (dataType)
        {
            case "number":
                // +value (+null is 0); NaN has no JSON form: such a value stays as it was.
                var n = present && value is null ? 0 : Js.ToNumber(value);
                return double.IsNaN(n) ? value : JsonValue.Create(n);
            case "string":
                return JsonValue.Create(value is JsonObject or JsonArray ? value.ToJsonString() : text);
            case "boolean":
                return JsonValue.Create(!(!Js.IsTruthy(value) || text == "false"));
        }
        var number = Js.ToNumber(value);
        // lodash toString: "" for null and undefined.
        var plain = value is null || Js.IsNull(value) ? "" : text;
        if (!double.IsNaN(Js.ParseFloat(value)) && double.IsFinite(number) && plain == Js.NumberToString(number))
            return JsonValue.Create(number);
        return Js.AsString(value) switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => value,
        };
    }

    private static JsonNode? Select(FormComponent c, JsonNode? value)
    {
        if (value is null || Js.IsNull(value)) return null;
        if (value is JsonObject { Count: 0 }) return value;
        var original = value is JsonObject or JsonArray ? null : Js.ToJsString(value);
        JsonNode? ToNumberIfSame(JsonNode? v)
        {
            var n = Js.ToNumber(v);
            return !double.IsNaN(n) && double.IsFinite(n) && original is not ("" or null) && original == Js.NumberToString(n) ? JsonValue.Create(n) : v;
        }
        JsonNode? ToBoolean(JsonNode? v) => Js.AsString(v)?.ToLowerInvariant() switch
        {
            "true" => JsonValue.Create(true),
            "false" => JsonValue.Create(false),
            _ => v,
        };
        return (Js.AsString(c.Json["dataType"]) ?? "auto") switch
        {
            "number" => ToNumberIfSame(value),
            "boolean" => ToBoolean(value),
            "string" => JsonValue.Create(Js.ToJsString(value)),
            "object" => value,
            "auto" when value is JsonObject or JsonArray => value,
            "auto" => ToBoolean(ToNumberIfSame(JsonValue.Create(Js.ToJsString(value)))),
            // An unknown dataType throws in core, which keeps the value.
            _ => value,
        };
    }

    private static JsonNode SelectBoxes(JsonNode? value)
    {
        if (!Js.IsTruthy(value)) return new JsonObject();
        if (Js.AsString(value) is { } s) return new JsonObject { [s] = true };
        if (value is JsonArray items)
        {
            var chosen = new JsonObject();
            // A JSON null in the array is JS's null, whose name is "null".
            foreach (var item in items) chosen[item is null ? "null" : Js.ToJsString(item)] = true;
            return chosen;
        }
        return value is JsonObject ? value : new JsonObject();
    }

    private static JsonNode? Tags(FormComponent c, JsonNode? value)
    {
        var delimiter = Js.AsString(c.Json["delimeter"]) is { Length: > 0 } d ? d : ",";
        var storeAs = c.Json["storeas"];
        if ((!c.Json.ContainsKey("storeas") || Js.AsString(storeAs) == "string") && value is JsonArray items)
            return JsonValue.Create(string.Join(delimiter, items.Select(i => Js.IsNull(i) ? "" : Js.ToJsString(i))));
        if (Js.AsString(storeAs) == "array" && Js.AsString(value) is { } text)
            return new JsonArray(text.Split(delimiter).Where(t => t.Length > 0).Select(t => (JsonNode?)JsonValue.Create(t)).ToArray());
        return value;
    }

    private static JsonNode? Text(FormComponent c, JsonNode? value, JsonObject? defaultRecord)
    {
        if (Js.IsTruthy(c.Json["truncateMultipleSpaces"]) && Js.AsString(value) is { } s)
            value = JsonValue.Create(Spaces().Replace(Js.Trim(s), " "));
        if (!Js.IsTruthy(c.Json["allowMultipleMasks"]) || c.Json["inputMasks"] is not JsonArray { Count: > 0 } masks) return value;
        var first = masks[0]?["label"]?.DeepClone();
        JsonNode? Masked(JsonNode? v)
        {
            // typeof [] is 'object': an array item is left as it is (its value property does not show in JSON).
            if (v is JsonArray) return v;
            if (v is JsonObject chosen)
            {
                if (Js.IsTruthy(chosen["value"])) return v;
                // core fills an object without a value with what it finds in its default values for the path:
                // the whole record {path, value} (it tests Array.isArray on the record), or undefined.
                var filled = chosen.DeepClone().AsObject();
                filled["value"] = defaultRecord?.DeepClone();
                return filled;
            }
            var masked = new JsonObject();
            // {value: undefined} still has its key for core's required ('value' in value): null stands for undefined.
            masked["value"] = v?.DeepClone();
            masked["maskName"] = first?.DeepClone();
            return masked;
        }
        return value is JsonArray items
            ? new JsonArray(items.Select(i => Masked(i) is var m && ReferenceEquals(m, i) ? i!.DeepClone() : m).ToArray())
            : Masked(value);
    }

    /// <summary>A time submitted in its display format (HH:mm by default) is stored in its dataFormat (HH:mm:ss).</summary>
    private static JsonNode? Time(FormComponent c, JsonNode? value)
    {
        if (Js.AsString(value) is not { } text) return value;
        var format = c.Setting("format") is { Length: > 0 } f ? f : "HH:mm";
        var dataFormat = c.Setting("dataFormat") is { Length: > 0 } df ? df : "HH:mm:ss";
        return DayjsTime.TryParseStrict(text, format, out var time) ? JsonValue.Create(DayjsTime.Format(time, dataFormat)) : value;
    }

    private static JsonNode? Day(FormComponent c, JsonNode? value)
    {
        if (!Js.IsTruthy(value) || Js.AsString(value) is not { } text || DayMask().IsMatch(text)) return value;
        return JsonValue.Create(DayParts.Normalize(c, text));
    }

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    [GeneratedRegex(@"^\d{2}/\d{2}/\d{4}$")]
    private static partial Regex DayMask();
}
