namespace UrlShortener.Web.Tests.QrCodes;

/// <summary>Raw requests for the QR endpoint, whose answers are images (or the envelope when refused).</summary>
public static class QrApi
{
    public static async Task<HttpResponseMessage> GetQrAsync(this HttpClient client, string path, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        configure?.Invoke(request);
        return await client.SendAsync(request, TestContext.Current.CancellationToken);
    }

    public static Task<byte[]> BytesAsync(HttpResponseMessage response) =>
        response.Content.ReadAsByteArrayAsync(TestContext.Current.CancellationToken);
}
