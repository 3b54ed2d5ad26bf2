using BackOfficeCloud.Contracts.Ingestion.V1;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.TestKit;

/// <summary>
/// Voice call history to ingest: on each of the <see cref="Days"/> days before today, <see cref="Slots"/> half hours from
/// <see cref="Opens"/> (local to <see cref="Zone"/>), each with <see cref="CallsInSlot"/> calls spread evenly over it,
/// answered after <see cref="AnswerSeconds"/> and ended after talk and wrap-up.
/// </summary>
public sealed record InteractionHistory(
    string Zone,
    string Queue,
    string SourcePrefix,
    int Days,
    TimeOnly Opens,
    int Slots,
    Func<int, int> CallsInSlot,
    int AnswerSeconds,
    int TalkSeconds,
    int WrapSeconds)
{
    public IngestInteractionsRequest Before(DateOnly today)
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById(Zone);
        var calls =
            from day in Enumerable.Range(1, Days).Select(d => today.AddDays(-d))
            from slot in Enumerable.Range(0, Slots)
            let perSlot = CallsInSlot(slot)
            from call in Enumerable.Range(0, perSlot)
            let local = day.ToDateTime(Opens).AddMinutes((slot * 30) + (call * 30.0 / perSlot))
            let arrived = new DateTimeOffset(local, zone.GetUtcOffset(local))
            select new Interaction
            {
                SourceId = $"{SourcePrefix}-{day:yyyyMMdd}-{slot}-{call}",
                Channel = Channel.Voice,
                Queue = Queue,
                ArrivedAt = Timestamp.FromDateTimeOffset(arrived),
                AnsweredAt = Timestamp.FromDateTimeOffset(arrived.AddSeconds(AnswerSeconds)),
                EndedAt = Timestamp.FromDateTimeOffset(arrived.AddSeconds(AnswerSeconds + TalkSeconds + WrapSeconds)),
                TalkSeconds = TalkSeconds,
                WrapSeconds = WrapSeconds,
            };
        return new IngestInteractionsRequest { Interactions = { calls } };
    }
}
