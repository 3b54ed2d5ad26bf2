using Prometheus;

namespace BackOfficeCloud.Forecasting.Observability;

/// <summary>The Forecasting service's own Prometheus metrics; labels are bounded (trigger, state, method), never a tenant.</summary>
public static class ForecastingMetrics
{
    public static readonly Counter JobsFinished = Metrics.CreateCounter(
        "bocloud_forecast_jobs_total", "Forecast jobs that finished, by what started them and how they ended.", "trigger", "state");

    public static readonly Histogram JobDuration = Metrics.CreateHistogram(
        "bocloud_forecast_job_duration_seconds", "From claiming a forecast job to its end.",
        new HistogramConfiguration { LabelNames = ["trigger"], Buckets = Histogram.ExponentialBuckets(0.05, 2, 12) });

    public static readonly Counter SeriesForecast = Metrics.CreateCounter(
        "bocloud_forecast_series_total", "Series forecast and stored, by the method used.", "method");

    public static readonly Gauge JobsQueued = Metrics.CreateGauge(
        "bocloud_forecast_jobs_queued", "Forecast jobs waiting for a worker in this replica.");
}
