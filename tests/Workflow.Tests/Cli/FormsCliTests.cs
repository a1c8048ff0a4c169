using System.Text.Json;
using Workflow.Cli;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Cli;

public sealed class FormsCliTests : IDisposable
{
    private readonly string dir = Directory.CreateTempSubdirectory("forms-cli-").FullName;

    private const string Form = """
        { "components": [
          { "type": "textfield", "key": "name", "input": true, "validate": { "required": true } },
          { "type": "container", "key": "address", "input": true, "components": [
            { "type": "textfield", "key": "city", "input": true, "validate": { "required": true } } ] },
          { "type": "datagrid", "key": "grid", "input": true, "components": [
            { "type": "email", "key": "mail", "input": true } ] } ] }
        """;

    public void Dispose() => Directory.Delete(dir, recursive: true);

    private string File(string name, string text)
    {
        var path = Path.Combine(dir, name);
        System.IO.File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task A_valid_submission_prints_valid_and_exits_0()
    {
        var (code, output, _) = await Run("forms", "validate", File("form.json", Form),
            File("ok.json", """{"data": {"name": "Ann", "address": {"city": "Namur"}, "grid": [{"mail": "a@b.be"}]}}"""));

        code.ShouldBe(0);
        output.Trim().ShouldBe("""{"valid":true,"errors":[]}""");
    }

    [Fact]
    public async Task An_invalid_submission_prints_each_error_with_path_and_rule_and_exits_1()
    {
        var (code, output, _) = await Run("forms", "validate", File("form.json", Form),
            File("bad.json", """{"data": {"address": {}, "grid": [{"mail": "a@b.be"}, {"mail": "nope"}]}}"""), "--lang", "fr");

        code.ShouldBe(1);
        var report = JsonSerializer.Deserialize<JsonElement>(output);
        report.GetProperty("valid").GetBoolean().ShouldBeFalse();
        report.GetProperty("errors").EnumerateArray().Select(e => $"{e.GetProperty("path").GetString()} {e.GetProperty("rule").GetString()}")
            .ShouldBe(["name required", "address.city required", "grid[1].mail email"], ignoreOrder: true);
        report.GetProperty("errors")[0].GetProperty("message").GetString()!.ShouldContain("obligatoire");
    }

    [Fact]
    public async Task A_malformed_form_exits_2_with_the_reason()
    {
        var (code, output, error) = await Run("forms", "validate", File("form.json", """{"components": [{"type": "recaptcha", "key": "x"}]}"""),
            File("s.json", """{"data": {}}"""));

        code.ShouldBe(2);
        output.ShouldBeEmpty();
        error.ShouldContain("components[0]");
        error.ShouldContain("recaptcha");
    }

    [Fact]
    public async Task Unreadable_files_exit_2()
    {
        var form = File("form.json", Form);

        (await Run("forms", "validate", Path.Combine(dir, "missing.json"), form)).Code.ShouldBe(2);
        (await Run("forms", "validate", form, File("notjson.json", "{data:"))).Code.ShouldBe(2);
        (await Run("forms", "validate", File("notjson-form.json", "[1, 2"), form)).Code.ShouldBe(2);
    }

    [Fact]
    public async Task The_forms_bench_times_both_validators_on_the_shipped_forms()
    {
        var (code, output, error) = await Run("bench", "forms", "--forms", Path.Combine(Node.RepositoryRoot, "forms"), "--cases", "60", "--runs", "1", "--warmup", "0", "--node");

        code.ShouldBe(0, error);
        output.ShouldContain("60 submissions over 3 forms");
        output.ShouldContain("after 0 s of warm-up");
        output.ShouldMatch(@"\| C# \(Workflow\.Forms\) \| [0-9,]+ \| [0-9.,]+ \| [0-9,]+ \|");
        output.ShouldMatch(@"\| @formio/core 2\.8\.3 processSync \(node v[0-9.]+\) \| [0-9,]+ \| [0-9.,]+ \| [0-9,]+ \|");
    }

    private static async Task<(int Code, string Output, string Error)> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var code = await CommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
