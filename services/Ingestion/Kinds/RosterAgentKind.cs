using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;

namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Agents of the roster with skills, contract, availability, time off and preferences; the event carries them all.</summary>
public sealed class RosterAgentKind() : RecordKindBase<RosterAgent>(
    RecordKind.RosterAgent, "roster_agents", RosterAgent.Parser, new RecordTable<RosterAgent>("roster_agents", "record_id",
    [
        Column.Text<RosterAgent>("name", a => a.Name),
        Column.Text<RosterAgent>("team", a => a.Team),
        Column.JsonArray<RosterAgent>("skills", a => a.Skills),
        Column.Json<RosterAgent>("contract", a => a.Contract),
        Column.JsonArray<RosterAgent>("availability", a => a.Availability),
        Column.JsonArray<RosterAgent>("time_off", a => a.TimeOff),
        Column.Text<RosterAgent>("time_zone", a => a.TimeZone),
        Column.Json<RosterAgent>("preferences", a => a.Preferences),
    ]))
{
    public override string SourceId(RosterAgent record) => record.AgentId;

    public override void Validate(RosterAgent record, RowErrors errors, IngestContext context) => RosterValidator.Validate(record, errors);

    public override Task<IReadOnlyList<OutgoingEvent>> EventsAsync(
        string tenant, IReadOnlyList<StoredRecord<RosterAgent>> changed, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        EachOf(changed, s => new OutgoingEvent(
            Topics.IngestionRoster, EventTypes.RosterAgentUpdated, tenant, "agent:" + s.SourceId, ToEvent(s)));

    private static RosterAgentUpdated ToEvent(StoredRecord<RosterAgent> s)
    {
        var updated = new RosterAgentUpdated
        {
            AgentId = s.Record.AgentId,
            Name = s.Record.Name,
            Team = s.Record.Team,
            Contract = s.Record.Contract?.Name ?? "",
            Version = s.Version,
            ContractTerms = s.Record.Contract,
            Preferences = s.Record.Preferences,
            TimeZone = s.Record.TimeZone,
            Availability = { s.Record.Availability },
            TimeOff = { s.Record.TimeOff },
        };
        updated.Skills.AddRange(s.Record.Skills.Select(k => new AgentSkill { Skill = k.Name, Proficiency = k.Proficiency }));
        return updated;
    }
}
