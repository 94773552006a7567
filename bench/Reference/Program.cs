using UrlShortener.Bench;

// The least a redirect can cost on this machine: Kestrel, routing, one dictionary lookup, a 302. No cache layers,
// no database, no click capture, no middleware. bench/run.sh loads it with the same wrk script as the app.
var builder = WebApplication.CreateSlimBuilder(args);
var count = builder.Configuration.GetValue("Reference:Links", SeedSet.DefaultCount);

// The same links the suite seeds into PostgreSQL, so every scenario's codes resolve (or not) alike in both apps.
var links = new Dictionary<string, string>(count, StringComparer.Ordinal);
for (var i = 0; i < count; i++)
{
    links[SeedSet.Code(i)] = SeedSet.LongUrl(i);
}

var app = builder.Build();

app.MapGet("/healthz", () => "Healthy");
app.MapGet("/{code}", (HttpContext http) =>
{
    var response = http.Response;
    if (http.Request.RouteValues["code"] is string code && links.TryGetValue(code, out var url))
    {
        response.StatusCode = StatusCodes.Status302Found;
        response.Headers.Location = url;
        response.Headers.CacheControl = "no-cache, no-store, must-revalidate";
    }
    else
    {
        response.StatusCode = StatusCodes.Status404NotFound;
    }

    return Task.CompletedTask;
});

await app.RunAsync();
