using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>
/// Eight weeks of 15-minute ACD statistics for a queue in Amsterdam, open 08:00–18:00 on weekdays: a midday peak,
/// Mondays busier, Poisson counts from a fixed seed, 240 s handle time. Known means make the forecast checkable.
/// </summary>
public static class CallHistory
{
    public const string TimeZone = "Europe/Amsterdam";
    public const int Minutes = 15;
    public const int OpenSlots = 40;
    public const double HandleSeconds = 240;
    public static readonly DateOnly FirstDay = new(2025, 12, 15);
    public static readonly DateOnly ForecastDay = FirstDay.AddDays(56);

    public static TimeZoneInfo Zone { get; } = LocalTime.FindZone(TimeZone);

    /// <summary>The expected count of the <paramref name="slot"/>-th open interval (0 = 08:00) of a day.</summary>
    public static double Mean(DateOnly day, int slot) => day.DayOfWeek switch
    {
        DayOfWeek.Saturday or DayOfWeek.Sunday => 0,
        DayOfWeek.Monday => 1.3 * Shape(slot),
        _ => Shape(slot),
    };

    public static DateTimeOffset SlotStart(DateOnly day, int slot) => LocalTime.ToUtc(Zone, day.ToDateTime(new TimeOnly(8, 0)).AddMinutes(slot * Minutes));

    /// <summary>The history's events (and the queue's roster entry with its zone), days <paramref name="from"/> to before <paramref name="until"/>.</summary>
    public static List<OutgoingEvent> Events(string tenant, string queue, DateOnly? from = null, DateOnly? until = null, double scale = 1, int seed = 42)
    {
        var random = new Random(seed);
        var events = new List<OutgoingEvent> { IngestionEvents.Queue(tenant, queue, TimeZone) };
        for (var day = from ?? FirstDay; day < (until ?? ForecastDay); day = day.AddDays(1))
        {
            for (var slot = 0; slot < OpenSlots && Mean(day, slot) > 0; slot++)
            {
                events.Add(IngestionEvents.Statistic(tenant, queue, SlotStart(day, slot), Minutes, Poisson(random, scale * Mean(day, slot)), HandleSeconds));
            }
        }

        return events;
    }

    private static double Shape(int slot) => 12 + (16 * Math.Sin(Math.PI * (slot + 0.5) / OpenSlots));

    private static long Poisson(Random random, double mean)
    {
        var (limit, product, count) = (Math.Exp(-mean), random.NextDouble(), 0L);
        while (product > limit)
        {
            product *= random.NextDouble();
            count++;
        }

        return count;
    }
}
