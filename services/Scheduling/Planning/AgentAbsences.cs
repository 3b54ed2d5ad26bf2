using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using EngineTimeOff = BackOfficeCloud.Planning.Scheduling.Model.TimeOff;

namespace BackOfficeCloud.Scheduling.Planning;

/// <summary>
/// When a roster agent may not work, as the engine's time off: the roster's time off, and every hour outside the
/// weekly availability (local to the agent's zone) from the day before the horizon to the day after it. An agent
/// without availability ranges is available at any time.
/// </summary>
public static class AgentAbsences
{
    public static IReadOnlyList<EngineTimeOff> Of(RosterAgentUpdated agent, TimeZoneInfo zone, Horizon horizon)
    {
        ArgumentNullException.ThrowIfNull(agent);
        var absences = agent.TimeOff
            .Where(t => t.Start is not null && t.End is not null && t.End.ToDateTimeOffset() > t.Start.ToDateTimeOffset())
            .Select(t => new EngineTimeOff(t.Start.ToDateTimeOffset(), t.End.ToDateTimeOffset()))
            .Concat(Unavailable(agent.Availability, zone, horizon))
            .OrderBy(t => t.Start);
        return Merge(absences);
    }

    private static IEnumerable<EngineTimeOff> Unavailable(IReadOnlyCollection<WeeklyRange> availability, TimeZoneInfo zone, Horizon horizon)
    {
        if (RosterHours.Of(availability) is not { } available)
        {
            yield break;
        }

        for (var day = horizon.FirstDay.AddDays(-1); day <= horizon.FirstDay.AddDays(horizon.Days); day = day.AddDays(1))
        {
            var free = day.ToDateTime(TimeOnly.MinValue);
            var end = day.AddDays(1).ToDateTime(TimeOnly.MinValue);
            foreach (var range in available.RangesOn(day))
            {
                var (from, to) = (day.ToDateTime(range.Open), range.Close == TimeOnly.MinValue ? end : day.ToDateTime(range.Close));
                if (from > free)
                {
                    yield return new EngineTimeOff(LocalTime.ToUtc(zone, free), LocalTime.ToUtc(zone, from));
                }

                free = to > free ? to : free;
            }

            if (free < end)
            {
                yield return new EngineTimeOff(LocalTime.ToUtc(zone, free), LocalTime.ToUtc(zone, end));
            }
        }
    }

    /// <summary>Overlapping or touching absences as one, so a day without availability reads as a whole day off.</summary>
    private static List<EngineTimeOff> Merge(IEnumerable<EngineTimeOff> ordered)
    {
        var merged = new List<EngineTimeOff>();
        foreach (var t in ordered)
        {
            if (merged.Count > 0 && t.Start <= merged[^1].End)
            {
                merged[^1] = merged[^1] with { End = t.End > merged[^1].End ? t.End : merged[^1].End };
            }
            else
            {
                merged.Add(t);
            }
        }

        return merged;
    }
}
