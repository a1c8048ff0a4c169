using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Workflow.Tests.Infrastructure;

public static class Http
{
    public static async Task<T> Read<T>(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        return JsonSerializer.Deserialize<T>(body, AppFixture.Json)!;
    }

    /// <summary>Reads a ProblemDetails answer and checks its status.</summary>
    public static async Task<JsonElement> Problem(this HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.ShouldBe(expected, body);
        response.Content.Headers.ContentType?.MediaType.ShouldBe("application/problem+json");
        return JsonSerializer.Deserialize<JsonElement>(body);
    }

    public static string Reason(this JsonElement problem) => problem.GetProperty("reason").GetString()!;

    public static Task<HttpResponseMessage> Post(this HttpClient client, string url, object body) =>
        client.PostAsJsonAsync(url, body, AppFixture.Json);
}
