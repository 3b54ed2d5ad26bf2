using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Everything the pipeline needs to know about one kind of record: identity, checks, storage, events.</summary>
public interface IRecordKind<T>
    where T : IMessage<T>
{
    RecordKind Kind { get; }

    /// <summary>Plural snake_case name: the metric label and the CLI's KIND argument.</summary>
    string Name { get; }

    MessageParser<T> Parser { get; }

    RecordTable<T> Table { get; }

    /// <summary>The record's id in the tenant's source (for kinds without one, built from its natural key).</summary>
    string SourceId(T record);

    /// <summary>The queue the record refers to, checked against the tenant's roster.</summary>
    string? QueueOf(T record) => null;

    /// <summary>The work item the record refers to, which must exist.</summary>
    string? WorkItemOf(T record) => null;

    /// <summary>The customer whose stored rows the kind derives flags from (repeat contacts, duplicate items), if any.</summary>
    string? CustomerOf(T record) => null;

    /// <summary>When the record's event happened in the source, for the ingestion lag metric.</summary>
    DateTimeOffset? OccurredAt(T record) => null;

    void Validate(T record, RowErrors errors, IngestContext context);

    /// <summary>
    /// Derives what depends on the stored rows (flags, work-item state) inside the write transaction and returns the
    /// events of the records that were inserted or updated.
    /// </summary>
    Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<T>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken);
}
