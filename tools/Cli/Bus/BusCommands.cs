using System.CommandLine;
using BackOfficeCloud.Cli.Common;

namespace BackOfficeCloud.Cli.Bus;

public static class BusCommands
{
    public static void Register(RootCommand root, Command bench)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(bench);
        var events = new Option<int>("--events") { Description = "Events to send", DefaultValueFactory = _ => 200_000 };
        var rate = new Option<int>("--rate") { Description = "Events per second offered to the outbox (0 = as fast as possible)", DefaultValueFactory = _ => 0 };
        var tenants = new Option<int>("--tenants") { Description = "Tenants the events are spread over", DefaultValueFactory = _ => 8 };
        var writers = new Option<int>("--writers") { Description = "Concurrent writers of outbox transactions", DefaultValueFactory = _ => 2 };
        var batched = new Option<bool>("--batched") { Description = "Writers enqueue CloudEvents batches, one key per tenant (default: one CloudEvent per Kafka message)" };
        var command = new Command("bus", "Outbox -> Kafka (dev broker) -> idempotent consumer into PostgreSQL, end to end; throwaway PostgreSQL and broker");
        command.Options.Add(events);
        command.Options.Add(rate);
        command.Options.Add(tenants);
        command.Options.Add(batched);
        command.Options.Add(writers);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var options = new BusBenchmarkOptions(parse.GetValue(events), parse.GetValue(rate), parse.GetValue(tenants), parse.GetValue(batched), parse.GetValue(writers));
            if (options.Events < 1 || options.Rate < 0 || options.Tenants < 1 || options.Writers < 1)
            {
                throw new ArgumentException(
                    $"--events={options.Events}, --tenants={options.Tenants} and --writers={options.Writers} must be >= 1, --rate={options.Rate} >= 0.");
            }

            var result = await BusBenchmark.RunAsync(options, cancellationToken);
            Console.WriteLine(JsonLine.Write(new
            {
                bench = "bus",
                mode = options.Batched ? "batched" : "single",
                events = result.Events,
                seconds = result.Seconds,
                per_second = result.PerSecond,
                lost = result.Lost,
                duplicated = result.Duplicated,
                p99_latency_ms = result.P99LatencyMs,
            }));
        });
        bench.Subcommands.Add(command);
    }
}
