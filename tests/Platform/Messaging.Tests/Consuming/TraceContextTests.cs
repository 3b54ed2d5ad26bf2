using System.Collections.Concurrent;
using System.Diagnostics;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Observability;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Messaging.Tests.Consuming;

[Collection(PlatformCollection.Name)]
public class TraceContextTests(PostgresFixture postgres) : IAsyncLifetime
{
    private const string Topic = "ingestion.workitems";
    private static readonly ActivitySource Caller = new("BackOfficeCloud.Messaging.Tests");
    private readonly ConcurrentBag<Activity> _stopped = [];
    private ActivityListener _listener = null!;
    private BusHost _host = null!;

    public async Task InitializeAsync()
    {
        _listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name is MessagingTracing.SourceName or "BackOfficeCloud.Messaging.Tests",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = _stopped.Add,
        };
        ActivitySource.AddActivityListener(_listener);
        var configuration = new Dictionary<string, string?>(postgres.ServiceConfiguration) { ["Messaging:Transport"] = "dapr" };
        _host = BusHost.Build("analytics", configuration, bus => bus.Handles<Events.WorkItemReceived, RecordingHandler>(Topic, TestEvents.WorkItemReceived));
        await _host.MigrateAsync(postgres.Server.OwnerConnectionString);
    }

    public async Task DisposeAsync()
    {
        _listener.Dispose();
        await _host.DisposeAsync();
    }

    [Fact]
    public async Task The_consumer_span_continues_the_trace_of_the_request_that_published_the_event()
    {
        var tenant = UniqueTenant.Next();
        ReceivedEvent received;
        ActivityTraceId publishingTrace;
        using (var request = Caller.StartActivity("POST /workitems"))
        {
            publishingTrace = request!.TraceId;
            var envelope = new EnvelopeFactory("ingestion", TimeProvider.System).Create(TestEvents.Item(Topic, tenant, "item-1"));
            received = new ReceivedEvent(Topic, CloudEventJson.Parse(envelope.Envelope));
        }

        await _host.Get<EventDispatcher>().ApplyAsync([received], CancellationToken.None);

        var process = Assert.Single(_stopped, a => a.Source.Name == MessagingTracing.SourceName && a.TraceId == publishingTrace);
        Assert.Equal($"{Topic} process", process.OperationName);
        Assert.Equal(ActivityKind.Consumer, process.Kind);
    }
}
