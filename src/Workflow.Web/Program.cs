using Workflow.Web;

var app = WorkflowHost.Build(args);
await WorkflowHost.PrepareDatabase(app);
await app.RunAsync();

public partial class Program;
