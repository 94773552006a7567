using Confluent.Kafka;
using Microsoft.Extensions.Logging;

namespace UrlShortener.Workers.Infrastructure.Kafka;

/// <summary>Routes librdkafka's own log lines and errors to the host's logging instead of standard error.</summary>
internal static partial class KafkaClientLog
{
    public static void Log(ILogger logger, LogMessage message) =>
        LogClientMessage(logger, ToLogLevel(message.Level), message.Name, message.Facility, message.Message);

    public static void Error(ILogger logger, Error error)
    {
        if (error.IsFatal)
        {
            LogFatalError(logger, error.Code, error.Reason);
        }
        else
        {
            // librdkafka retries transient errors (broker down, rebalance) by itself; they are worth a warning only.
            LogTransientError(logger, error.Code, error.Reason);
        }
    }

    private static LogLevel ToLogLevel(SyslogLevel level) => level switch
    {
        SyslogLevel.Emergency or SyslogLevel.Alert or SyslogLevel.Critical => LogLevel.Critical,
        SyslogLevel.Error => LogLevel.Error,
        SyslogLevel.Warning => LogLevel.Warning,
        SyslogLevel.Notice or SyslogLevel.Info => LogLevel.Information,
        _ => LogLevel.Debug,
    };

    [LoggerMessage(Message = "{Client} [{Facility}] {Text}")]
    private static partial void LogClientMessage(ILogger logger, LogLevel level, string client, string facility, string text);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Kafka client failed fatally ({Code}): {Reason}")]
    private static partial void LogFatalError(ILogger logger, ErrorCode code, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Kafka client error ({Code}): {Reason}")]
    private static partial void LogTransientError(ILogger logger, ErrorCode code, string reason);
}
