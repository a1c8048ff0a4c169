using System.Net;
using Workflow.Application.Common;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Security;

/// <summary>The application on a real socket: what a client sends is what Kestrel reads, byte for byte.</summary>
public sealed class KestrelFixture : AppFixture
{
    protected override bool ServesRealHttp => true;
}

/// <summary>
/// A %00 in the path never reaches the application: Kestrel's URL decoder refuses the request line with a 400
/// (the in-memory test server's client refuses to send it at all, which is why InputGuardTests tries the other
/// control characters there). The other control characters are refused by InputGuard, naming the route value.
/// </summary>
public sealed class NulInThePathTests(KestrelFixture app) : IClassFixture<KestrelFixture>
{
    [Theory]
    [InlineData("/forms/a%00b")]
    [InlineData("/workflows/definitions/a%00b/versions")]
    [InlineData("/calendar/a%00b.ics")]
    [InlineData("/dossiers/%00")]
    public async Task A_nul_in_the_path_is_a_400_from_the_server(string path)
    {
        var client = await app.Client(await app.CreateUser(Roles.Admin));

        var response = await client.GetAsync(new Uri(app.BaseAddress!, path));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Another_control_character_in_the_path_is_a_400_naming_the_route_value()
    {
        var client = await app.Client(await app.CreateUser(Roles.Admin));

        var problem = await (await client.GetAsync(new Uri(app.BaseAddress!, "/forms/a%01b"))).Problem(HttpStatusCode.BadRequest);

        problem.GetProperty("errors").GetProperty("key").GetArrayLength().ShouldBe(1);
    }
}
