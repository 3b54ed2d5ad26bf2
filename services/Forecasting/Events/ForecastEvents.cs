using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Messaging.Outbox;
using BackOfficeCloud.Messaging.Publishing;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace BackOfficeCloud.Forecasting.Events;

/// <summary>Writes a <c>ForecastPublished</c> (adjusted values) to the outbox, in the transaction that stored or adjusted the forecast.</summary>
public sealed class ForecastEvents(IEventOutbox outbox)
{
    public Task EnqueueAsync(
        string tenantId, StoredForecast forecast, IReadOnlyList<StoredValue> adjustedValues, int version, string trigger,
        NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        var published = new ForecastPublished
        {
            ForecastId = forecast.ForecastId.ToString(),
            Queue = forecast.Key.Queue,
            Kind = forecast.Key.Kind,
            IntervalMinutes = forecast.IntervalMinutes,
            Method = forecast.Method,
            CreatedAt = Timestamp.FromDateTimeOffset(forecast.CreatedAt),
            Version = version,
            Trigger = trigger,
            TimeZone = forecast.TimeZone,
        };
        published.Intervals.AddRange(adjustedValues.Select(v => new ForecastInterval
        {
            Start = Timestamp.FromDateTimeOffset(v.Start),
            Volume = v.Volume,
            HandleSeconds = v.HandleSeconds,
            Lo80 = v.Lo80,
            Hi80 = v.Hi80,
        }));
        return outbox.EnqueueAsync(
            transaction,
            new OutgoingEvent(Topics.ForecastingForecasts, EventTypes.ForecastPublished, tenantId, $"{forecast.Key.Kind}:{forecast.Key.Queue}", published),
            cancellationToken);
    }
}
