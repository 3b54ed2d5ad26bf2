using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.HandleTime;

/// <summary>
/// Forecast the average handle time of each target interval from history on the same grid: per interval, the number
/// of contacts and their total handle seconds.
/// </summary>
/// <param name="Weeks">Weeks of history used.</param>
/// <param name="PriorContacts">How many contacts a weekday × interval cell needs before its own average outweighs the broader one.</param>
public sealed record HandleTimeRequest(
    IntervalSeries Contacts,
    IntervalSeries HandleSeconds,
    IReadOnlyList<PlanningInterval> Targets,
    int Weeks = 8,
    double PriorContacts = 30);

/// <summary>
/// Volume-weighted average handle time per weekday and interval over the recent weeks (Σ handle seconds ÷ Σ
/// contacts, so busy intervals count by their volume), shrunk towards the interval's average over all weekdays and
/// that towards the overall average, each by <see cref="HandleTimeRequest.PriorContacts"/> contacts: sparse cells
/// borrow strength instead of swinging on a handful of calls.
/// </summary>
public sealed class HandleTimeForecaster
{
    /// <summary>Seconds per contact for each target.</summary>
    public IReadOnlyList<double> Forecast(HandleTimeRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Contacts.IntervalMinutes != request.HandleSeconds.IntervalMinutes)
        {
            throw new ArgumentException($"HandleSeconds has {request.HandleSeconds.IntervalMinutes}-minute intervals but Contacts {request.Contacts.IntervalMinutes}: use one grid.", nameof(request));
        }

        if (request.Weeks <= 0 || !(request.PriorContacts >= 0))
        {
            throw new ArgumentException($"Weeks is {request.Weeks} and PriorContacts {request.PriorContacts}: Weeks must be positive, PriorContacts not negative.", nameof(request));
        }

        var minutes = request.Contacts.IntervalMinutes;
        var slots = 1440 / minutes;
        var handle = request.HandleSeconds.Points.ToDictionary(p => p.Interval.StartUtc, p => p.Value);
        var last = request.Contacts.Points.Count == 0 ? DateOnly.MinValue : request.Contacts.Points[^1].Interval.LocalDate;
        var from = last.AddDays(-7 * request.Weeks);
        var (cellContacts, cellSeconds) = (new double[7 * slots], new double[7 * slots]);
        var (slotContacts, slotSeconds) = (new double[slots], new double[slots]);
        double allContacts = 0, allSeconds = 0;
        foreach (var p in request.Contacts.Points)
        {
            if (p.Interval.LocalDate <= from || !handle.TryGetValue(p.Interval.StartUtc, out var seconds) || p.Value <= 0)
            {
                continue;
            }

            var slot = SlotMatrix.SlotOf(p.Interval, minutes);
            var cell = ((int)p.Interval.Weekday * slots) + slot;
            (cellContacts[cell], cellSeconds[cell]) = (cellContacts[cell] + p.Value, cellSeconds[cell] + seconds);
            (slotContacts[slot], slotSeconds[slot]) = (slotContacts[slot] + p.Value, slotSeconds[slot] + seconds);
            (allContacts, allSeconds) = (allContacts + p.Value, allSeconds + seconds);
        }

        if (allContacts <= 0)
        {
            throw new ArgumentException("Contacts has no interval with contacts and handle seconds in the recent weeks: nothing to average.", nameof(request));
        }

        var overall = allSeconds / allContacts;
        var k = request.PriorContacts;
        return [.. request.Targets.Select(t =>
        {
            var slot = SlotMatrix.SlotOf(t, minutes);
            var cell = ((int)t.Weekday * slots) + slot;
            var slotAverage = (slotSeconds[slot] + (k * overall)) / (slotContacts[slot] + k);
            return (cellSeconds[cell] + (k * slotAverage)) / (cellContacts[cell] + k);
        })];
    }
}
