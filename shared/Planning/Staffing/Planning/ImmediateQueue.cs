using BackOfficeCloud.Planning.Staffing.Concurrency;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Planning;

public enum QueueModelKind
{
    ErlangC,
    ErlangA,
}

/// <summary>Contacts offered and their mean handle time in one planning interval.</summary>
public readonly record struct IntervalForecast(double Volume, double AhtSeconds);

/// <summary>
/// An immediate-response queue (voice, chat, video) with its forecast, one value per planning interval.
/// </summary>
/// <param name="PatienceSeconds">Mean patience before abandoning; required for Erlang A.</param>
/// <param name="Concurrency">Sessions one agent handles at once (chat); 1 for voice.</param>
public sealed record ImmediateQueue(
    string Name,
    QueueModelKind Model,
    StaffingTarget Target,
    IReadOnlyList<IntervalForecast> Forecast,
    double? PatienceSeconds = null,
    int Concurrency = 1)
{
    /// <summary>The fewest agents meeting the target in each interval; an interval without contacts needs none.</summary>
    public IReadOnlyList<QueueMetrics> Requirements(int intervalMinutes)
    {
        Target.Validate();
        if (Model == QueueModelKind.ErlangA && PatienceSeconds is null)
        {
            throw new ArgumentException($"Queue '{Name}' uses Erlang A but has no patience seconds.", nameof(PatienceSeconds));
        }

        return [.. Forecast.Select((f, t) => Requirement(f, t, intervalMinutes))];
    }

    private QueueMetrics Requirement(IntervalForecast forecast, int interval, int intervalMinutes)
    {
        if (forecast.Volume == 0)
        {
            return new QueueMetrics(0, 1, 0, 0, 0, 0);
        }

        try
        {
            return ModelFor(forecast.AhtSeconds).RequiredAgents(OfferedLoad.Erlangs(forecast.Volume, intervalMinutes, forecast.AhtSeconds), Target);
        }
        catch (ArgumentException error)
        {
            throw new ArgumentException($"Queue '{Name}' interval {interval}: {error.Message}", nameof(Forecast), error);
        }
    }

    private IQueueModel ModelFor(double ahtSeconds)
    {
        IQueueModel sessions = Model == QueueModelKind.ErlangA
            ? new ErlangAModel(ahtSeconds, PatienceSeconds!.Value)
            : new ErlangCModel(ahtSeconds);
        return Concurrency == 1 ? sessions : new ConcurrentChannelModel(sessions, Concurrency);
    }
}
