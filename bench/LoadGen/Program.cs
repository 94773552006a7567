using UrlShortener.Bench.LoadGen;

// bench/run.sh's tool: load generation (open loop, closed loop), seed data, code lists for wrk, and the report.
if (args.Length == 0 || args[0] is "-h" or "--help")
{
    Console.Error.WriteLine("""
        usage: loadgen COMMAND [options]
          seed    [--count 1000000]                         seed set as CSV (short_code,long_url) on stdout
          codes   zipf|range|unknown [options]              code lists for wrk, one per line, on stdout
          rate    --url U --rate R --duration S [--warmup S] --connections N (--codes SPEC | --path P)
          post    --url U --rate R --duration S [--warmup S] --connections N
          max     --url U --duration S --connections N --codes cold:START:COUNT [--once]
          record  --out FILE --run N --scenario ID --row LABEL --kind max|ref|open|value [--wrk F | --loadgen F] …
          report  --in FILE --out FILE [--info key=text]…
        SPEC: single:CODE | list:FILE | zipf:S:N | cold:START:COUNT
        """);
    return 2;
}

try
{
    var command = args[0];
    return command switch
    {
        "seed" => SeedCommand.Run(new CommandLine(args.Skip(1))),
        "codes" when args.Length > 1 => CodesCommand.Run(args[1], new CommandLine(args.Skip(2))),
        "rate" or "post" or "max" => await LoadCommand.RunAsync(command, new CommandLine(args.Skip(1))),
        "record" => RecordCommand.Run(new CommandLine(args.Skip(1))),
        "report" => ReportCommand.Run(new CommandLine(args.Skip(1))),
        _ => throw new ArgumentException($"unknown command '{command}'"),
    };
}
catch (Exception ex) when (ex is ArgumentException or FormatException or IOException)
{
    Console.Error.WriteLine($"loadgen: {ex.Message}");
    return 2;
}
