using System.Globalization;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Staffing.Deferrable;
using BackOfficeCloud.Planning.Staffing.Planning;
using BackOfficeCloud.Planning.Staffing.Queueing;
using BackOfficeCloud.Planning.Staffing.Shrinkage;

namespace BackOfficeCloud.Cli.Staffing;

/// <summary>Maps plan.json onto the engine's request; timestamps are matched to interval starts.</summary>
internal static class PlanFileMapping
{
    public static RequirementsRequest ToRequest(PlanFile file)
    {
        var zone = LocalTime.FindZone(file.TimeZone);
        var horizon = new PlanningHorizon(zone, file.FirstDay, file.Days, file.IntervalMinutes);
        var slots = new IntervalSlots(horizon.Intervals());
        return new RequirementsRequest(
            horizon,
            file.Now,
            [.. file.Queues.Select(q => Queue(q, slots))],
            [.. file.WorkTypes.Select(w => WorkType(w, slots))],
            new ShrinkageProfile([.. (file.Shrinkage ?? []).Select(s => new ShrinkageFactor(s.Name, s.Fraction, s.Planned))]),
            new BlendingPolicy(file.IdleShare),
            file.MaxAgents is { } caps ? slots.Spread(caps, c => c.Start, c => c.Agents, "max_agents", double.PositiveInfinity) : null);
    }

    private static ImmediateQueue Queue(QueueFile q, IntervalSlots slots)
    {
        var model = q.Model switch
        {
            "erlang_c" => QueueModelKind.ErlangC,
            "erlang_a" => QueueModelKind.ErlangA,
            _ => throw new ArgumentException($"Queue '{q.Name}' model '{q.Model}' must be erlang_c or erlang_a."),
        };
        var volumes = slots.Spread(q.Forecast, f => f.Start, f => f.Volume, $"queue '{q.Name}' forecast", 0);
        var ahts = slots.Spread(q.Forecast, f => f.Start, f => f.AhtSeconds ?? q.AhtSeconds, $"queue '{q.Name}' forecast", q.AhtSeconds);
        var t = q.Target;
        return new ImmediateQueue(
            q.Name,
            model,
            new StaffingTarget(t.ServiceLevel, t.TargetSeconds, t.MaxAsaSeconds, t.MaxOccupancy, t.MaxAbandonRate),
            [.. volumes.Zip(ahts, (v, a) => new IntervalForecast(v, a))],
            q.PatienceSeconds,
            q.Concurrency);
    }

    private static DeferrableWorkType WorkType(WorkTypeFile w, IntervalSlots slots) =>
        new(
            w.Name,
            w.HandleMinutes,
            Hours(w),
            w.SlaBusinessHours is { } hours ? TimeSpan.FromHours(hours) : null,
            slots.Spread(w.Arrivals, a => a.Start, a => a.Items, $"work type '{w.Name}' arrivals", 0),
            [.. (w.Backlog ?? []).Select(b => new BacklogItem(b.Id, b.Arrived, b.Due, b.Count))]);

    private static OpenHours Hours(WorkTypeFile w)
    {
        var weekly = w.OpenHours.ToDictionary(
            kv => Enum.TryParse<DayOfWeek>(kv.Key, ignoreCase: true, out var day)
                ? day
                : throw new ArgumentException($"Work type '{w.Name}' open hours day '{kv.Key}' is not a weekday name."),
            kv => (IReadOnlyList<TimeRange>)[.. kv.Value.Select(range => Range(w.Name, range))]);
        return new OpenHours(weekly, w.ClosedDates);
    }

    private static TimeRange Range(string workType, string text)
    {
        var parts = text.Split('-', StringSplitOptions.TrimEntries);
        if (parts.Length != 2)
        {
            throw new ArgumentException($"Work type '{workType}' open hours '{text}' must look like 09:00-17:00.");
        }

        return new TimeRange(Time(workType, parts[0]), parts[1] == "24:00" ? TimeOnly.MinValue : Time(workType, parts[1]));
    }

    private static TimeOnly Time(string workType, string text) =>
        TimeOnly.TryParseExact(text, "HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new ArgumentException($"Work type '{workType}' open hours time '{text}' must be HH:mm.");

    /// <summary>Places timestamped values on the horizon's intervals.</summary>
    private sealed class IntervalSlots(IReadOnlyList<PlanningInterval> intervals)
    {
        private readonly Dictionary<DateTimeOffset, int> _index = intervals.Select((interval, t) => (interval.StartUtc, t)).ToDictionary(p => p.StartUtc, p => p.t);

        public double[] Spread<T>(IReadOnlyList<T> rows, Func<T, DateTimeOffset> start, Func<T, double> value, string what, double missing)
        {
            var values = Enumerable.Repeat(missing, intervals.Count).ToArray();
            foreach (var row in rows)
            {
                if (!_index.TryGetValue(start(row).ToUniversalTime(), out var t))
                {
                    throw new ArgumentException($"{what}: {start(row):O} is not the start of a planning interval of the horizon.");
                }

                values[t] = value(row);
            }

            return values;
        }
    }
}
