using Microsoft.Extensions.Options;

namespace UrlShortener.Web.Features.Links;

/// <summary>Says loudly at start-up when codes are being generated with the public development key.</summary>
public sealed partial class CodeKeyWarning(IOptions<ShortLinksOptions> options, ILogger<CodeKeyWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.CodeKey == ShortLinksOptions.DevelopmentCodeKey)
        {
            LogDevelopmentKey(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShortLinks:CodeKey is the public development key: anyone can predict the "
        + "order of generated codes. Set ShortLinks__CodeKey to a secret of at least 16 characters before going live.")]
    private static partial void LogDevelopmentKey(ILogger logger);
}
