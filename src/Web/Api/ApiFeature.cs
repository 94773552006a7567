using System.Text.Json;

namespace UrlShortener.Web.Api;

public static class ApiFeature
{
    /// <summary>JSON conventions and the error handling that keeps every API failure inside the envelope.</summary>
    public static IHostApplicationBuilder AddApi(this IHostApplicationBuilder builder)
    {
        builder.Services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            options.SerializerOptions.AllowDuplicateProperties = false;
        });
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ApiExceptionHandler>();
        return builder;
    }
}
