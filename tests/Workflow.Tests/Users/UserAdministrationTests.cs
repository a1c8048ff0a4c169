using System.Net;
using Workflow.Application.Common;
using Workflow.Application.Users;
using Workflow.Tests.Infrastructure;

namespace Workflow.Tests.Users;

public sealed class UserAdministrationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_base_address_left_out_stays_and_one_removed_goes()
    {
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        var expert = await app.CreateUser(Roles.Expert);
        HttpRequestMessage Patch(object body) => new(HttpMethod.Patch, $"/users/{expert.Id}") { Content = System.Net.Http.Json.JsonContent.Create(body) };
        var set = await (await admin.SendAsync(Patch(new { baseAddress = new { text = "Place d'Armes 1, 5000 Namur", latitude = 50.4623, longitude = 4.8686 } }))).Read<UserSummary>();
        var before = set.BaseAddress.ShouldNotBeNull();

        (await (await admin.SendAsync(Patch(new { fullName = "Renamed Expert" }))).Read<UserSummary>()).BaseAddress.ShouldBe(before);
        var both = await (await admin.SendAsync(Patch(new { baseAddress = new { text = "Rue Neuve 1, Namur" }, removeBaseAddress = true }))).Problem(HttpStatusCode.BadRequest);
        both.GetProperty("errors").GetProperty("removeBaseAddress")[0].GetString().ShouldBe("Give a base address or remove it, not both.");
        (await (await admin.GetAsync($"/users/{expert.Id}")).Read<UserSummary>()).BaseAddress.ShouldBe(before);

        (await (await admin.SendAsync(Patch(new { removeBaseAddress = true }))).Read<UserSummary>()).BaseAddress.ShouldBeNull();
        (await (await admin.GetAsync($"/users/{expert.Id}")).Read<UserSummary>()).BaseAddress.ShouldBeNull();
    }
}
