namespace BackOfficeCloud.Planning.Blending.Model;

/// <summary>
/// The live state of an immediate queue: contacts waiting and the age of the oldest, the rolling service level
/// (fraction answered within the threshold, 1.0 when nothing was offered yet) and the short-term forecast — the
/// arrivals per minute expected over the next minutes and their average handle time.
/// </summary>
public readonly record struct QueueObservation(
    int Waiting,
    TimeSpan OldestWait,
    double RollingServiceLevel,
    double ForecastArrivalsPerMinute,
    TimeSpan AverageHandleTime);
