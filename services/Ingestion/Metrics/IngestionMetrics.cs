using BackOfficeCloud.Ingestion.Kinds;
using Prometheus;

namespace BackOfficeCloud.Ingestion.Metrics;

/// <summary>
/// Records by kind, tenant and outcome; import job durations; ingestion lag (source event time to stored). Only the
/// tenants listed in <see cref="IngestionOptions.MetricTenants"/> get a label of their own, the rest are "other".
/// </summary>
public sealed class IngestionMetrics(IngestionOptions options)
{
    private static readonly Counter Records = Prometheus.Metrics.CreateCounter(
        "ingestion_records_total", "Records received, by kind, tenant and outcome (accepted, updated, duplicate, rejected).",
        "kind", "tenant", "outcome");

    private static readonly Histogram JobDuration = Prometheus.Metrics.CreateHistogram(
        "ingestion_import_job_duration_seconds", "Duration of bulk import jobs, by kind and final status.",
        new HistogramConfiguration { LabelNames = ["kind", "status"], Buckets = Histogram.ExponentialBuckets(0.5, 2, 14) });

    private static readonly Histogram Lag = Prometheus.Metrics.CreateHistogram(
        "ingestion_lag_seconds", "From the time a record's event happened in the source to the time it was stored, by kind.",
        new HistogramConfiguration { LabelNames = ["kind"], Buckets = Histogram.ExponentialBuckets(1, 4, 12) });

    private readonly HashSet<string> _labelledTenants = [.. options.MetricTenants];

    public void Count(string kind, string tenant, string outcome, long records)
    {
        if (records > 0)
        {
            Records.WithLabels(kind, _labelledTenants.Contains(tenant) ? tenant : "other", outcome).Inc(records);
        }
    }

    /// <summary>The lag of each record of a batch that has an event time (its kind's label looked up once).</summary>
    public void ObserveLag<TRecord>(string kind, IEnumerable<TRecord> records, Func<TRecord, DateTimeOffset?> occurredAt, DateTimeOffset storedAt)
    {
        ArgumentNullException.ThrowIfNull(records);
        ArgumentNullException.ThrowIfNull(occurredAt);
        var lag = Lag.WithLabels(kind);
        foreach (var record in records)
        {
            if (occurredAt(record) is { } at)
            {
                lag.Observe(Math.Max(0, (storedAt - at).TotalSeconds));
            }
        }
    }

    public void ObserveJob(string kind, string status, TimeSpan duration) => JobDuration.WithLabels(kind, status).Observe(duration.TotalSeconds);
}
