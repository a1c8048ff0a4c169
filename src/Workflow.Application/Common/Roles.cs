namespace Workflow.Application.Common;

public static class Roles
{
    public const string Admin = "admin";
    public const string Designer = "designer";
    public const string Planner = "planner";
    public const string Expert = "expert";

    public static readonly IReadOnlyList<string> All = [Admin, Designer, Planner, Expert];

    public static bool IsKnown(string role) => All.Contains(role);
}
