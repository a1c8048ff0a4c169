using MailKit.Security;
using Microsoft.Extensions.Configuration;
using Workflow.Application.Notifications;

namespace Workflow.Tests.Notifications;

public sealed class SmtpSettingsTests
{
    private static SmtpSettings? Read(bool development = false, params (string Key, string Value)[] settings) =>
        SmtpSettings.Read(new ConfigurationBuilder().AddInMemoryCollection(
            settings.Select(s => new KeyValuePair<string, string?>("Smtp:" + s.Key, s.Value)).Prepend(new("Smtp:Host", "mail.example.org"))).Build(), development);

    [Theory]
    [InlineData(null, null, SecureSocketOptions.Auto)]
    [InlineData(null, "false", SecureSocketOptions.None)]
    [InlineData(null, "true", SecureSocketOptions.StartTls)]
    [InlineData("None", "true", SecureSocketOptions.None)]
    [InlineData("starttls", null, SecureSocketOptions.StartTls)]
    [InlineData("StartTlsWhenAvailable", null, SecureSocketOptions.StartTlsWhenAvailable)]
    [InlineData("SslOnConnect", "false", SecureSocketOptions.SslOnConnect)]
    public void Security_comes_from_Smtp_Security_else_from_the_older_EnableSsl(string? security, string? enableSsl, SecureSocketOptions expected)
    {
        var settings = new List<(string, string)>();
        if (security is not null)
            settings.Add(("Security", security));
        if (enableSsl is not null)
            settings.Add(("EnableSsl", enableSsl));

        Read(false, [.. settings])!.Security.ShouldBe(expected);
    }

    [Fact]
    public void Timeouts_credentials_and_sender_are_read_with_defaults()
    {
        var defaults = Read()!;
        (defaults.Port, defaults.From, defaults.FromName, defaults.UserName).ShouldBe((25, "workflow@localhost", "Workflow", (string?)null));
        (defaults.ConnectTimeout, defaults.CommandTimeout, defaults.AcceptAnyCertificate).ShouldBe((TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(60), false));

        var set = Read(true, ("Port", "587"), ("UserName", "relay"), ("Password", "secret"), ("ConnectTimeout", "00:00:05"), ("CommandTimeout", "00:02:00"),
            ("AcceptAnyCertificate", "true"))!;
        (set.Port, set.UserName, set.Password, set.ConnectTimeout, set.CommandTimeout, set.AcceptAnyCertificate)
            .ShouldBe((587, "relay", "secret", TimeSpan.FromSeconds(5), TimeSpan.FromMinutes(2), true));
    }

    [Fact]
    public void Without_a_host_there_are_no_settings()
    {
        SmtpSettings.Read(new ConfigurationBuilder().AddInMemoryCollection([new("Smtp:Port", "25")]).Build(), false).ShouldBeNull();
    }

    [Theory]
    [InlineData("Security", "Tls", "Smtp:Security 'Tls' is not one of None, Auto, SslOnConnect, StartTls, StartTlsWhenAvailable.")]
    [InlineData("Security", "2", "Smtp:Security '2' is not one of")]
    [InlineData("Port", "0", "Smtp:Port 0 is not a port")]
    [InlineData("CommandTimeout", "00:00:00", "must be positive")]
    [InlineData("AcceptAnyCertificate", "true", "Smtp:AcceptAnyCertificate is honoured in Development and Testing only")]
    public void A_setting_that_cannot_be_right_is_refused_by_name(string key, string value, string message)
    {
        Should.Throw<InvalidOperationException>(() => Read(false, (key, value))).Message.ShouldContain(message);
    }
}
