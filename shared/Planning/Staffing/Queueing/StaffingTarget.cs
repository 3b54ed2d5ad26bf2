namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>
/// What an immediate queue must achieve: <see cref="ServiceLevel"/> of contacts answered within
/// <see cref="TargetSeconds"/>, and optionally a maximum average speed of answer, occupancy and abandonment rate.
/// </summary>
public sealed record StaffingTarget(
    double ServiceLevel,
    double TargetSeconds,
    double? MaxAsaSeconds = null,
    double? MaxOccupancy = null,
    double? MaxAbandonRate = null)
{
    /// <summary>Throws an <see cref="ArgumentException"/> naming the first field that no staffing can meet.</summary>
    public void Validate()
    {
        if (!(ServiceLevel >= 0 && ServiceLevel < 1))
        {
            throw new ArgumentException(
                $"Impossible target: service level {ServiceLevel} must be at least 0 and below 1 (no finite staffing answers every contact at once).",
                nameof(ServiceLevel));
        }

        if (!(TargetSeconds >= 0) || double.IsInfinity(TargetSeconds))
        {
            throw new ArgumentException($"Target seconds {TargetSeconds} must be a finite number of seconds, 0 or more.", nameof(TargetSeconds));
        }

        if (MaxAsaSeconds is { } asa && !(asa > 0))
        {
            throw new ArgumentException($"Impossible target: maximum ASA {asa} s must be above 0.", nameof(MaxAsaSeconds));
        }

        if (MaxOccupancy is { } occupancy && !(occupancy > 0 && occupancy <= 1))
        {
            throw new ArgumentException($"Impossible target: maximum occupancy {occupancy} must be above 0 and at most 1.", nameof(MaxOccupancy));
        }

        if (MaxAbandonRate is { } abandon && !(abandon > 0 && abandon <= 1))
        {
            throw new ArgumentException($"Impossible target: maximum abandon rate {abandon} must be above 0 and at most 1.", nameof(MaxAbandonRate));
        }
    }

    /// <summary>Whether <paramref name="metrics"/> meets every part of this target.</summary>
    public bool IsMetBy(QueueMetrics metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        return metrics.ServiceLevel >= ServiceLevel
            && (MaxAsaSeconds is not { } asa || metrics.AsaSeconds <= asa)
            && (MaxOccupancy is not { } occupancy || metrics.Occupancy <= occupancy)
            && (MaxAbandonRate is not { } abandon || metrics.AbandonRate <= abandon);
    }
}
