using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace UrlShortener.Web.Data;

/// <summary>Stores an instant as its UTC ticks (SQLite); reads it back with offset zero.</summary>
public sealed class UtcTicksConverter() : ValueConverter<DateTimeOffset, long>(
    value => value.UtcTicks,
    ticks => new DateTimeOffset(ticks, TimeSpan.Zero));
