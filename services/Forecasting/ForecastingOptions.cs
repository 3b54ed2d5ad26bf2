using BackOfficeCloud.Planning.Calendar;

namespace BackOfficeCloud.Forecasting;

/// <summary>Configuration section <c>Forecasting</c>.</summary>
public sealed class ForecastingOptions
{
    public const string Section = "Forecasting";

    /// <summary>Length of the stored aggregate intervals; forecasts at longer multiples sum them up.</summary>
    public int BaseIntervalMinutes { get; set; } = 15;

    /// <summary>The zone of a queue the roster has not described (yet).</summary>
    public string DefaultTimeZone { get; set; } = "UTC";

    /// <summary>History a forecast trains on.</summary>
    public int HistoryWeeks { get; set; } = 26;

    /// <summary>Forecast jobs run at once in this replica (each uses one core).</summary>
    public int Workers { get; set; } = 1;

    /// <summary>Jobs waiting in this replica before CreateForecast answers "unavailable".</summary>
    public int QueueCapacity { get; set; } = 100;

    /// <summary>Local time of the nightly reforecast of each queue with a recent forecast.</summary>
    public TimeOnly Nightly { get; set; } = new(2, 0);

    /// <summary>How often today's rest is reforecast from today's actuals (zero turns it off).</summary>
    public TimeSpan IntradayEvery { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the reforecast scheduler looks for due queues.</summary>
    public TimeSpan SchedulerTick { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>A queue is reforecast while it had a forecast in this many days.</summary>
    public int RecentForecastDays { get; set; } = 7;

    public TimeZoneInfo DefaultZone => LocalTime.FindZone(DefaultTimeZone);

    public void Validate()
    {
        IntervalGrid.EnsureSupportedLength(BaseIntervalMinutes);
        _ = DefaultZone;
        if (HistoryWeeks < 2 || Workers < 1 || QueueCapacity < 1 || SchedulerTick <= TimeSpan.Zero || IntradayEvery < TimeSpan.Zero || RecentForecastDays < 1)
        {
            throw new ArgumentException(
                $"Forecasting options out of range: HistoryWeeks={HistoryWeeks} (>= 2), Workers={Workers}, QueueCapacity={QueueCapacity}, " +
                $"RecentForecastDays={RecentForecastDays} (each >= 1), SchedulerTick={SchedulerTick} (> 0), IntradayEvery={IntradayEvery} (>= 0).");
        }
    }
}
