using System.CommandLine;
using BackOfficeCloud.Contracts.Ingestion.V1;
using Grpc.Core;
using Spectre.Console;

namespace BackOfficeCloud.Cli.Import;

/// <summary><c>bocloud import KIND FILE</c>: uploads a file to a running platform with a progress bar, then prints the job.</summary>
internal static class ImportCommand
{
    private const int ErrorsShown = 20;

    public static Command Create()
    {
        var kind = new Argument<string>("kind") { Description = "interactions, interval_statistics, work_items, work_item_events, agent_states, roster_agents or roster_queues" };
        var file = new Argument<FileInfo>("file") { Description = "CSV (with a header row) or JSON lines (.jsonl / .ndjson)" };
        var mapping = new Option<FileInfo?>("--mapping") { Description = "Column mapping JSON: {\"columns\":{\"Call ID\":\"source_id\"},\"timeZone\":\"Europe/Berlin\",\"dateFormat\":\"dd/MM/yyyy HH:mm\"}" };
        var rejectAll = new Option<bool>("--reject-all") { Description = "Store nothing if any row is invalid (default: store the valid rows, report the rest)" };
        var url = new Option<Uri>("--url") { Description = "The Ingestion service's gRPC address", DefaultValueFactory = _ => new Uri(IngestionClient.LocalUrl) };
        var apiKey = new Option<string>("--api-key") { Description = "API key (default: the local platform's development key)", DefaultValueFactory = _ => IngestionClient.LocalApiKey };
        var command = new Command("import", "Upload a CSV or JSON-lines file of one kind to a running platform (AppHost defaults) and show its progress");
        command.Arguments.Add(kind);
        command.Arguments.Add(file);
        command.Options.Add(mapping);
        command.Options.Add(rejectAll);
        command.Options.Add(url);
        command.Options.Add(apiKey);
        command.SetAction(async (ParseResult parse, CancellationToken cancellationToken) =>
        {
            var path = parse.GetValue(file)!;
            if (!path.Exists)
            {
                throw new FileNotFoundException($"{path.FullName} does not exist.");
            }

            var header = new ImportHeader
            {
                Kind = IngestionClient.ParseKind(parse.GetValue(kind)!),
                Format = path.Extension is ".jsonl" or ".ndjson" ? FileFormat.JsonLines : FileFormat.Csv,
                Mapping = parse.GetValue(mapping) is { } m ? ColumnMapping.Parser.ParseJson(await File.ReadAllTextAsync(m.FullName, cancellationToken)) : new ColumnMapping(),
                Policy = parse.GetValue(rejectAll) ? InvalidRowPolicy.RejectAll : InvalidRowPolicy.AcceptValid,
                FileName = path.Name,
                JobId = Guid.NewGuid().ToString(),
            };
            var (channel, client) = IngestionClient.Connect(parse.GetValue(url)!, parse.GetValue(apiKey)!);
            using (channel)
            {
                try
                {
                    var job = await UploadWithProgressAsync(client, header, path, cancellationToken);
                    Print(job);
                    return job.Status == ImportJobStatus.Succeeded ? 0 : 1;
                }
                catch (RpcException e)
                {
                    Console.Error.WriteLine($"bocloud: {e.StatusCode}: {e.Status.Detail}");
                    return 2;
                }
            }
        });
        return command;
    }

    private static async Task<ImportJob> UploadWithProgressAsync(IngestionService.IngestionServiceClient client, ImportHeader header, FileInfo path, CancellationToken cancellationToken)
    {
        ImportJob? job = null;
        await AnsiConsole.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new TransferSpeedColumn(), new RemainingTimeColumn())
            .StartAsync(async progress =>
            {
                // the bar follows the bytes of the committed chunks: bytes merely sent sit in buffers ahead of the service
                // (a 300,000-row upload showed 100% while a tenth of its rows were still to be stored)
                var bar = progress.AddTask($"{path.Name}", maxValue: Math.Max(1, path.Length));
                using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                var watching = WatchAsync(client, header.JobId, j =>
                {
                    bar.Value = j.BytesRead;
                    bar.Description = $"{path.Name}: {j.RowsRead:N0} rows, {j.Accepted + j.Updated:N0} stored, {j.Duplicates:N0} duplicates, {j.Rejected:N0} rejected";
                }, stopWatching.Token);
                await using var stream = path.OpenRead();
                job = await IngestionClient.UploadAsync(client, header, stream, cancellationToken);
                await stopWatching.CancelAsync();
                await watching;
                bar.Description = $"{path.Name}: {job.RowsRead:N0} rows";
                bar.Value = bar.MaxValue;
            });
        return job!;
    }

    /// <summary>Follows the job's committed progress until the upload ends (the job appears once its header is read).</summary>
    private static async Task WatchAsync(IngestionService.IngestionServiceClient client, string jobId, Action<ImportJob> show, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                try
                {
                    using var watch = client.WatchImportJob(new GetImportJobRequest { JobId = jobId }, cancellationToken: cancellationToken);
                    while (await watch.ResponseStream.MoveNext(cancellationToken))
                    {
                        show(watch.ResponseStream.Current);
                    }

                    return;
                }
                catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
                {
                    await Task.Delay(200, cancellationToken);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException || e is RpcException { StatusCode: StatusCode.Cancelled })
        {
            // the upload finished first
        }
    }

    private static void Print(ImportJob job)
    {
        Console.WriteLine($"job {job.JobId}: {job.Status.ToString().ToLowerInvariant()}; rows {job.RowsRead}, accepted {job.Accepted}, updated {job.Updated}, duplicates {job.Duplicates}, rejected {job.Rejected}");
        if (job.Failure.Length > 0)
        {
            Console.WriteLine($"  {job.Failure}");
        }

        foreach (var error in job.Errors.Take(ErrorsShown))
        {
            Console.WriteLine($"  line {error.Row}, {error.Field} = '{error.Value}': {error.Reason}");
        }

        if (job.Rejected > 0 && job.Errors.Count > ErrorsShown)
        {
            Console.WriteLine($"  … {job.Errors.Count - ErrorsShown} more errors (GetImportJob {job.JobId})");
        }
    }
}
