namespace BackOfficeCloud.Planning.Forecasting.SpecialDays;

/// <summary>
/// A known event (a price change, a billing run, an outage, a campaign) over <paramref name="Days"/> local days from
/// <paramref name="Start"/>. <paramref name="Effect"/> multiplies the forecast on each day of the window; when it is
/// null the effect is estimated from past events of the same <paramref name="Type"/> in the history (none: no effect).
/// </summary>
public sealed record KnownEvent(string Type, DateOnly Start, int Days, IReadOnlyList<double>? Effect = null)
{
    public bool Covers(DateOnly date) => date >= Start && date < Start.AddDays(Days);
}

/// <summary>Holidays and closures (nothing arrives, nothing is forecast) and known events, past and future.</summary>
public sealed record SpecialDayCalendar(IReadOnlyList<DateOnly> ClosedDates, IReadOnlyList<KnownEvent> Events)
{
    public static SpecialDayCalendar None { get; } = new([], []);

    public void Validate()
    {
        for (var i = 0; i < Events.Count; i++)
        {
            var e = Events[i];
            if (string.IsNullOrWhiteSpace(e.Type))
            {
                throw new ArgumentException($"Events[{i}].Type is empty: name the event type so past occurrences can be matched.", nameof(Events));
            }

            if (e.Days <= 0)
            {
                throw new ArgumentException($"Events[{i}].Days is {e.Days}: an event lasts at least one day.", nameof(Events));
            }

            if (e.Effect is { } effect && (effect.Count != e.Days || effect.Any(m => !double.IsFinite(m) || m < 0)))
            {
                throw new ArgumentException($"Events[{i}].Effect must hold {e.Days} finite, non-negative multipliers (one per day).", nameof(Events));
            }
        }
    }

    /// <summary>Every date that is not an ordinary day: closures and the days of all events.</summary>
    public IReadOnlySet<DateOnly> SpecialDates()
    {
        var dates = new HashSet<DateOnly>(ClosedDates);
        foreach (var e in Events)
        {
            for (var d = 0; d < e.Days; d++)
            {
                dates.Add(e.Start.AddDays(d));
            }
        }

        return dates;
    }
}
