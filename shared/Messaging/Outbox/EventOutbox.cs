using BackOfficeCloud.Messaging.Publishing;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Outbox;

// COPY FROM is refused on tables with row-level security, so a batch is one INSERT ... SELECT FROM unnest(arrays).
internal sealed class EventOutbox(string schema, EnvelopeFactory envelopes, int batchMaxEvents, int batchMaxBytes) : IEventOutbox
{
    private readonly string _insert = $"""
        INSERT INTO {schema}.outbox (tenant_id, topic, message_key, event_type, envelope, batch_events)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[], $6::integer[])
        """;

    public Task EnqueueAsync(NpgsqlTransaction transaction, OutgoingEvent outgoing, CancellationToken cancellationToken = default) =>
        EnqueueAsync(transaction, [outgoing], cancellationToken);

    public Task EnqueueAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(events);
        var messages = new OutboundMessage[events.Count];
        var tenants = new string[events.Count];
        for (var i = 0; i < events.Count; i++)
        {
            messages[i] = envelopes.Create(events[i]);
            tenants[i] = events[i].TenantId;
        }

        return InsertAsync(transaction, tenants, messages, cancellationToken);
    }

    public Task EnqueueBatchAsync(NpgsqlTransaction transaction, string key, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        var batches = envelopes.CreateBatches(key, events, batchMaxEvents, batchMaxBytes);
        var tenants = batches.Count == 0 ? [] : Enumerable.Repeat(events[0].TenantId, batches.Count).ToArray();
        return InsertAsync(transaction, tenants, batches, cancellationToken);
    }

    private async Task InsertAsync(NpgsqlTransaction transaction, string[] tenants, IReadOnlyList<OutboundMessage> messages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        if (messages.Count == 0)
        {
            return;
        }

        var topics = new string[messages.Count];
        var keys = new string[messages.Count];
        var types = new string[messages.Count];
        var envelopesBytes = new byte[messages.Count][];
        var batchEvents = new int?[messages.Count];
        for (var i = 0; i < messages.Count; i++)
        {
            topics[i] = messages[i].Topic;
            keys[i] = messages[i].Key;
            types[i] = messages[i].Type;
            envelopesBytes[i] = messages[i].Envelope;
            batchEvents[i] = messages[i].BatchEvents;
        }

        await using var command = new NpgsqlCommand(_insert, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = topics, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = envelopesBytes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        command.Parameters.Add(new NpgsqlParameter { Value = batchEvents, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Integer });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
