using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Observability;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>
/// Applies received events exactly once per consumer group. A batch is one transaction: per tenant, one round trip sets
/// the tenant (row-level security) and records the event ids in the inbox, skipping ids already there; the handlers run
/// on the new ones; everything commits together, so either the whole batch is applied and recorded or none of it.
/// </summary>
public sealed class EventDispatcher
{
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventBusIdentity _identity;
    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<(string Topic, string Type), EventHandlerRegistration> _handlers;
    private readonly string _record;
    private readonly string _claim;

    internal EventDispatcher(
        NpgsqlDataSource dataSource, ServiceSchema schema, EventBusIdentity identity, IEnumerable<EventHandlerRegistration> registrations,
        IServiceScopeFactory scopes)
    {
        _dataSource = dataSource;
        _identity = identity;
        _scopes = scopes;
        _handlers = registrations.ToDictionary(r => (r.Topic, r.Type));
        _record = $"INSERT INTO {schema.Name}.inbox (event_id, consumer_group, tenant_id) SELECT unnest($3::uuid[]), $2, $1";
        // Answers one row: NULL when every id was new and distinct, else the ids this claim recorded.
        _claim = $"""
            WITH claimed AS (
                {_record}
                ON CONFLICT DO NOTHING RETURNING event_id)
            SELECT CASE WHEN count(*) = cardinality($3::uuid[]) THEN NULL ELSE coalesce(array_agg(event_id), ARRAY[]::uuid[]) END FROM claimed
            """;
    }

    /// <summary>The topics this service has handlers for.</summary>
    public IReadOnlyList<string> Topics => _handlers.Keys.Select(k => k.Topic).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task ApplyAsync(IReadOnlyList<ReceivedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        await using (var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false))
        {
            foreach (var tenant in events.GroupBy(e => e.Event.TenantId, StringComparer.Ordinal))
            {
                await ApplyForTenantAsync(tenant.Key, tenant.ToList(), transaction, cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in events.GroupBy(e => (e.Topic, e.Event.Type)))
        {
            MessagingMetrics.Consumed.WithLabels(group.Key.Topic, group.Key.Type).Inc(group.Count());
        }
    }

    // The tenant setting is transaction-local and switched per tenant group: each group's statements see only its tenant.
    private async Task ApplyForTenantAsync(string tenantId, List<ReceivedEvent> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var ids = events.ConvertAll(e => InboxId(e.Event.Id));
        var claimed = await ClaimAsync(tenantId, ids, transaction, cancellationToken).ConfigureAwait(false);
        var toApply = claimed is null ? events : events.Where((_, i) => claimed.Remove(ids[i]));
        await using var scope = _scopes.CreateAsyncScope();
        foreach (var group in toApply.GroupBy(e => (e.Topic, e.Event.Type)))
        {
            // An event type nobody here handles is recorded in the inbox and skipped.
            if (_handlers.TryGetValue(group.Key, out var registration))
            {
                await RunHandlerAsync(registration, group.ToList(), scope.ServiceProvider, transaction, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Records the ids in the inbox; returns null when all were new, else the ids new to it (redeliveries left out).</summary>
    /// <remarks>
    /// The usual case, every id new, is a plain insert inside a savepoint: <c>ON CONFLICT DO NOTHING</c> costs PostgreSQL about
    /// twice as much per row (a speculative insertion each). Only when an id is already there (a redelivery) does the
    /// insert fail on the primary key; then the savepoint is rolled back and the ids are claimed one by one.
    /// </remarks>
    private async Task<HashSet<Guid>?> ClaimAsync(string tenantId, List<Guid> ids, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var setTenant = new NpgsqlBatchCommand($"SELECT set_config('{TenantTransactions.TenantSetting}', $1, true)");
        setTenant.Parameters.Add(new NpgsqlParameter { Value = TenantId.Ensure(tenantId) });
        if (await NewRowsInsert.TryAsync(transaction, InboxCommand(_record, tenantId, ids), cancellationToken, setTenant).ConfigureAwait(false))
        {
            return null;
        }

        // a redelivery: claim what is new
        await using var claim = new NpgsqlBatch(transaction.Connection, transaction);
        claim.BatchCommands.Add(InboxCommand(_claim, tenantId, ids));
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        await reader.ReadAsync(cancellationToken).ConfigureAwait(false);
        return reader.IsDBNull(0) ? null : [.. reader.GetFieldValue<Guid[]>(0)];
    }

    private NpgsqlBatchCommand InboxCommand(string sql, string tenantId, List<Guid> ids)
    {
        var command = new NpgsqlBatchCommand(sql);
        command.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        command.Parameters.Add(new NpgsqlParameter { Value = _identity.AppId });
        command.Parameters.Add(new NpgsqlParameter { Value = ids, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Uuid });
        return command;
    }

    /// <summary>
    /// The inbox key of an event id: the UUID itself when the id is one in canonical form (lower-case 8-4-4-4-12, as the
    /// platform writes them), else a name-based UUID (version 8) from the first 16 bytes of the SHA-256 of the id's
    /// UTF-8 text, so ids from other publishers are told apart as well as the text would (migration 0005 maps the
    /// inbox's earlier text ids the same way).
    /// </summary>
    internal static Guid InboxId(string eventId)
    {
        if (eventId.Length == 36 && !eventId.AsSpan().ContainsAnyInRange('A', 'Z') && Guid.TryParseExact(eventId, "D", out var id))
        {
            return id;
        }

        Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(Encoding.UTF8.GetBytes(eventId), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new Guid(hash[..16], bigEndian: true);
    }

    private static async Task RunHandlerAsync(
        EventHandlerRegistration registration, List<ReceivedEvent> events, IServiceProvider services, NpgsqlTransaction transaction,
        CancellationToken cancellationToken)
    {
        using var activity = MessagingTracing.StartProcessing(registration.Topic, events.ConvertAll(e => e.Event.TraceParent));
        activity?.SetTag("messaging.batch.message_count", events.Count);
        var started = Stopwatch.GetTimestamp();
        try
        {
            await registration.Apply(services, events, transaction, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            MessagingMetrics.Failed.WithLabels(registration.Topic, registration.Type).Inc();
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message);
            throw;
        }

        MessagingMetrics.HandlerDuration.WithLabels(registration.Topic, registration.Type).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
    }
}
