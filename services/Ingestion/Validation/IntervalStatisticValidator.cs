using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

public static class IntervalStatisticValidator
{
    private static readonly int[] IntervalMinutes = [5, 10, 15, 30, 60];

    public static void Validate(IntervalStatistic statistic, RowErrors errors, IngestContext context)
    {
        ArgumentNullException.ThrowIfNull(statistic);
        ArgumentNullException.ThrowIfNull(errors);
        FieldChecks.Queue(statistic.Queue, "queue", errors, context);
        FieldChecks.Defined(statistic.Channel, "channel", errors);
        FieldChecks.Instant(statistic.IntervalStart, "interval_start", errors, context, required: true);
        if (!IntervalMinutes.Contains(statistic.IntervalMinutes))
        {
            errors.Fail("interval_minutes", statistic.IntervalMinutes, "must be 5, 10, 15, 30 or 60");
        }

        FieldChecks.NonNegative(statistic.Offered, "offered", errors);
        FieldChecks.NonNegative(statistic.Handled, "handled", errors);
        FieldChecks.NonNegative(statistic.Abandoned, "abandoned", errors);
        FieldChecks.NonNegative(statistic.AnsweredWithinThreshold, "answered_within_threshold", errors);
        FieldChecks.NonNegative(statistic.AverageHandleSeconds, "average_handle_seconds", errors);
        FieldChecks.NonNegative(statistic.ThresholdSeconds, "threshold_seconds", errors);
        if (statistic.Handled + statistic.Abandoned > statistic.Offered)
        {
            errors.Fail("offered", statistic.Offered, $"is less than handled + abandoned ({statistic.Handled + statistic.Abandoned})");
        }

        if (statistic.AnsweredWithinThreshold > statistic.Handled)
        {
            errors.Fail("answered_within_threshold", statistic.AnsweredWithinThreshold, $"is more than handled ({statistic.Handled})");
        }
    }
}
