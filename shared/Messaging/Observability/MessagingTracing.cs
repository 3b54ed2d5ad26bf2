using System.Diagnostics;

namespace BackOfficeCloud.Messaging.Observability;

/// <summary>Spans of the event bus; the W3C <c>traceparent</c> travels in each CloudEvent.</summary>
public static class MessagingTracing
{
    public const string SourceName = "BackOfficeCloud.Messaging";

    public static readonly ActivitySource Source = new(SourceName);

    /// <summary>The trace context to write into an event published now.</summary>
    internal static string? CurrentTraceParent() =>
        Activity.Current is { IdFormat: ActivityIdFormat.W3C } current ? current.Id : null;

    internal static ActivityContext ContextOf(string? traceParent) =>
        traceParent is not null && ActivityContext.TryParse(traceParent, null, out var context) ? context : default;

    /// <summary>
    /// A consumer span for applying events: the child of the one event's publisher, or linked to every publisher of a batch.
    /// </summary>
    internal static Activity? StartProcessing(string topic, IReadOnlyList<string?> traceParents)
    {
        if (!Source.HasListeners())
        {
            return null;
        }

        if (traceParents.Count == 1)
        {
            return Source.StartActivity($"{topic} process", ActivityKind.Consumer, ContextOf(traceParents[0]));
        }

        var links = traceParents.Select(ContextOf).Where(c => c != default).Select(c => new ActivityLink(c));
        return Source.StartActivity($"{topic} process", ActivityKind.Consumer, parentContext: default, links: links);
    }
}
