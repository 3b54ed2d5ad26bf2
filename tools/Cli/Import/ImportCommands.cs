using System.CommandLine;
using BackOfficeCloud.Cli.Common;

namespace BackOfficeCloud.Cli.Import;

public static class ImportCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        root.Subcommands.Add(ImportCommand.Create());

        var records = new Option<int>("--records") { Description = "Interactions per run", DefaultValueFactory = _ => 1_000_000 };
        var streams = new Option<int>("--streams") { Description = "Concurrent gRPC client streams", DefaultValueFactory = _ => 4 };
        var batch = new Option<int>("--batch") { Description = "Interactions per streamed message", DefaultValueFactory = _ => 10_000 };
        var source = new Option<string>("--source") { Description = "grpc, csv or both", DefaultValueFactory = _ => "both" };
        source.AcceptOnlyFromAmong("grpc", "csv", "both");
        var command = new Command("ingest", "Interactions through gRPC client streaming, then as a CSV import, into a durable PostgreSQL and on to Kafka; throwaway PostgreSQL, dev broker and ingestion process");
        command.Options.Add(records);
        command.Options.Add(streams);
        command.Options.Add(batch);
        command.Options.Add(source);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var sources = parse.GetValue(source) is "both" or null ? new[] { "grpc", "csv" } : [parse.GetValue(source)!];
            var options = new IngestBenchOptions(parse.GetValue(records), parse.GetValue(streams), parse.GetValue(batch), sources);
            if (options.Records < 1 || options.Streams < 1 || options.Batch is < 1 or > 10_000)
            {
                throw new ArgumentException($"--records={options.Records} and --streams={options.Streams} must be >= 1, --batch={options.Batch} 1 to 10000.");
            }

            await IngestBench.RunAsync(options, r => Console.WriteLine(JsonLine.Write(new
            {
                bench = "ingest",
                source = r.Source,
                records = r.Records,
                seconds = r.Seconds,
                per_second = r.PerSecond,
                lost = r.Lost,
                duplicated = r.Duplicated,
                peak_rss_mb = r.PeakRssMb,
            })), cancellationToken);
        });
        bench.Subcommands.Add(command);
        bench.Subcommands.Add(FloorCommand(records));
    }

    private static Command FloorCommand(Option<int> records)
    {
        var command = new Command(
            "ingest-floor",
            "The least CPU per record each leg of bench ingest costs here, measured alone: the rows by binary COPY, their events into and out of the outbox, and through the dev broker");
        command.Options.Add(records);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var count = parse.GetValue(records);
            if (count < 1)
            {
                throw new ArgumentException($"--records={count} must be >= 1.");
            }

            await IngestFloorBench.RunAsync(count, r => Console.WriteLine(JsonLine.Write(new
            {
                bench = "ingest-floor",
                leg = r.Leg,
                records = r.Records,
                seconds = r.Seconds,
                postgres_us_per_record = r.PostgresMicros,
                process_us_per_record = r.ProcessMicros,
                wal_bytes_per_record = r.WalBytes,
            })), cancellationToken);
        });
        return command;
    }
}
