namespace Workflow.Cli;

internal static class EntryPoint
{
    private static Task<int> Main(string[] args) => CommandLine.Run(args, Console.Out, Console.Error);
}
