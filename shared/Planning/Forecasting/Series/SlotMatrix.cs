using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Planning.Forecasting.Series;

/// <summary>
/// A series as local days × wall-clock slots (slot = minute of day / interval length), NaN where nothing is known.
/// Values are per full-length interval: a repeated fall-back hour is averaged into its slot, a skipped spring-forward
/// hour stays NaN, so every method sees the same regular day shape on daylight-saving days.
/// </summary>
internal sealed class SlotMatrix
{
    private readonly double[] _values;

    public SlotMatrix(DateOnly firstDay, int days, int slots, double[] values)
    {
        FirstDay = firstDay;
        Days = days;
        Slots = slots;
        _values = values;
    }

    public DateOnly FirstDay { get; }

    public int Days { get; }

    public int Slots { get; }

    public double this[int day, int slot]
    {
        get => _values[(day * Slots) + slot];
        set => _values[(day * Slots) + slot] = value;
    }

    public DayOfWeek WeekdayOf(int day) => FirstDay.AddDays(day).DayOfWeek;

    public DateOnly DateOf(int day) => FirstDay.AddDays(day);

    public int DayOf(DateOnly date) => date.DayNumber - FirstDay.DayNumber;

    public ReadOnlySpan<double> Day(int day) => _values.AsSpan(day * Slots, Slots);

    /// <summary>The first <paramref name="days"/> days, sharing storage (a backtest fold's training window).</summary>
    public SlotMatrix Prefix(int days) => new(FirstDay, Math.Min(days, Days), Slots, _values);

    public SlotMatrix Copy() => new(FirstDay, Days, Slots, _values.AsSpan(0, Days * Slots).ToArray());

    /// <summary>The day's volume over open slots; NaN when the day is outside the matrix or has no data.</summary>
    public double OpenTotal(int day, WeeklyOpenMask open)
    {
        if (day < 0 || day >= Days)
        {
            return double.NaN;
        }

        var weekday = WeekdayOf(day);
        var (sum, any) = (0.0, false);
        for (var s = 0; s < Slots; s++)
        {
            var y = this[day, s];
            if (!double.IsNaN(y))
            {
                any = true;
                sum += open.IsOpen(weekday, s) ? y : 0;
            }
        }

        return any ? sum : double.NaN;
    }

    public static SlotMatrix Empty(DateOnly firstDay, int days, int slots)
    {
        var values = new double[days * slots];
        Array.Fill(values, double.NaN);
        return new SlotMatrix(firstDay, days, slots, values);
    }

    /// <summary>Lays the points of <paramref name="series"/> dated from <paramref name="firstDay"/> on <paramref name="days"/> days.</summary>
    public static SlotMatrix From(IntervalSeries series, DateOnly firstDay, int days)
    {
        var slots = 1440 / series.IntervalMinutes;
        var matrix = Empty(firstDay, days, slots);
        var counts = new byte[days * slots];
        foreach (var p in series.Points)
        {
            var day = p.Interval.LocalDate.DayNumber - firstDay.DayNumber;
            if (day < 0 || day >= days)
            {
                continue;
            }

            var slot = SlotOf(p.Interval, series.IntervalMinutes);
            var perFullInterval = p.Value * series.IntervalMinutes / Math.Max(1, p.Interval.Minutes);
            var i = (day * slots) + slot;
            matrix._values[i] = counts[i] == 0 ? perFullInterval : ((matrix._values[i] * counts[i]) + perFullInterval) / (counts[i] + 1);
            counts[i]++;
        }

        return matrix;
    }

    public static int SlotOf(PlanningInterval interval, int intervalMinutes) => interval.MinuteOfDay / intervalMinutes;
}
