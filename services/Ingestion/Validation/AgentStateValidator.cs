using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

public static class AgentStateValidator
{
    public static void Validate(AgentState state, RowErrors errors, IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(state);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Id(state.AgentId, "agent_id", errors);
        FieldChecks.Defined(state.State, "state", errors);
        FieldChecks.Id(state.ReasonCode, "reason_code", errors, required: false);
        FieldChecks.Instant(state.StartedAt, "started_at", errors, context, required: true);
    }
}
