using System.Text;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Tests.Grpc;
using BackOfficeCloud.Ingestion.Validation;

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
    public async Task A_csv_row_carries_preferences_and_the_contracts_max_consecutive_days_as_json()
    {
        var csv = "agent_id,name,contract,preferences\n"
            + "a-1,Ann,\"{\"\"name\"\":\"\"full_time\"\",\"\"maxConsecutiveDays\"\":4}\",\"{\"\"startFrom\"\":\"\"08:00\"\",\"\"startTo\"\":\"\"10:00\"\",\"\"daysOff\"\":[\"\"saturday\"\",\"\"sunday\"\"]}\"\n";

        var rows = new List<ImportRow<RosterAgent>>();
        await foreach (var row in new CsvRecordSource<RosterAgent>(new MemoryStream(Encoding.UTF8.GetBytes(csv)), new ColumnMapping()).ReadAsync(CancellationToken.None))
        {
            rows.Add(row);
        }

        var agent = Assert.Single(rows).Record!;
        Assert.Equal(4, agent.Contract.MaxConsecutiveDays);
        Assert.Equal(("08:00", "10:00"), (agent.Preferences.StartFrom, agent.Preferences.StartTo));
        Assert.Equal(["saturday", "sunday"], agent.Preferences.DaysOff);
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

    private static IReadOnlyList<RowError> Errors(Action<RowErrors> validate)
    {
        var errors = new RowErrors(0);
        validate(errors);
        return errors.Errors;
    }
}
