using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Agent state changes, identified by agent and start; events are keyed by agent so their order holds.</summary>
public sealed class AgentStateKind() : RecordKindBase<AgentState>(
    RecordKind.AgentState, "agent_states", AgentState.Parser, new RecordTable<AgentState>("agent_states", "record_id",
    [
        Column.Text<AgentState>("agent_id", s => s.AgentId),
        Column.Enum<AgentState, AgentStateType>("state", s => s.State),
        Column.Text<AgentState>("reason_code", s => s.ReasonCode),
        Column.Instant<AgentState>("started_at", s => s.StartedAt),
    ]))
{
    public override string SourceId(AgentState record) =>
        string.Create(CultureInfo.InvariantCulture, $"{record.AgentId}|{record.StartedAt.ToDateTimeOffset():O}");

    public override DateTimeOffset? OccurredAt(AgentState record) => record.StartedAt?.ToDateTimeOffset();

    public override void Validate(AgentState record, RowErrors errors, IngestContext context) => AgentStateValidator.Validate(record, errors, context);

    public override Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<AgentState>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EachOf(changed, s => new OutgoingEvent(
            Topics.IngestionAgentStates, EventTypes.AgentStateChanged, tenant, s.Record.AgentId, new AgentStateChanged
            {
                AgentId = s.Record.AgentId,
                State = WireName.Of(s.Record.State),
                ReasonCode = s.Record.ReasonCode,
                StartedAt = s.Record.StartedAt,
            }));
}
