using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Pipeline;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf;
using Google.Protobuf.Collections;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Grpc;

/// <summary>
/// Unary batches (each one transaction) and client streams (each message one batch and one transaction) of every kind.
/// A stream's rows are numbered across its messages; its result keeps the first <see cref="StreamErrorsKept"/> errors.
/// </summary>
[Authorize(Roles = Roles.Writers)]
public sealed partial class IngestionApi(
    NpgsqlDataSource dataSource, RecordKinds kinds, IngestPipeline pipeline, ImportRunner imports, ImportJobStore jobs, IngestionOptions options)
    : IngestionService.IngestionServiceBase
{
    private const int StreamErrorsKept = 1_000;

    public override Task<IngestResult> IngestInteractions(IngestInteractionsRequest request, ServerCallContext context) =>
        UnaryAsync(kinds.Interactions, request.Interactions, request.Policy, context);

    public override Task<IngestResult> StreamInteractions(IAsyncStreamReader<IngestInteractionsRequest> requestStream, ServerCallContext context) =>
        StreamAsync(kinds.Interactions, requestStream, r => r.Interactions, r => r.Policy, context);

    public override Task<IngestResult> IngestIntervalStatistics(IngestIntervalStatisticsRequest request, ServerCallContext context) =>
        UnaryAsync(kinds.IntervalStatistics, request.Statistics, request.Policy, context);

    public override Task<IngestResult> StreamIntervalStatistics(IAsyncStreamReader<IngestIntervalStatisticsRequest> requestStream, ServerCallContext context) =>
        StreamAsync(kinds.IntervalStatistics, requestStream, r => r.Statistics, r => r.Policy, context);

    public override Task<IngestResult> IngestWorkItems(IngestWorkItemsRequest request, ServerCallContext context) =>
        UnaryAsync(kinds.WorkItems, request.WorkItems, request.Policy, context);

    public override Task<IngestResult> StreamWorkItems(IAsyncStreamReader<IngestWorkItemsRequest> requestStream, ServerCallContext context) =>
        StreamAsync(kinds.WorkItems, requestStream, r => r.WorkItems, r => r.Policy, context);

    public override Task<IngestResult> IngestWorkItemEvents(IngestWorkItemEventsRequest request, ServerCallContext context) =>
        UnaryAsync(kinds.WorkItemEvents, request.Events, request.Policy, context);

    public override Task<IngestResult> StreamWorkItemEvents(IAsyncStreamReader<IngestWorkItemEventsRequest> requestStream, ServerCallContext context) =>
        StreamAsync(kinds.WorkItemEvents, requestStream, r => r.Events, r => r.Policy, context);

    public override Task<IngestResult> IngestAgentStates(IngestAgentStatesRequest request, ServerCallContext context) =>
        UnaryAsync(kinds.AgentStates, request.States, request.Policy, context);

    public override Task<IngestResult> StreamAgentStates(IAsyncStreamReader<IngestAgentStatesRequest> requestStream, ServerCallContext context) =>
        StreamAsync(kinds.AgentStates, requestStream, r => r.States, r => r.Policy, context);

    public override async Task<IngestResult> IngestRoster(IngestRosterRequest request, ServerCallContext context)
    {
        var tally = new IngestTally();
        await RosterAsync(request, 0, tally, context);
        return tally.ToResult();
    }

    public override async Task<IngestResult> StreamRoster(IAsyncStreamReader<IngestRosterRequest> requestStream, ServerCallContext context)
    {
        var tally = new IngestTally(StreamErrorsKept);
        long firstRow = 0;
        await foreach (var request in requestStream.ReadAllAsync(context.CancellationToken))
        {
            await RosterAsync(request, firstRow, tally, context);
            firstRow += request.Queues.Count + request.Agents.Count;
        }

        return tally.ToResult();
    }

    private async Task<IngestResult> UnaryAsync<T>(IRecordKind<T> kind, RepeatedField<T> records, InvalidRowPolicy policy, ServerCallContext context)
        where T : IMessage<T>
    {
        var tally = new IngestTally();
        await BatchAsync(kind, records, 0, policy, tally, context);
        return tally.ToResult();
    }

    /// <summary>The next message is read and parsed while the current one is written.</summary>
    private async Task<IngestResult> StreamAsync<TRequest, T>(
        IRecordKind<T> kind, IAsyncStreamReader<TRequest> requests, Func<TRequest, RepeatedField<T>> records, Func<TRequest, InvalidRowPolicy> policy,
        ServerCallContext context)
        where T : IMessage<T>
    {
        var tally = new IngestTally(StreamErrorsKept);
        long firstRow = 0;
        await Prefetch.RunAsync(requests.ReadAllAsync(context.CancellationToken), async request =>
        {
            var batch = records(request);
            await BatchAsync(kind, batch, firstRow, policy(request), tally, context);
            firstRow += batch.Count;
        }, capacity: 1, context.CancellationToken);
        return tally.ToResult();
    }

    private async Task BatchAsync<T>(
        IRecordKind<T> kind, RepeatedField<T> records, long firstRow, InvalidRowPolicy policy, IngestTally tally, ServerCallContext context)
        where T : IMessage<T>
    {
        CheckBatchSize(kind.Name, records.Count);
        var tenant = context.Tenant();
        var timer = pipeline.Timings.Start();
        var rows = new List<RowRecord<T>>(records.Count);
        for (var i = 0; i < records.Count; i++)
        {
            rows.Add(new RowRecord<T>(firstRow + i, records[i]));
        }

        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        await using (transaction)
        {
            timer.Lap("open");
            var validated = await pipeline.ValidateAsync(kind, transaction, rows, timer, context.CancellationToken);
            tally.AddValidated(validated);
            var written = default(WriteCounts);
            if (!(policy == InvalidRowPolicy.RejectAll && validated.Rejected > 0))
            {
                written = await pipeline.WriteAsync(kind, tenant, transaction, validated.Valid, timer, context.CancellationToken);
                await transaction.CommitAsync(context.CancellationToken);
                timer.Lap("commit");
                tally.AddWritten(written);
            }

            pipeline.Count(kind.Name, tenant, written, validated.Rejected);
            pipeline.Timings.Report(kind.Name, records.Count, timer);
        }
    }

    /// <summary>Queues first (other kinds are checked against them), then agents; reject-all covers both.</summary>
    private async Task RosterAsync(IngestRosterRequest request, long firstRow, IngestTally tally, ServerCallContext context)
    {
        CheckBatchSize("roster", request.Queues.Count + request.Agents.Count);
        var tenant = context.Tenant();
        var queues = request.Queues.Select((q, i) => new RowRecord<RosterQueue>(firstRow + i, q)).ToList();
        var agents = request.Agents.Select((a, i) => new RowRecord<RosterAgent>(firstRow + queues.Count + i, a)).ToList();
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        await using (transaction)
        {
            var validQueues = await pipeline.ValidateAsync(kinds.RosterQueues, transaction, queues, BatchTimer.Off, context.CancellationToken);
            var validAgents = await pipeline.ValidateAsync(kinds.RosterAgents, transaction, agents, BatchTimer.Off, context.CancellationToken);
            tally.AddValidated(validQueues);
            tally.AddValidated(validAgents);
            if (request.Policy == InvalidRowPolicy.RejectAll && validQueues.Rejected + validAgents.Rejected > 0)
            {
                pipeline.Count(kinds.RosterQueues.Name, tenant, default, validQueues.Rejected);
                pipeline.Count(kinds.RosterAgents.Name, tenant, default, validAgents.Rejected);
                return;
            }

            var writtenQueues = await pipeline.WriteAsync(kinds.RosterQueues, tenant, transaction, validQueues.Valid, BatchTimer.Off, context.CancellationToken);
            var writtenAgents = await pipeline.WriteAsync(kinds.RosterAgents, tenant, transaction, validAgents.Valid, BatchTimer.Off, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
            tally.AddWritten(writtenQueues);
            tally.AddWritten(writtenAgents);
            pipeline.Count(kinds.RosterQueues.Name, tenant, writtenQueues, validQueues.Rejected);
            pipeline.Count(kinds.RosterAgents.Name, tenant, writtenAgents, validAgents.Rejected);
        }
    }

    private void CheckBatchSize(string kind, int count)
    {
        if (count > options.MaxBatchRecords)
        {
            throw new ValidationException(kind, $"a batch holds at most {options.MaxBatchRecords} records, this one {count}: split it, stream it or import a file");
        }
    }
}
