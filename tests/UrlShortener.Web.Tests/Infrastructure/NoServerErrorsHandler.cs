namespace UrlShortener.Web.Tests.Infrastructure;

/// <summary>Fails the test that made it on any 5xx answer: no request in this suite may yield a server error.</summary>
public sealed class NoServerErrorsHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if ((int)response.StatusCode >= 500)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException($"{request.Method} {request.RequestUri} answered {(int)response.StatusCode}: {body}");
        }

        return response;
    }
}
