using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Planning.Calendar;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Scheduling.Tests.Support;

/// <summary>
/// A small blended operation in Amsterdam from a Monday at least two days ahead, for one day or a week (weekdays
/// open): a voice queue (80% in 20 s, a midday peak 08:00–18:00, 300 s handle time), a claims work type (3 items of
/// 10 minutes per quarter hour 08:00–16:00,
/// 16 business hours to finish, plus 12 open 15-minute items received an hour ago and due at noon), and a roster of eight agents skilled for
/// both and four for claims only.
/// </summary>
public sealed class PlanningScenario
{
    public const string TimeZone = "Europe/Amsterdam";
    public const string Voice = "voice";
    public const string Claims = "claims";
    public const int BacklogItems = 12;
    public const int Agents = 12;

    public PlanningScenario()
    {
        var today = DateOnly.FromDateTime(LocalTime.ToLocal(Zone, DateTimeOffset.UtcNow));
        var day = today.AddDays(2);
        while (day.DayOfWeek != DayOfWeek.Monday)
        {
            day = day.AddDays(1);
        }

        Day = day;
    }

    public static TimeZoneInfo Zone { get; } = LocalTime.FindZone(TimeZone);

    public DateOnly Day { get; }

    public DateTimeOffset At(int hour, int minute = 0, int day = 0) => LocalTime.ToUtc(Zone, Day.AddDays(day).ToDateTime(new TimeOnly(hour, minute)));

    public ComputeRequirementsRequest Period(int intervalMinutes = 15, int days = 1) => new()
    {
        PeriodStart = Timestamp.FromDateTimeOffset(At(0)),
        PeriodEnd = Timestamp.FromDateTimeOffset(LocalTime.StartOfDay(Zone, Day.AddDays(days))),
        IntervalMinutes = intervalMinutes,
    };

    /// <summary>Voice calls offered in the quarter hour starting <paramref name="slot"/> quarters after 08:00.</summary>
    public static double VoiceVolume(int slot) => 4 + (8 * Math.Sin(Math.PI * (slot + 0.5) / 40));

    public List<OutgoingEvent> Events(string tenant, double voiceServiceLevel = 0.8, int days = 1)
    {
        var weekdays = Enumerable.Range(0, days).Where(d => Day.AddDays(d).DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToList();
        var events = new List<OutgoingEvent>
        {
            Roster(tenant, Voice, new RosterQueueUpdated { Queue = Voice, Channel = "voice", TargetServiceLevel = voiceServiceLevel, TargetSeconds = 20, TimeZone = TimeZone, Concurrency = 1, Version = 1 }),
            Roster(tenant, Claims, new RosterQueueUpdated { Queue = Claims, Channel = "back_office", Deferrable = true, DeadlineBusinessHours = 16, TimeZone = TimeZone, Version = 1 }),
            VoiceForecast(tenant, weekdays, DateTimeOffset.UtcNow),
            Forecast(tenant, Claims, weekdays.SelectMany(d => Enumerable.Range(0, 32).Select(s => (At(8, day: d).AddMinutes(15 * s), 3.0, 600.0)))),
        };
        var received = DateTimeOffset.UtcNow.AddHours(-1);
        events.AddRange(Enumerable.Range(1, BacklogItems).Select(i => WorkItem(tenant, $"C-{i:D2}", received, At(12), 15)));
        events.AddRange(Enumerable.Range(1, Agents).Select(i => Agent(tenant, $"E{i:D2}", i <= 8)));
        return events;
    }

    /// <summary>The voice forecast of the given days, created at <paramref name="createdAt"/>, with volumes scaled.</summary>
    public OutgoingEvent VoiceForecast(string tenant, IEnumerable<int> days, DateTimeOffset createdAt, double scale = 1) =>
        Forecast(tenant, Voice, days.SelectMany(d => Enumerable.Range(0, 40).Select(s => (At(8, day: d).AddMinutes(15 * s), scale * VoiceVolume(s), 300.0))), createdAt);

    private static OutgoingEvent Roster(string tenant, string queue, RosterQueueUpdated payload) =>
        new(Topics.IngestionRoster, EventTypes.RosterQueueUpdated, tenant, queue, payload);

    private static OutgoingEvent Forecast(
        string tenant, string queue, IEnumerable<(DateTimeOffset Start, double Volume, double HandleSeconds)> intervals, DateTimeOffset? createdAt = null) =>
        new(Topics.ForecastingForecasts, EventTypes.ForecastPublished, tenant, queue, new ForecastPublished
        {
            ForecastId = Guid.NewGuid().ToString(),
            Queue = queue,
            IntervalMinutes = 15,
            Method = "test",
            Intervals = { intervals.Select(i => new ForecastInterval { Start = Timestamp.FromDateTimeOffset(i.Start), Volume = i.Volume, HandleSeconds = i.HandleSeconds }) },
            CreatedAt = Timestamp.FromDateTimeOffset(createdAt ?? DateTimeOffset.UtcNow),
            Version = 1,
        });

    public static OutgoingEvent WorkItem(string tenant, string id, DateTimeOffset created, DateTimeOffset due, double effortMinutes, string status = "open", int version = 1) =>
        new(Topics.IngestionWorkItems, EventTypes.WorkItemEventIngested, tenant, id, new WorkItemEventIngested
        {
            WorkItemId = id,
            SourceId = id,
            Event = "created",
            OccurredAt = Timestamp.FromDateTimeOffset(created),
            WorkType = Claims,
            Queue = Claims,
            CreatedAt = Timestamp.FromDateTimeOffset(created),
            DueAt = Timestamp.FromDateTimeOffset(due),
            EffortMinutes = effortMinutes,
            Status = status,
            Version = version,
        });

    private static OutgoingEvent Agent(string tenant, string id, bool voice) =>
        new(Topics.IngestionRoster, EventTypes.RosterAgentUpdated, tenant, id, new RosterAgentUpdated
        {
            AgentId = id,
            Name = id,
            Team = voice ? "blended" : "back-office",
            Skills = { voice ? [new AgentSkill { Skill = Voice, Proficiency = 1 }, new AgentSkill { Skill = Claims, Proficiency = 0.8 }] : [new AgentSkill { Skill = Claims, Proficiency = 1 }] },
            Contract = "full_time",
            Version = 1,
        });
}
