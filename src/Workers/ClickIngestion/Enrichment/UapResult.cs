namespace UrlShortener.Workers.ClickIngestion.Enrichment;

/// <summary>What uap-core says about a user agent: browser, OS and device families, device brand and model.</summary>
internal readonly record struct UapResult(string Browser, string Os, string Device, string? Brand, string? Model);
