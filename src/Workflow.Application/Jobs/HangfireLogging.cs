using Hangfire.Logging;
using Microsoft.Extensions.Logging;
using HangfireLevel = Hangfire.Logging.LogLevel;
using LogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace Workflow.Application.Jobs;

/// <summary>
/// Hangfire logs through one provider for the whole process (a static of its own), where ASP.NET Core gives each
/// host its logger factory. Each host adds its factory here; Hangfire writes through the newest one still alive.
/// In production a process has one host; the tests start and stop many in one process, and a stopped host's
/// factory must not break the logging of those still running.
/// </summary>
internal sealed class HostsLogProvider : ILogProvider
{
    public static readonly HostsLogProvider Instance = new();

    private readonly List<ILoggerFactory> _factories = [];

    public void Add(ILoggerFactory factory)
    {
        lock (_factories)
            if (!_factories.Contains(factory))
                _factories.Add(factory);
    }

    public ILog GetLogger(string name) => new HostLog(this, name);

    private ILogger? Logger(string name)
    {
        lock (_factories)
        {
            for (var i = _factories.Count - 1; i >= 0; i--)
            {
                try
                {
                    return _factories[i].CreateLogger(name);
                }
                catch (ObjectDisposedException)
                {
                    _factories.RemoveAt(i);
                }
            }
            return null;
        }
    }

    private sealed class HostLog(HostsLogProvider provider, string name) : ILog
    {
        public bool Log(HangfireLevel logLevel, Func<string>? messageFunc, Exception? exception = null)
        {
            if (provider.Logger(name) is not { } logger)
                return false;
            var level = logLevel switch
            {
                HangfireLevel.Trace => LogLevel.Trace,
                HangfireLevel.Debug => LogLevel.Debug,
                HangfireLevel.Info => LogLevel.Information,
                HangfireLevel.Warn => LogLevel.Warning,
                HangfireLevel.Error => LogLevel.Error,
                _ => LogLevel.Critical,
            };
            if (messageFunc is null)
                return logger.IsEnabled(level);
            try
            {
                logger.Log(level, 0, exception, "{Message}", messageFunc());
            }
            catch (ObjectDisposedException)
            {
                // The host stopped while writing: the message is lost with it.
            }
            return true;
        }
    }
}
