namespace UrlShortener.Web.Client.Features.Analytics;

/// <summary>One line of a breakdown: what (a country, a browser…), how many human clicks, and their share.</summary>
public sealed record BreakdownRow(string Label, long Count, double Percentage);
