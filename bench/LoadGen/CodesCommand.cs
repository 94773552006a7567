namespace UrlShortener.Bench.LoadGen;

/// <summary>
/// <c>codes zipf|range|unknown …</c>: code lists, one per line, for wrk's Lua scripts (bench/codes.lua), which
/// cannot sample a distribution fast themselves.
/// <list type="bullet">
/// <item><c>zipf --s 1.0 --n 1000000 --count 2000000 [--seed 1]</c>: samples over the first n seeded codes</item>
/// <item><c>range --start 0 --count 900000</c>: seeded codes in index order, each once (the cold scenario)</item>
/// <item><c>unknown --count 10000</c>: well-formed codes that exist nowhere (the negative cache)</item>
/// </list>
/// </summary>
public static class CodesCommand
{
    public static int Run(string kind, CommandLine options)
    {
        using var output = new StreamWriter(Console.OpenStandardOutput(), bufferSize: 1 << 16);
        switch (kind)
        {
            case "zipf":
                var s = options.Number("s", 1.0);
                var n = (int)options.Integer("n", SeedSet.DefaultCount);
                var count = options.Integer("count", 2_000_000);
                var random = new Random((int)options.Integer("seed", 1));
                options.RejectUnknown();
                var zipf = new ZipfSampler(n, s);
                for (long i = 0; i < count; i++)
                {
                    output.Write(SeedSet.Code(zipf.Next(random)));
                    output.Write('\n');
                }

                break;
            case "range":
                var start = options.Integer("start", 0);
                var length = options.Integer("count", SeedSet.DefaultCount);
                options.RejectUnknown();
                for (var i = start; i < start + length; i++)
                {
                    output.Write(SeedSet.Code(i));
                    output.Write('\n');
                }

                break;
            case "unknown":
                var unknown = options.Integer("count", 10_000);
                options.RejectUnknown();
                for (long i = 0; i < unknown; i++)
                {
                    output.Write(SeedSet.UnknownCode(i));
                    output.Write('\n');
                }

                break;
            default:
                throw new ArgumentException($"codes: unknown kind '{kind}' (zipf, range, unknown)");
        }

        return 0;
    }
}
