using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>The identity, parser and table every kind declares; kinds override what they refer to and derive.</summary>
public abstract class RecordKindBase<T>(RecordKind kind, string name, MessageParser<T> parser, RecordTable<T> table) : IRecordKind<T>
    where T : IMessage<T>
{
    public RecordKind Kind => kind;

    public string Name => name;

    public MessageParser<T> Parser => parser;

    public RecordTable<T> Table => table;

    public abstract string SourceId(T record);

    public virtual string? QueueOf(T record) => null;

    public virtual string? WorkItemOf(T record) => null;

    public virtual string? CustomerOf(T record) => null;

    public virtual DateTimeOffset? OccurredAt(T record) => null;

    public abstract void Validate(T record, RowErrors errors, IngestContext context);

    public abstract Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<T>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken);

    /// <summary>For kinds whose event follows from the record alone.</summary>
    protected static Task<IReadOnlyList<OutgoingEvent>> EachOf(IReadOnlyList<StoredRecord<T>> changed, Func<StoredRecord<T>, OutgoingEvent> toEvent) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(changed.Select(toEvent).ToList());
}
