using System.Text.Json;

namespace Workflow.Application.Common;

/// <summary>Enum values travel and are stored as kebab-case words (<c>to-plan</c>, <c>in-progress</c>).</summary>
public static class Kebab
{
    public static string Of<TEnum>(TEnum value) where TEnum : struct, Enum =>
        JsonNamingPolicy.KebabCaseLower.ConvertName(value.ToString());

    public static TEnum Parse<TEnum>(string value) where TEnum : struct, Enum =>
        Enum.GetValues<TEnum>().First(v => Of(v) == value);
}
