using BackOfficeCloud.Blending.Tests.Support;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.TestKit;
using static BackOfficeCloud.Blending.Tests.Support.CenterEvents;

namespace BackOfficeCloud.Blending.Tests;

[Collection(ServiceCollection.Name)]
public sealed class DecisionFlowTests(BlendingServiceFixture service)
{
    [Fact]
    public async Task Agent_events_give_a_decision_on_the_agent_stream_and_on_the_topic()
    {
        var tenant = UniqueTenant.Next("flow");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));

        var ann = Assert.Single(await AgentDesktop.ReadAsync(client, "ann", 0, 1));
        var bob = Assert.Single(await AgentDesktop.ReadAsync(client, "bob", 0, 1));

        Assert.Equal(("assign_item", "w1", 1L), (ann.Kind, ann.WorkItemId, ann.Sequence));
        Assert.Contains("Most urgent item", ann.Reason, StringComparison.Ordinal);
        Assert.Equal(("keep_free", "voice"), (bob.Kind, bob.Queue));
        Assert.Contains("voice needs 1 free agents", bob.Reason, StringComparison.Ordinal);
        var published = await service.PublishedDecisionAsync(tenant, d => d.DecisionId == ann.DecisionId);
        Assert.NotNull(published);
        Assert.Equal(("ann", "assign_item", "w1", 1L, false), (published.AgentId, published.Kind, published.WorkItemId, published.Sequence, published.Override));
    }

    [Fact]
    public async Task Contacts_building_up_recall_the_agent_on_an_item_to_the_queue()
    {
        var tenant = UniqueTenant.Next("recall");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));

        await service.PublishAsync(tenant, Waiting(tenant, "c1", "voice", 10));
        await service.PublishAsync(tenant, Waiting(tenant, "c2", "voice", 10.1));

        var tasks = await AgentDesktop.ReadAsync(client, "ann", 0, 2);
        Assert.Equal(("recall_to_queue", "voice", false, 2L), (tasks[1].Kind, tasks[1].Queue, tasks[1].Interrupt, tasks[1].Sequence));
        Assert.Contains("voice has 1 free agents", tasks[1].Reason, StringComparison.Ordinal);
        Assert.NotNull(await service.PublishedDecisionAsync(tenant, d => d.AgentId == "ann" && d.Kind == "recall_to_queue"));
        var board = await client.GetBoardAsync(new GetBoardRequest());
        var voice = Assert.Single(board.Queues);
        Assert.Equal((2, 1, 1, 6.0), (voice.Waiting, voice.FreeAgents, voice.PendingRecalls, Math.Round(voice.OldestWaitSeconds)));
        Assert.Equal("voice", board.Agents.Single(a => a.AgentId == "ann").RecalledToQueue);

        // Ann finishes her claim: she goes to the phones instead of taking the next one.
        var next = await client.FinishTaskAsync(new FinishTaskRequest { AgentId = "ann", WorkItemId = "w1" });
        Assert.Equal(("recall_to_queue", 3L), (next.Kind, next.Sequence));
    }

    [Fact]
    public async Task A_desktop_that_reconnects_gets_what_it_missed_without_loss_or_duplicates()
    {
        var tenant = UniqueTenant.Next("resume");
        await BlendedTeam.SeedAsync(service, tenant, items: 4);
        var client = service.Client(await service.NewApiKeyAsync(tenant));
        var first = Assert.Single(await AgentDesktop.ReadAsync(client, "ann", 0, 1));

        // While disconnected, ann finishes two claims (each answered with the next one).
        await client.FinishTaskAsync(new FinishTaskRequest { AgentId = "ann", WorkItemId = "w1" });
        await client.FinishTaskAsync(new FinishTaskRequest { AgentId = "ann", WorkItemId = "w2" });
        var reading = AgentDesktop.ReadAsync(client, "ann", first.Sequence, 3);
        await Task.Delay(500);
        await client.FinishTaskAsync(new FinishTaskRequest { AgentId = "ann", WorkItemId = "w3" });
        var resumed = await reading;

        Assert.Equal([2L, 3L, 4L], resumed.Select(t => t.Sequence));
        Assert.Equal(["w2", "w3", "w4"], resumed.Select(t => t.WorkItemId));
        Assert.True(await AgentDesktop.NothingAfterAsync(client, "ann", 4));
    }

    [Fact]
    public async Task A_restarted_service_rebuilds_the_same_board_and_streams_from_postgres()
    {
        var tenant = UniqueTenant.Next("restart");
        await BlendedTeam.SeedAsync(service, tenant);
        await service.PublishAsync(tenant, Waiting(tenant, "c1", "voice", 10));
        await service.PublishAsync(tenant, Waiting(tenant, "c2", "voice", 10.1), State(tenant, "bob", "on_contact", 11));
        var apiKey = await service.NewApiKeyAsync(tenant);
        var before = await service.Client(apiKey).GetBoardAsync(new GetBoardRequest());

        await service.RestartAsync();

        var client = service.Client(apiKey);
        Assert.Equal(WithoutTimes(before), WithoutTimes(await client.GetBoardAsync(new GetBoardRequest())));
        Assert.Equal(("on_item", "on_contact"), (before.Agents.Single(a => a.AgentId == "ann").Activity, before.Agents.Single(a => a.AgentId == "bob").Activity));
        var next = await client.FinishTaskAsync(new FinishTaskRequest { AgentId = "ann", WorkItemId = "w1" });
        Assert.Equal(("recall_to_queue", 3L), (next.Kind, next.Sequence));
    }

    /// <summary>The board less what moves with the clock between two reads.</summary>
    private static Board WithoutTimes(Board board)
    {
        var copy = board.Clone();
        copy.AsOf = null;
        foreach (var agent in copy.Agents)
        {
            agent.SecondsInState = 0;
        }

        return copy;
    }
}
