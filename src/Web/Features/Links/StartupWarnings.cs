using Microsoft.Extensions.Options;

namespace UrlShortener.Web.Features.Links;

/// <summary>Says loudly at start-up when a setting that is fine on a laptop would be a risk in production.</summary>
public sealed partial class StartupWarnings(IOptions<ShortLinksOptions> options, IHostEnvironment environment, ILogger<StartupWarnings> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (settings.CodeKey == ShortLinksOptions.DevelopmentCodeKey)
        {
            LogDevelopmentKey(logger);
        }

        if (settings.BaseUri is null && !environment.IsDevelopment())
        {
            LogNoBaseUrl(logger);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShortLinks:CodeKey is the public development key: anyone can predict the "
        + "order of generated codes. Set ShortLinks__CodeKey to a secret of at least 16 characters before going live.")]
    private static partial void LogDevelopmentKey(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "ShortLinks:BaseUrl is not set: short URLs and the redirect-loop check follow "
        + "each request's Host header. Set ShortLinks__BaseUrl to the public origin (or restrict AllowedHosts) before going live.")]
    private static partial void LogNoBaseUrl(ILogger logger);
}
