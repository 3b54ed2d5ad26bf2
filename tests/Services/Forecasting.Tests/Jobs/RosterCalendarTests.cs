using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Forecasting.Tests.Support;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Forecasting.Tests.Jobs;

/// <summary>The roster's open hours and closed dates are the calendar a forecast is told; without them it is learned.</summary>
[Collection(ForecastingCollection.Name)]
public sealed class RosterCalendarTests(ForecastingServiceFixture service)
{
    private static readonly DateOnly ClosedWednesday = CallHistory.ForecastDay.AddDays(2);

    [Fact]
    public async Task A_queue_closed_on_sundays_in_the_roster_forecasts_zero_on_sundays_despite_stray_sunday_history()
    {
        var told = await ForecastAsync(rosterHours: true);
        var learned = await ForecastAsync(rosterHours: false);

        Assert.Equal(DayOfWeek.Wednesday, ClosedWednesday.DayOfWeek);
        Assert.All(On(told, DayOfWeek.Sunday), v => Assert.Equal((0, 0), (v.Volume, v.Hi95)));
        Assert.All(told.Values.Where(v => Day(v) == ClosedWednesday), v => Assert.Equal(0, v.Volume));
        Assert.True(On(told, DayOfWeek.Tuesday).Sum(v => v.Volume) > 500, "an open weekday keeps its forecast");
        // the same history without the roster's hours: the stray Sunday rows are learned as Sunday opening
        Assert.True(On(learned, DayOfWeek.Sunday).Sum(v => v.Volume) > 10, "the learned calendar opens on Sundays");
        Assert.True(learned.Values.Where(v => Day(v) == ClosedWednesday).Sum(v => v.Volume) > 500, "without the roster the Wednesday is open");
    }

    private async Task<Forecast> ForecastAsync(bool rosterHours)
    {
        var tenant = UniqueTenant.Next("fc");
        const string queue = "billing";
        var events = CallHistory.Events(tenant, queue);
        events.AddRange(StraySundayRows(tenant, queue));
        if (rosterHours)
        {
            events.Add(QueueWithHours(tenant, queue));
        }

        await service.PublishAsync(tenant, events);
        await service.WaitForAppliedAsync(tenant, events.Count);
        var seeded = new SeededTenant(tenant, queue, "", service.Client(await service.NewApiKeyAsync(tenant, name: SeededTenant.KeyName)));
        var done = await seeded.RunAsync(seeded.WeekAhead());
        Assert.True(done.State == JobState.Succeeded, done.Error);
        return await seeded.Client.GetForecastAsync(new GetForecastRequest { ForecastId = Assert.Single(done.ForecastIds) });
    }

    /// <summary>A few calls logged on every Sunday morning of the history (a test line, a misrouted transfer).</summary>
    private static IEnumerable<OutgoingEvent> StraySundayRows(string tenant, string queue)
    {
        for (var day = CallHistory.FirstDay; day < CallHistory.ForecastDay; day = day.AddDays(1))
        {
            if (day.DayOfWeek == DayOfWeek.Sunday)
            {
                for (var slot = 8; slot < 16; slot++)
                {
                    yield return IngestionEvents.Statistic(tenant, queue, CallHistory.SlotStart(day, slot), CallHistory.Minutes, 6, CallHistory.HandleSeconds);
                }
            }
        }
    }

    /// <summary>The roster's second version of the queue: open 08:00-18:00 Monday to Saturday, closed on one Wednesday.</summary>
    private static OutgoingEvent QueueWithHours(string tenant, string queue) =>
        new(Topics.IngestionRoster, EventTypes.RosterQueueUpdated, tenant, queue, new RosterQueueUpdated
        {
            Queue = queue,
            Channel = "voice",
            TimeZone = CallHistory.TimeZone,
            Version = 2,
            OpenHours = { Enumerable.Range(1, 6).Select(d => new WeeklyRange { DayOfWeek = d, From = "08:00", To = "18:00" }) },
            ClosedDates = { ClosedWednesday.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        });

    private static IEnumerable<ForecastValue> On(Forecast forecast, DayOfWeek day) => forecast.Values.Where(v => Day(v).DayOfWeek == day);

    private static DateOnly Day(ForecastValue value) => DateOnly.FromDateTime(LocalTime.ToLocal(CallHistory.Zone, value.Start.ToDateTimeOffset()));
}
