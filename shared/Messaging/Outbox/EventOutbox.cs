using BackOfficeCloud.Messaging.Publishing;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Messaging.Outbox;

// COPY FROM is refused on tables with row-level security, so a batch is one INSERT ... SELECT FROM unnest(arrays).
internal sealed class EventOutbox(string schema, EnvelopeFactory envelopes) : IEventOutbox
{
    private readonly string _insert = $"""
        INSERT INTO {schema}.outbox (tenant_id, topic, message_key, event_type, envelope)
        SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bytea[])
        """;

    public Task EnqueueAsync(NpgsqlTransaction transaction, OutgoingEvent outgoing, CancellationToken cancellationToken = default) =>
        EnqueueAsync(transaction, [outgoing], cancellationToken);

    public async Task EnqueueAsync(NpgsqlTransaction transaction, IReadOnlyList<OutgoingEvent> events, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(events);
        if (events.Count == 0)
        {
            return;
        }

        var tenants = new string[events.Count];
        var topics = new string[events.Count];
        var keys = new string[events.Count];
        var types = new string[events.Count];
        var envelopesBytes = new byte[events.Count][];
        for (var i = 0; i < events.Count; i++)
        {
            var message = envelopes.Create(events[i]);
            tenants[i] = events[i].TenantId;
            topics[i] = message.Topic;
            keys[i] = message.Key;
            types[i] = message.Type;
            envelopesBytes[i] = message.Envelope;
        }

        await using var command = new NpgsqlCommand(_insert, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tenants, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = topics, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = keys, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = types, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        command.Parameters.Add(new NpgsqlParameter { Value = envelopesBytes, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Bytea });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
