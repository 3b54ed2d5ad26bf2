using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Events;

namespace BackOfficeCloud.Messaging.Tests.Support;

public static class TestEvents
{
    public const string WorkItemReceived = "backoffice.tests.v1.WorkItemReceived";

    /// <summary>A topic of its own for each test.</summary>
    public static string NewTopic() => $"tests.{Guid.NewGuid():N}"[..18];

    public static OutgoingEvent Item(string topic, string tenant, string itemId, string note = "") =>
        new(topic, WorkItemReceived, tenant, itemId, new WorkItemReceived { ItemId = itemId, EffortMinutes = 12, Note = note });

    public static List<OutgoingEvent> Items(string topic, string tenant, int count, string prefix = "item") =>
        Enumerable.Range(0, count).Select(i => Item(topic, tenant, $"{prefix}-{i}")).ToList();
}
