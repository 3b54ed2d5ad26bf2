using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Series;

/// <summary>Which wall-clock slots of each weekday are open, learned from history or taken from given open hours.</summary>
internal sealed class WeeklyOpenMask
{
    /// <summary>A slot counts as open when it had volume in at least this share of the recent weeks.</summary>
    private const double OpenShare = 0.25;

    private readonly bool[] _open;

    private WeeklyOpenMask(int slots, bool[] open)
    {
        Slots = slots;
        _open = open;
    }

    public int Slots { get; }

    public bool IsOpen(DayOfWeek weekday, int slot) => _open[((int)weekday * Slots) + slot];

    public int OpenSlotsOn(DayOfWeek weekday)
    {
        var count = 0;
        for (var s = 0; s < Slots; s++)
        {
            count += IsOpen(weekday, s) ? 1 : 0;
        }

        return count;
    }

    /// <summary>Learns open slots from the last <paramref name="weeks"/> weeks: open if it had volume often enough.</summary>
    public static WeeklyOpenMask Learn(SlotMatrix history, int weeks)
    {
        var slots = history.Slots;
        var seen = new int[7 * slots];
        var positive = new int[7 * slots];
        var firstDay = Math.Max(0, history.Days - (7 * weeks));
        for (var d = firstDay; d < history.Days; d++)
        {
            var day = history.Day(d);
            if (!HasAny(day))
            {
                continue;
            }

            var row = (int)history.WeekdayOf(d) * slots;
            for (var s = 0; s < slots; s++)
            {
                seen[row + s]++;
                positive[row + s] += day[s] > 0 ? 1 : 0;
            }
        }

        var open = new bool[7 * slots];
        for (var i = 0; i < open.Length; i++)
        {
            open[i] = seen[i] > 0 && positive[i] >= OpenShare * seen[i];
        }

        return new WeeklyOpenMask(slots, open);
    }

    /// <summary>The mask of given weekly open hours (closed dates are handled per day, not here).</summary>
    public static WeeklyOpenMask FromOpenHours(OpenHours hours, int intervalMinutes)
    {
        var slots = 1440 / intervalMinutes;
        var open = new bool[7 * slots];
        var monday = new DateOnly(2024, 1, 1);
        for (var d = 0; d < 7; d++)
        {
            var date = monday.AddDays(d);
            var weekday = (int)date.DayOfWeek;
            foreach (var range in hours.RangesOn(date))
            {
                for (var s = 0; s < slots; s++)
                {
                    open[(weekday * slots) + s] |= range.Contains(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(s * intervalMinutes)));
                }
            }
        }

        return new WeeklyOpenMask(slots, open);
    }

    /// <summary>The mask as weekly open hours: one range per run of open slots.</summary>
    public OpenHours ToOpenHours(int intervalMinutes)
    {
        var weekly = new Dictionary<DayOfWeek, IReadOnlyList<TimeRange>>();
        foreach (var weekday in Enum.GetValues<DayOfWeek>())
        {
            var ranges = new List<TimeRange>();
            var s = 0;
            while (s < Slots)
            {
                if (!IsOpen(weekday, s))
                {
                    s++;
                    continue;
                }

                var start = s;
                while (s < Slots && IsOpen(weekday, s))
                {
                    s++;
                }

                var close = s == Slots ? TimeOnly.MinValue : TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(s * intervalMinutes));
                ranges.Add(new TimeRange(TimeOnly.FromTimeSpan(TimeSpan.FromMinutes(start * intervalMinutes)), close));
            }

            if (ranges.Count > 0)
            {
                weekly[weekday] = ranges;
            }
        }

        return new OpenHours(weekly);
    }

    private static bool HasAny(ReadOnlySpan<double> day)
    {
        foreach (var v in day)
        {
            if (!double.IsNaN(v))
            {
                return true;
            }
        }

        return false;
    }
}
