using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Agent state changes, identified by agent and start; events are keyed by agent so their order holds.</summary>
public sealed class AgentStateKind : IRecordKind<AgentState>
{
    public RecordKind Kind => RecordKind.AgentState;

    public string Name => "agent_states";

    public MessageParser<AgentState> Parser => AgentState.Parser;

    public RecordTable<AgentState> Table { get; } = new("agent_states", "record_id",
    [
        Column.Text<AgentState>("agent_id", s => s.AgentId),
        Column.Enum<AgentState, AgentStateType>("state", s => s.State),
        Column.Text<AgentState>("reason_code", s => s.ReasonCode),
        Column.Instant<AgentState>("started_at", s => s.StartedAt),
    ]);

    public string SourceId(AgentState record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.AgentId}|{record.StartedAt.ToDateTimeOffset():O}");

    public DateTimeOffset? OccurredAt(AgentState record) => record.StartedAt?.ToDateTimeOffset();

    public void Validate(AgentState record, RowErrors errors, IngestContext context) => AgentStateValidator.Validate(record, errors, context);

    public Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<AgentState>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<OutgoingEvent>>(changed.Select(s => new OutgoingEvent(
            Topics.IngestionAgentStates, EventTypes.AgentStateChanged, tenant, s.Record.AgentId, new AgentStateChanged
            {
                AgentId = s.Record.AgentId,
                State = WireName.Of(s.Record.State),
                ReasonCode = s.Record.ReasonCode,
                StartedAt = s.Record.StartedAt,
            })).ToList());
}
