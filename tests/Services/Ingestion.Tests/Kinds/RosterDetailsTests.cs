using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Tests.Grpc;
using BackOfficeCloud.Ingestion.Validation;
using static BackOfficeCloud.Ingestion.Tests.Support.CsvRows;

namespace BackOfficeCloud.Ingestion.Tests.Kinds;

/// <summary>The roster's contract, availability, time off, preferences and open hours: checked, read from CSV and carried by the events.</summary>
public sealed class RosterDetailsTests
{
    [Fact]
    public void Preferences_need_real_times_in_order_and_day_names()
    {
        var agent = Agent();
        agent.Preferences = new AgentPreferences { StartFrom = "10:00", StartTo = "08:30", DaysOff = { "sunday", "Funday", "7" } };
        agent.Contract.MaxConsecutiveDays = -1;
        var halfWindow = Agent();
        halfWindow.Preferences = new AgentPreferences { StartFrom = "25:00" };

        var errors = Errors(r => RosterValidator.Validate(agent, r));
        var half = Errors(r => RosterValidator.Validate(halfWindow, r));

        Assert.Equal(
            ["contract.max_consecutive_days", "preferences.days_off[1]", "preferences.days_off[2]", "preferences.start_to"],
            errors.Select(e => e.Field).Order());
        Assert.Contains(errors, e => e is { Field: "preferences.days_off[1]", Value: "Funday" } && e.Reason.Contains("day name", StringComparison.Ordinal));
        Assert.Equal(("preferences.start_to", "is required when the other end of the preferred start window is given"), (Assert.Single(half).Field, half[0].Reason));
        Assert.Empty(Errors(r => RosterValidator.Validate(Agent(), r)));
    }

    [Fact]
    public async Task The_documented_roster_csv_carries_contract_terms_and_preferences_and_its_bad_row_names_the_fields()
    {
        var rows = await ReadAsync<RosterAgent>(await ExampleAsync("roster-agents.csv"), new ColumnMapping());

        var ann = rows[0].Record!;
        Assert.Equal((5, 9.0), (ann.Contract.MaxConsecutiveDays, ann.Contract.MaxShiftHours));
        Assert.Equal(("08:00", "09:30", "wednesday"), (ann.Preferences.StartFrom, ann.Preferences.StartTo, Assert.Single(ann.Preferences.DaysOff)));
        Assert.Equal((5, 1), (ann.Availability.Count, ann.TimeOff.Count));
        Assert.Empty(Errors(r => RosterValidator.Validate(ann, r)));
        Assert.Equal(["preferences.days_off[0]", "preferences.start_to"], Errors(r => RosterValidator.Validate(rows[1].Record!, r)).Select(e => e.Field).Order());
    }

    [Fact]
    public async Task The_agent_event_carries_the_whole_contract_availability_time_off_preferences_and_zone()
    {
        var agent = Agent();
        agent.Preferences = new AgentPreferences { StartFrom = "08:00", StartTo = "09:00", DaysOff = { "friday" } };

        var published = Assert.Single(await new RosterAgentKind().EventsAsync("t", [Stored(agent, agent.AgentId)], null!, CancellationToken.None));
        var updated = Assert.IsType<RosterAgentUpdated>(published.Payload);

        Assert.Equal("part_time", updated.Contract);
        Assert.Equal(agent.Contract, updated.ContractTerms);
        Assert.Equal(agent.Availability, updated.Availability);
        Assert.Equal(agent.TimeOff, updated.TimeOff);
        Assert.Equal(agent.Preferences, updated.Preferences);
        Assert.Equal(("Europe/Berlin", 3), (updated.TimeZone, updated.Version));
    }

    [Fact]
    public async Task The_queue_event_carries_open_hours_and_closed_dates()
    {
        var queue = Build.Queue("billing");
        queue.ClosedDates.Add("2026-12-25");

        var published = Assert.Single(await new RosterQueueKind().EventsAsync("t", [Stored(queue, queue.Queue)], null!, CancellationToken.None));
        var updated = Assert.IsType<RosterQueueUpdated>(published.Payload);

        Assert.Equal(queue.OpenHours, updated.OpenHours);
        Assert.Equal(["2026-12-25"], updated.ClosedDates);
    }

    private static RosterAgent Agent() => new()
    {
        AgentId = "a-1",
        Name = "Ann",
        TimeZone = "Europe/Berlin",
        Skills = { new Skill { Name = "billing", Proficiency = 1 } },
        Contract = new Contract
        {
            Name = "part_time", MinWeeklyHours = 16, MaxWeeklyHours = 24, MaxDaysPerWeek = 4, MinRestHours = 11, MinShiftHours = 4,
            MaxShiftHours = 6, EarliestStart = "07:00", LatestStart = "12:00", MaxConsecutiveDays = 3,
        },
        Availability = { new WeeklyRange { DayOfWeek = 1, From = "07:00", To = "19:00" } },
        TimeOff = { new TimeOff { Start = Build.At(60 * 24), End = Build.At(60 * 48), Reason = "leave" } },
    };

    private static StoredRecord<T> Stored<T>(T record, string id) => new(0, record, id, Guid.NewGuid(), 3, StoreOutcome.Updated);
}
