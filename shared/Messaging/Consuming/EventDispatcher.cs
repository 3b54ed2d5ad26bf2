using System.Diagnostics;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Hosting;
using BackOfficeCloud.Messaging.Observability;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Consuming;

/// <summary>
/// Applies received events exactly once per consumer group: per tenant, one transaction records the event ids in the
/// inbox (skipping ids already there) and runs the handlers on the new ones; both commit together.
/// </summary>
public sealed class EventDispatcher
{
    private const int TenantConcurrency = 4;
    private readonly NpgsqlDataSource _dataSource;
    private readonly EventBusIdentity _identity;
    private readonly IServiceScopeFactory _scopes;
    private readonly Dictionary<(string Topic, string Type), EventHandlerRegistration> _handlers;
    private readonly string _claim;

    internal EventDispatcher(
        NpgsqlDataSource dataSource, ServiceSchema schema, EventBusIdentity identity, IEnumerable<EventHandlerRegistration> registrations,
        IServiceScopeFactory scopes)
    {
        _dataSource = dataSource;
        _identity = identity;
        _scopes = scopes;
        _handlers = registrations.ToDictionary(r => (r.Topic, r.Type));
        _claim = $"""
            INSERT INTO {schema.Name}.inbox (tenant_id, consumer_group, event_id) SELECT $1, $2, unnest($3::text[])
            ON CONFLICT DO NOTHING RETURNING event_id
            """;
    }

    /// <summary>The topics this service has handlers for.</summary>
    public IReadOnlyList<string> Topics => _handlers.Keys.Select(k => k.Topic).Distinct().Order(StringComparer.Ordinal).ToList();

    public async Task ApplyAsync(IReadOnlyList<ReceivedEvent> events, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(events);
        // Tenants are independent (own transaction, own order), so their transactions overlap their round trips.
        await Parallel.ForEachAsync(
            events.GroupBy(e => e.Event.TenantId),
            new ParallelOptions { MaxDegreeOfParallelism = TenantConcurrency, CancellationToken = cancellationToken },
            (tenant, ct) => new ValueTask(ApplyForTenantAsync(tenant.Key, tenant.ToList(), ct))).ConfigureAwait(false);
    }

    private async Task ApplyForTenantAsync(string tenantId, List<ReceivedEvent> events, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await _dataSource.OpenTenantTransactionAsync(tenantId, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            var fresh = await ClaimAsync(tenantId, events, transaction, cancellationToken).ConfigureAwait(false);
            var toApply = events.Where(e => fresh.Remove(e.Event.Id));
            await using var scope = _scopes.CreateAsyncScope();
            foreach (var group in toApply.GroupBy(e => (e.Topic, e.Event.Type)))
            {
                // An event type nobody here handles is recorded in the inbox and skipped.
                if (_handlers.TryGetValue(group.Key, out var registration))
                {
                    await RunHandlerAsync(registration, group.ToList(), scope.ServiceProvider, transaction, cancellationToken).ConfigureAwait(false);
                }
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        }

        foreach (var group in events.GroupBy(e => (e.Topic, e.Event.Type)))
        {
            MessagingMetrics.Consumed.WithLabels(group.Key.Topic, group.Key.Type).Inc(group.Count());
        }
    }

    private async Task<HashSet<string>> ClaimAsync(string tenantId, List<ReceivedEvent> events, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var claim = new NpgsqlCommand(_claim, transaction.Connection, transaction);
        claim.Parameters.Add(new NpgsqlParameter { Value = tenantId });
        claim.Parameters.Add(new NpgsqlParameter { Value = _identity.AppId });
        claim.Parameters.Add(new NpgsqlParameter { Value = events.ConvertAll(e => e.Event.Id), NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        var fresh = new HashSet<string>(events.Count, StringComparer.Ordinal);
        await using var reader = await claim.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            fresh.Add(reader.GetString(0));
        }

        return fresh;
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
