using System.Runtime.CompilerServices;
using System.Text.Json.Nodes;

namespace Workflow.Forms.Rules;

/// <summary>
/// The grids core's filter rebuilt: their null rows are holes (rows where nothing was kept),
/// which JS's every and some skip, unlike a null row submitted as such.
/// </summary>
internal static class GridHoles
{
    private static readonly ConditionalWeakTable<JsonArray, object> Rebuilt = [];

    public static void Mark(JsonArray rows) => Rebuilt.AddOrUpdate(rows, Rebuilt);

    public static bool NullsAreHoles(JsonArray rows) => Rebuilt.TryGetValue(rows, out _);
}
