using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>
/// A reproducible plan for benchmarks and examples: Amsterdam, from Monday 2026-06-08; immediate queues open 08–20 on
/// weekdays and 09–17 on Saturday with a two-peak day (a third Erlang A, a fifth chat with 2–3 sessions per agent);
/// back-office work types open 08–18 on weekdays with SLAs of 8–48 business hours and last Friday's backlog.
/// </summary>
internal static class SyntheticPlan
{
    private static readonly DateOnly Monday = new(2026, 6, 8);
    private static readonly int[] SlaHours = [8, 16, 24, 48];

    public static PlanFile Create(int days, int intervalMinutes, int queues, int workTypes, int seed)
    {
        var zone = LocalTime.FindZone("Europe/Amsterdam");
        var intervals = IntervalGrid.Build(zone, Monday, days, intervalMinutes);
        var random = new Random(seed);
        return new PlanFile(
            zone.Id,
            Monday,
            days,
            intervalMinutes,
            LocalTime.StartOfDay(zone, Monday),
            [.. Enumerable.Range(0, queues).Select(q => Queue(q, intervals, intervalMinutes, random))],
            [.. Enumerable.Range(0, workTypes).Select(k => WorkType(k, zone, intervals, intervalMinutes, random))],
            [new ShrinkageFile("breaks", 0.08), new ShrinkageFile("meetings and training", 0.05), new ShrinkageFile("absence", 0.06, Planned: false)],
            IdleShare: 0.5);
    }

    private static QueueFile Queue(int q, IReadOnlyList<PlanningInterval> intervals, int intervalMinutes, Random random)
    {
        var peakPerHour = Math.Exp(Math.Log(20) + (random.NextDouble() * Math.Log(1600 / 20.0)));
        var aht = Math.Round(180 + (random.NextDouble() * 420));
        var isChat = q % 5 == 4;
        var forecast = intervals
            .Select(i => new ForecastFile(i.StartUtc, Math.Round(peakPerHour * intervalMinutes / 60 * ContactShape(i), 2)))
            .Where(f => f.Volume > 0)
            .ToList();
        return new QueueFile(
            isChat ? $"chat-{q + 1}" : $"voice-{q + 1}",
            q % 3 == 1 ? "erlang_a" : "erlang_c",
            new TargetFile(0.8, isChat ? 60 : 20, MaxOccupancy: 0.9, MaxAbandonRate: q % 3 == 1 ? 0.05 : null),
            aht,
            forecast,
            q % 3 == 1 ? Math.Round(60 + (random.NextDouble() * 240)) : null,
            isChat ? 2 + (q % 2) : 1);
    }

    private static WorkTypeFile WorkType(int k, TimeZoneInfo zone, IReadOnlyList<PlanningInterval> intervals, int intervalMinutes, Random random)
    {
        var perDay = Math.Round(50 + (random.NextDouble() * 550));
        var perOpenInterval = perDay / (10 * 60.0 / intervalMinutes);
        var sla = SlaHours[k % SlaHours.Length];
        var lastFriday = Monday.AddDays(-3);
        return new WorkTypeFile(
            $"backoffice-{k + 1}",
            Math.Round(5 + (random.NextDouble() * 25), 1),
            Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday)).ToDictionary(d => d.ToString().ToLowerInvariant(), _ => (IReadOnlyList<string>)["08:00-18:00"]),
            [.. intervals.Where(IsBackOfficeOpen).Select(i => new ArrivalFile(i.StartUtc, Math.Round(perOpenInterval * (i.LocalStart.Hour < 12 ? 1.4 : 0.7), 2)))],
            [new BacklogFile($"backoffice-{k + 1}-friday", LocalTime.ToUtc(zone, lastFriday.ToDateTime(new TimeOnly(17, 30))), Count: Math.Round(perDay * 0.8))],
            sla);
    }

    /// <summary>Share of the peak rate: two peaks (10:30 and 14:30) on 08–20 weekdays, half of that 09–17 Saturday.</summary>
    private static double ContactShape(PlanningInterval interval)
    {
        var hour = interval.MinuteOfDay / 60.0;
        var weekday = interval.Weekday is not (DayOfWeek.Saturday or DayOfWeek.Sunday);
        var open = weekday ? hour is >= 8 and < 20 : interval.Weekday == DayOfWeek.Saturday && hour is >= 9 and < 17;
        if (!open)
        {
            return 0;
        }

        var peaks = Math.Max(Math.Exp(-Math.Pow((hour - 10.5) / 1.5, 2)), 0.85 * Math.Exp(-Math.Pow((hour - 14.5) / 1.8, 2)));
        return (weekday ? 1 : 0.5) * (0.25 + (0.75 * peaks));
    }

    private static bool IsBackOfficeOpen(PlanningInterval interval) =>
        interval.Weekday is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && interval.LocalStart.Hour is >= 8 and < 18;
}
