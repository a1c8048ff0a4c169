using Workflow.Application.Notifications;

namespace Workflow.Web.Infrastructure;

/// <summary>Sends due e-mails every few seconds (Email:PollSeconds). Off with Email:BackgroundDelivery=false, as in the tests, which deliver by hand.</summary>
internal sealed class EmailDeliveryService(IServiceScopeFactory scopes, IConfiguration configuration, ILogger<EmailDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!configuration.GetValue("Email:BackgroundDelivery", true))
            return;
        if (SmtpSettings.Read(configuration) is null)
            logger.LogWarning("No SMTP server is configured (Smtp:Host): e-mails wait in outgoing_emails until one is.");
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(configuration.GetValue("Email:PollSeconds", 5)));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                await scope.ServiceProvider.GetRequiredService<EmailDispatcher>().DeliverDue(50, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "E-mail delivery round failed; trying again on the next tick");
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
