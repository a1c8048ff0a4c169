using System.Net;
using System.Text;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Workflow.Application.Availability;
using Workflow.Application.Common;
using Workflow.Application.Documents;
using Workflow.Application.Dossiers;
using Workflow.Application.Scheduling;
using Workflow.Application.Workflows;
using Workflow.Tests.Infrastructure;
using Workflow.Tests.Workflows;

namespace Workflow.Tests.Security;

/// <summary>
/// Walks every endpoint with no credentials and with each role. The table below is the
/// specification: adding an endpoint without adding it here fails the first test.
/// </summary>
public sealed class AuthorizationMatrixTests(AppFixture app) : IClassFixture<AppFixture>
{
    private const string Anyone = "anonymous";
    private const string SignedIn = "signed-in";
    private static readonly string[] Staff = [.. Roles.All];
    private static readonly string[] Planning = [Roles.Planner, Roles.Admin];
    private static readonly string[] Booking = [Roles.Planner, Roles.Admin, Roles.Expert];
    private static readonly string[] Admin = [Roles.Admin];
    private static readonly string[] Design = [Roles.Designer, Roles.Admin];

    private static readonly (string Method, string Route, string[] Allowed)[] Matrix =
    [
        ("POST", "/auth/login", [Anyone]),
        ("POST", "/auth/logout", [SignedIn]),
        ("GET", "/auth/me", [SignedIn]),
        ("GET", "/auth/session", [Anyone]),
        ("PUT", "/auth/me/language", [SignedIn]),
        ("POST", "/auth/refresh", [Anyone]),
        ("GET", "/", [Anyone]),
        ("GET", "/app/{*path:nonfile}", [Anyone]),
        ("HEAD", "/app/{*path:nonfile}", [Anyone]),
        ("GET", "/health", [Anyone]),
        ("GET", "/openapi/{documentName}.json", [Anyone]),
        ("GET", "/users", Staff),
        ("GET", "/users/{id:guid}", Staff),
        ("POST", "/users", Admin),
        ("PATCH", "/users/{id:guid}", Admin),
        ("GET", "/users/{id:guid}/availability", Staff),
        ("POST", "/users/{id:guid}/availability", Staff),
        ("PUT", "/users/{id:guid}/availability/{rangeId:guid}", Staff),
        ("DELETE", "/users/{id:guid}/availability/{rangeId:guid}", Staff),
        ("GET", "/skills", Staff),
        ("POST", "/skills", Admin),
        ("GET", "/dossiers", Staff),
        ("GET", "/dossiers/{id:guid}", Staff),
        ("POST", "/dossiers", Planning),
        ("PATCH", "/dossiers/{id:guid}", Planning),
        ("POST", "/dossiers/{id:guid}/close", Planning),
        ("POST", "/dossiers/{id:guid}/participants", Planning),
        ("DELETE", "/dossiers/{id:guid}/participants/{participantId:guid}", Planning),
        ("GET", "/dossiers/{id:guid}/tasks", Staff),
        ("GET", "/dossiers/{id:guid}/appointments", Staff),
        ("GET", "/locations", Staff),
        ("POST", "/locations", Planning),
        ("GET", "/tasks/mine", Staff),
        ("GET", "/tasks/{id:guid}", Staff),
        ("POST", "/tasks", Planning),
        ("POST", "/tasks/{id:guid}/claim", Staff),
        ("POST", "/tasks/{id:guid}/release", Staff),
        ("POST", "/tasks/{id:guid}/complete", Staff),
        ("POST", "/tasks/{id:guid}/cancel", Planning),
        ("POST", "/appointments", Booking),
        ("GET", "/appointments/{id:guid}", Staff),
        ("POST", "/appointments/{id:guid}/plan", Booking),
        ("POST", "/appointments/{id:guid}/reschedule", Booking),
        ("POST", "/appointments/{id:guid}/cancel", Booking),
        ("POST", "/appointments/{id:guid}/done", Booking),
        ("PUT", "/appointments/{id:guid}/parties", Booking),
        ("POST", "/appointments/{id:guid}/invite", Booking),
        ("GET", "/dossiers/{id:guid}/experts", Booking),
        ("POST", "/dossiers/{id:guid}/expert", Planning),
        ("GET", "/agendas", Staff),
        ("POST", "/appointments/book", Booking),
        ("DELETE", "/appointments/{id:guid}", Booking),
        ("GET", "/users/{id:guid}/calendars", Staff),
        ("POST", "/users/{id:guid}/calendars", Staff),
        ("DELETE", "/users/{id:guid}/calendars/{feedId:guid}", Staff),
        ("POST", "/users/{id:guid}/calendars/{feedId:guid}/sync", Staff),
        ("POST", "/users/{id:guid}/calendars/personal", Staff),
        ("DELETE", "/users/{id:guid}/calendars/personal", Staff),
        ("GET", "/calendar/{token}.ics", [Anyone]),
        ("POST", "/appointments/{id:guid}/remind", Booking),
        ("POST", "/appointments/{id:guid}/exchange", Booking),
        ("GET", "/dossiers/{id:guid}/documents", Staff),
        ("GET", "/dossiers/{id:guid}/exchanges", Staff),
        ("POST", "/appointments/{id:guid}/documents", Staff),
        ("GET", "/appointments/{id:guid}/documents", Staff),
        ("GET", "/appointments/{id:guid}/documents/{documentId:guid}", Staff),
        ("DELETE", "/appointments/{id:guid}/documents/{documentId:guid}", Booking),
        ("GET", "/invitations/mine", Staff),
        ("GET", "/invitations/mine/count", Staff),
        ("POST", "/invitations/{id:guid}/answer", Staff),
        ("GET", "/forms", Staff),
        ("GET", "/forms/{key}", Staff),
        ("GET", "/forms/{key}/versions", Staff),
        ("GET", "/forms/{key}/versions/{version:int}", Staff),
        ("POST", "/forms/{key}/versions", Design),
        ("GET", "/tasks/{id:guid}/form", Staff),
        ("PUT", "/tasks/{id:guid}/form/draft", Staff),
        ("POST", "/tasks/{id:guid}/form/submit", Staff),
        ("POST", "/workflows/definitions", Design),
        ("GET", "/workflows/definitions", Design),
        ("GET", "/workflows/definitions/{key}/versions", Design),
        ("GET", "/workflows/definitions/{key}/versions/{version:int}/xml", Design),
        ("POST", "/workflows/definitions/{key}/versions/{version:int}/publish", Design),
        ("POST", "/workflows/definitions/{key}/versions/{version:int}/unpublish", Design),
        ("POST", "/workflows/definitions/{key}/versions/{version:int}/revert", Design),
        ("GET", "/workflows/definitions/{key}/diff", Design),
        ("GET", "/workflows/catalogue", Design),
        ("GET", "/workflows/moddle.json", Design),
        ("POST", "/workflows/definitions/{key}/start", Planning),
        ("POST", "/workflows/definitions/{key}/migrate", Admin),
        ("GET", "/workflows/definitions/{key}/migration-plan", Admin),
        ("GET", "/workflows/instances", Staff),
        ("GET", "/workflows/instances/{id:guid}", Staff),
        ("POST", "/workflows/instances/{id:guid}/cancel", Design),
        ("POST", "/workflows/instances/{id:guid}/incidents/{incidentId:guid}/retry", Design),
        ("POST", "/workflows/instances/{id:guid}/incidents/{incidentId:guid}/skip", Design),
    ];

