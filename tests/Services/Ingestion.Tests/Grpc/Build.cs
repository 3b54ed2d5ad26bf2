using BackOfficeCloud.Contracts.Ingestion.V1;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Ingestion.Tests.Grpc;

/// <summary>Valid records to start from.</summary>
public static class Build
{
    public static readonly DateTimeOffset Monday = new(2026, 11, 2, 9, 0, 0, TimeSpan.Zero);

    public static Timestamp At(double minutesAfterMonday) => Timestamp.FromDateTimeOffset(Monday.AddMinutes(minutesAfterMonday));

    public static Interaction Call(string id, double minute = 0, string queue = "billing", string customer = "") => new()
    {
        SourceId = id, Channel = Channel.Voice, Queue = queue, ArrivedAt = At(minute), AnsweredAt = At(minute + 0.5),
        EndedAt = At(minute + 5), TalkSeconds = 240, WrapSeconds = 30, CustomerRef = customer,
    };

    public static WorkItem Item(string id, double minute, string customer = "", string type = "refund") => new()
    {
        SourceId = id, WorkType = type, Queue = "claims", CreatedAt = At(minute), EffortMinutes = 15, CustomerRef = customer,
    };

    public static WorkItemEvent Event(string id, string item, WorkItemEventType type, double minute) => new()
    {
        SourceId = id, WorkItemId = item, Event = type, OccurredAt = At(minute), Actor = "agent-7",
    };

    public static RosterQueue Queue(string name, Channel channel = Channel.Voice) => new()
    {
        Queue = name, Channel = channel, TargetServiceLevel = 0.8, TargetSeconds = 20, TimeZone = "Europe/Amsterdam",
        OpenHours = { new WeeklyRange { DayOfWeek = 1, From = "08:00", To = "18:00" } },
    };

    public static IngestInteractionsRequest Calls(params Interaction[] calls) => new() { Interactions = { calls } };
}
