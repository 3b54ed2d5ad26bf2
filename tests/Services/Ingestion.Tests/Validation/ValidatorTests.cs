using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Grpc;
using BackOfficeCloud.Ingestion.Validation;
using static BackOfficeCloud.Ingestion.Tests.Support.CsvRows;

namespace BackOfficeCloud.Ingestion.Tests.Validation;

public sealed class ValidatorTests
{
    private static readonly IngestContext Context = new(Build.Monday.AddDays(1), new HashSet<string> { "billing", "claims" }, new HashSet<string> { "w-1" });

    [Fact]
    public void A_valid_interaction_has_no_errors() => Assert.Empty(Errors(r => InteractionValidator.Validate(Build.Call("c-1"), r, Context)));

    [Fact]
    public void An_answered_contact_cannot_be_abandoned_and_abandonment_cannot_precede_arrival()
    {
        var call = Build.Call("c-1");
        call.Abandoned = true;
        call.AbandonedAt = Build.At(-1);

        var errors = Errors(r => InteractionValidator.Validate(call, r, Context));

        Assert.Equal(["abandoned", "abandoned_at"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void Interval_counts_must_add_up()
    {
        var row = new IntervalStatistic { Queue = "billing", Channel = Channel.Chat, IntervalStart = Build.At(0), IntervalMinutes = 20, Offered = 10, Handled = 9, Abandoned = 2, AnsweredWithinThreshold = 10 };

        var errors = Errors(r => IntervalStatisticValidator.Validate(row, r, Context));

        Assert.Equal(["answered_within_threshold", "interval_minutes", "offered"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_queue_needs_a_real_time_zone_valid_hours_and_dates()
    {
        var queue = Build.Queue("billing");
        queue.TimeZone = "Europe/Atlantis";
        queue.OpenHours.Add(new WeeklyRange { DayOfWeek = 8, From = "18:00", To = "08:00" });
        queue.ClosedDates.Add("2026-02-30");
        queue.TargetServiceLevel = 80;

        var errors = Errors(r => RosterValidator.Validate(queue, r));

        Assert.Equal(["closed_dates[0]", "open_hours[1].day_of_week", "open_hours[1].to", "target_service_level", "time_zone"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void An_agent_contract_and_time_off_must_be_consistent()
    {
        var agent = new RosterAgent
        {
            AgentId = "a-1",
            Skills = { new Skill { Name = "billing", Proficiency = 0 } },
            Contract = new Contract { MinWeeklyHours = 40, MaxWeeklyHours = 32, EarliestStart = "10:00", LatestStart = "7:00" },
            TimeOff = { new TimeOff { Start = Build.At(600), End = Build.At(0) } },
        };

        var errors = Errors(r => RosterValidator.Validate(agent, r));

        Assert.Equal(["contract.latest_start", "contract.max_weekly_hours", "skills[0].proficiency", "time_off[0].end"], errors.Select(e => e.Field).Order());
    }

    [Fact]
    public void A_pended_until_belongs_to_a_pended_event_only()
    {
        var started = Build.Event("e-1", "w-1", WorkItemEventType.Started, 0);
        started.PendedUntil = Build.At(60);

        var errors = Errors(r => WorkItemValidator.Validate(started, r, Context));

        Assert.Equal("pended_until", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_long_value_is_shortened_in_the_report()
    {
        var call = Build.Call(new string('x', 500));

        var error = Assert.Single(Errors(r => InteractionValidator.Validate(call, r, Context)));

        Assert.Equal(("source_id", 61), (error.Field, error.Value.Length));
        Assert.Equal("is longer than 200 characters (500)", error.Reason);
    }
}
