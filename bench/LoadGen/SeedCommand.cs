namespace UrlShortener.Bench.LoadGen;

/// <summary><c>seed [--count N]</c>: the seed set as CSV with a header, for <c>COPY … (FORMAT csv, HEADER)</c>.</summary>
public static class SeedCommand
{
    public static int Run(CommandLine options)
    {
        var count = options.Integer("count", SeedSet.DefaultCount);
        options.RejectUnknown();
        using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16);
        output.Write("short_code,long_url\n");
        for (long i = 0; i < count; i++)
        {
            // Neither part ever holds a comma, a quote or a newline, so no CSV quoting is needed.
            output.Write(SeedSet.Code(i));
            output.Write(',');
            output.Write(SeedSet.LongUrl(i));
            output.Write('\n');
        }

        return 0;
    }
}