    [Fact]
    public void Every_mapped_endpoint_is_in_the_matrix()
    {
        var mapped = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods ?? ["GET"])
                .Select(m => $"{m} {Normalise(e.RoutePattern.RawText!)}"))
            .ToHashSet();

        mapped.Order().ShouldBe(Matrix.Select(r => $"{r.Method} {Normalise(r.Route)}").ToHashSet().Order());
    }

    [Fact]
    public async Task Without_credentials_only_the_open_endpoints_answer()
    {
        var client = await app.Client();
        foreach (var (method, route, allowed) in Matrix)
        {
            var response = await client.SendAsync(Request(method, route));
            if (allowed.Contains(Anyone))
                response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, $"{method} {route}");
            else
                response.StatusCode.ShouldBe(HttpStatusCode.Unauthorized, $"{method} {route}");
        }
    }

    [Fact]
    public async Task The_sign_in_page_and_swagger_ui_load_without_credentials_but_reveal_no_data()
    {
        var client = await app.Client();

        var root = await client.GetAsync("/");
        root.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        root.Headers.Location!.ToString().ShouldBe("/app/");
        // Any screen's address gives the application's shell, which signs in; the screen's data needs a sign-in.
        var page = await client.GetAsync("/app/dossiers/" + Guid.NewGuid());
        page.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await page.Content.ReadAsStringAsync()).ShouldContain("<div id=\"root\">");
        var session = await client.GetAsync("/auth/session");
        session.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await session.Content.ReadAsStringAsync()).ShouldContain("\"user\":null");
        (await client.GetAsync("/swagger/index.html")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await client.GetAsync("/auth/me")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData(Roles.Admin)]
    [InlineData(Roles.Designer)]
    [InlineData(Roles.Planner)]
    [InlineData(Roles.Expert)]
    [InlineData(null)]
    public async Task Each_role_reaches_exactly_its_endpoints(string? role)
    {
        var user = role is null ? await app.CreateUser() : await app.CreateUser(role);
        var client = await app.Client(user);
        foreach (var (method, route, allowed) in Matrix.Where(r => r.Route != "/auth/logout"))
        {
            var response = await client.SendAsync(Request(method, route));
            var body = await response.Content.ReadAsStringAsync();
            var what = $"{role ?? "no role"}: {method} {route} → {(int)response.StatusCode} {body}";
            ((int)response.StatusCode).ShouldBeLessThan(500, what);
            response.StatusCode.ShouldNotBe(HttpStatusCode.Unauthorized, what);
            var mayCall = allowed.Contains(Anyone) || allowed.Contains(SignedIn) || (role is not null && allowed.Contains(role));
            // The policy's refusal is a bare 403; a handler's refusal (e.g. "not-owner") carries a reason and means the policy let it through.
            var refusedByPolicy = response.StatusCode == HttpStatusCode.Forbidden && !body.Contains("\"reason\"", StringComparison.Ordinal);
            refusedByPolicy.ShouldBe(!mayCall, what);
        }
    }

    [Fact]
    public async Task Every_route_with_an_id_answers_404_to_whoever_may_not_see_the_confidential_dossier_and_changes_nothing()
    {
        var designer = await app.CreateUser(Roles.Designer);
        await app.Send(new DeployDefinition.Command(Bpmn.Review("matrix-review", "matrix-kind"), Publish: true), designer);
        var referent = await app.CreateUser(Roles.Planner);
        var expert = await app.CreateUser(Roles.Expert);
        var colleague = await app.CreateUser(Roles.Expert);
        var dossier = await app.Send(new CreateDossier.Command("Secret", "matrix-kind", referent.Id, Confidential: true), referent);
        var participant = await app.Send(new AddParticipant.Command(dossier.Id, ParticipantKind.InternalUser, "expert", expert.Id), referent);
        await app.Send(new AddParticipant.Command(dossier.Id, ParticipantKind.InternalUser, "colleague", colleague.Id), referent);
        await app.Send(new AddAvailabilityRange.Command(expert.Id, Scenario.At(8), Scenario.At(11, 30), null), referent);
        var appointment = await app.Send(new CreateAppointment.Command(dossier.Id, "Visit", expert.Id, Scenario.At(9), Scenario.At(10), UserIds: [colleague.Id]), referent);
        var toPlan = await app.Send(new CreateAppointment.Command(dossier.Id, "Later"), referent);
        var document = await app.Send(new AttachDocument.Command(appointment.Id, "notes.txt", "x"u8.ToArray()), referent);
        var task = await app.Query(db => db.Tasks.SingleAsync(t => t.DossierId == dossier.Id));
        var instance = await app.Query(db => db.WorkflowInstances.SingleAsync(i => i.DossierId == dossier.Id));
        var invitation = await app.Query(db => db.Invitations.SingleAsync(i => i.AppointmentId == appointment.Id));
        var before = await Snapshot(dossier.Id);

        // Every route naming a dossier or something hanging off one, read from the application itself.
        var routes = app.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText is { } r && System.Text.RegularExpressions.Regex.IsMatch(r, "^/(dossiers|appointments|tasks|invitations|workflows/instances)/{id:guid}"))
            .SelectMany(e => e.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods.Select(m => (Method: m, Route: e.RoutePattern.RawText!)))
            .ToList();
        routes.Count.ShouldBeGreaterThan(30);
        foreach (var role in new[] { Roles.Planner, Roles.Expert, Roles.Designer })
        {
            var client = await app.Client(await app.CreateUser(role));
            foreach (var (method, route) in routes)
            {
                var id = route.StartsWith("/dossiers/", StringComparison.Ordinal) ? dossier.Id
                    : route.StartsWith("/appointments/", StringComparison.Ordinal) ? (method == "DELETE" && route == "/appointments/{id:guid}" ? toPlan.Id : appointment.Id)
                    : route.StartsWith("/tasks/", StringComparison.Ordinal) ? task.Id
                    : route.StartsWith("/invitations/", StringComparison.Ordinal) ? invitation.Id
                    : instance.Id;
                var url = route.Replace("{id:guid}", id.ToString()).Replace("{participantId:guid}", participant.Id.ToString())
                    .Replace("{documentId:guid}", document.Id.ToString()).Replace("{incidentId:guid}", Guid.NewGuid().ToString()).TrimEnd('/');
                var request = Request(method, url);
                if (url.EndsWith("/experts", StringComparison.Ordinal))
                    request.RequestUri = new Uri(url + "?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z&duration=60", UriKind.Relative);
                var response = await client.SendAsync(request);
                var body = await response.Content.ReadAsStringAsync();
                var what = $"{role}: {method} {route} → {(int)response.StatusCode} {body}";
                var refusedByPolicy = response.StatusCode == HttpStatusCode.Forbidden && !body.Contains("\"reason\"", StringComparison.Ordinal);
                (response.StatusCode == HttpStatusCode.NotFound || refusedByPolicy).ShouldBeTrue(what);
            }
        }

        (await Snapshot(dossier.Id)).ShouldBe(before);
        var admin = await app.Client(await app.CreateUser(Roles.Admin));
        (await admin.GetAsync($"/workflows/instances/{instance.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetAsync($"/appointments/{appointment.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
    }

    /// <summary>The row versions (xmin) of everything on the dossier, and the e-mails waiting: any write changes it.</summary>
    private Task<string> Snapshot(Guid dossierId) => app.Query(db => db.Database.SqlQueryRaw<string>("""
        SELECT concat_ws('|',
          (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM dossiers WHERE id = {0}),
          (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM participants WHERE dossier_id = {0}),
          (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM appointments WHERE dossier_id = {0}),
          (SELECT string_agg(i.xmin::text, ',' ORDER BY i.id) FROM invitations i JOIN appointments a ON a.id = i.appointment_id WHERE a.dossier_id = {0}),
          (SELECT count(*) FROM appointment_documents d JOIN appointments a ON a.id = d.appointment_id WHERE a.dossier_id = {0}),
          (SELECT count(*) FROM exchanges WHERE dossier_id = {0}),
          (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM tasks WHERE dossier_id = {0}),
          (SELECT string_agg(xmin::text, ',' ORDER BY id) FROM workflow_instances WHERE dossier_id = {0}),
          (SELECT count(*) FROM outgoing_emails)) AS "Value"
        """, dossierId).SingleAsync());

    private static HttpRequestMessage Request(string method, string route)
    {
        var url = System.Text.RegularExpressions.Regex.Replace(route, "{documentName}", "v1").Replace("{token}", "not-a-token").Replace("{*path:nonfile}", "tasks");
        if (route.StartsWith("/forms/", StringComparison.Ordinal))
            url = url.Replace("{key}", "plan-appointment");
        url = System.Text.RegularExpressions.Regex.Replace(url, "{[a-zA-Z]+:guid}", _ => Guid.NewGuid().ToString());
        url = System.Text.RegularExpressions.Regex.Replace(url, "{[a-zA-Z]+:int}", "1").Replace("{key}", "no-such-workflow");
        if (method == "GET" && (url.EndsWith("/availability", StringComparison.Ordinal) || url.EndsWith("/experts", StringComparison.Ordinal) || url == "/agendas"))
            url += $"?from=2026-11-23T00:00:00Z&to=2026-11-24T00:00:00Z&duration=60&users={Guid.NewGuid()}";
        var request = new HttpRequestMessage(new HttpMethod(method), url);
        if (method == "POST" && url.EndsWith("/documents", StringComparison.Ordinal))
            request.Content = new MultipartFormDataContent { { new ByteArrayContent("x"u8.ToArray()), "file", "x.txt" } };
        else if (method is "POST" or "PUT" or "PATCH")
            request.Content = new StringContent("{}", Encoding.UTF8, "application/json");
        return request;
    }

    private static string Normalise(string route) => route.TrimEnd('/') is { Length: > 0 } r ? r : "/";
}
