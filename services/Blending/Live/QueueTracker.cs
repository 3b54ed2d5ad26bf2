using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// The live state of one immediate queue, from its interactions: contacts waiting (arrived, not yet answered, abandoned
/// or ended) and their ages, the rolling service level over the last <see cref="ServiceLevelWindow"/> (answered within
/// the threshold / answered or abandoned), and the short-term forecast: arrivals per minute and average handle time
/// over the last <see cref="RateWindow"/>.
/// </summary>
public sealed class QueueTracker(TimeSpan threshold)
{
    public static readonly TimeSpan ServiceLevelWindow = TimeSpan.FromMinutes(30);
    public static readonly TimeSpan RateWindow = TimeSpan.FromMinutes(15);

    private readonly Dictionary<string, ContactState> _contacts = new(StringComparer.Ordinal);
    private readonly SortedSet<(long ArrivedTicks, string Id)> _waiting = [];
    private readonly Queue<(long AtTicks, bool WithinThreshold)> _outcomes = new();
    private readonly Queue<long> _arrivals = new();
    private readonly Queue<(long AtTicks, double HandleSeconds)> _handled = new();
    private double _handledSeconds;

    public TimeSpan Threshold { get; set; } = threshold;

    public void Record(InteractionIngested contact)
    {
        if (_contacts.TryGetValue(contact.InteractionId, out var known) && known.Version >= contact.Version)
        {
            return;
        }

        var arrived = contact.ArrivedAt?.ToDateTimeOffset().UtcTicks ?? 0;
        var settled = contact.AnsweredAt is not null || contact.Abandoned || contact.EndedAt is not null;
        if (known is null)
        {
            _arrivals.Enqueue(arrived);
        }

        if (known is { Settled: false })
        {
            _waiting.Remove((known.ArrivedTicks, contact.InteractionId));
        }

        if (!settled)
        {
            _waiting.Add((arrived, contact.InteractionId));
        }
        else if (known is not { Settled: true })
        {
            var answered = contact.AnsweredAt?.ToDateTimeOffset().UtcTicks;
            var at = answered ?? contact.EndedAt?.ToDateTimeOffset().UtcTicks ?? arrived;
            _outcomes.Enqueue((at, answered is { } a && a - arrived <= Threshold.Ticks));
        }

        if (contact.EndedAt is not null && contact.HandleSeconds > 0 && known is not { Ended: true })
        {
            _handled.Enqueue((contact.EndedAt.ToDateTimeOffset().UtcTicks, contact.HandleSeconds));
            _handledSeconds += contact.HandleSeconds;
        }

        _contacts[contact.InteractionId] = new ContactState(contact.Version, arrived, settled, contact.EndedAt is not null);
    }

    public QueueObservation Observe(DateTimeOffset now)
    {
        var nowTicks = now.UtcTicks;
        Forget(nowTicks);
        var oldest = _waiting.Count > 0 ? TimeSpan.FromTicks(Math.Max(0, nowTicks - _waiting.Min.ArrivedTicks)) : TimeSpan.Zero;
        var serviceLevel = _outcomes.Count == 0 ? 1.0 : (double)_outcomes.Count(o => o.WithinThreshold) / _outcomes.Count;
        var arrivalsPerMinute = _arrivals.Count / RateWindow.TotalMinutes;
        var handleTime = _handled.Count == 0 ? TimeSpan.Zero : TimeSpan.FromSeconds(_handledSeconds / _handled.Count);
        return new QueueObservation(_waiting.Count, oldest, serviceLevel, arrivalsPerMinute, handleTime);
    }

    private void Forget(long nowTicks)
    {
        while (_outcomes.TryPeek(out var o) && o.AtTicks < nowTicks - ServiceLevelWindow.Ticks)
        {
            _outcomes.Dequeue();
        }

        while (_arrivals.TryPeek(out var a) && a < nowTicks - RateWindow.Ticks)
        {
            _arrivals.Dequeue();
        }

        while (_handled.TryPeek(out var h) && h.AtTicks < nowTicks - RateWindow.Ticks)
        {
            _handledSeconds -= _handled.Dequeue().HandleSeconds;
        }
    }

    private sealed record ContactState(int Version, long ArrivedTicks, bool Settled, bool Ended);
}
