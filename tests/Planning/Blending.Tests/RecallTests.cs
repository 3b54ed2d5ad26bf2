using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;
using static BackOfficeCloud.Planning.Blending.Tests.BlendingFixture;

namespace BackOfficeCloud.Planning.Blending.Tests;

public class RecallTests
{
    /// <summary>Three agents, two of them on items (a refund ending in 5 min, a claim in 10 min), one free.</summary>
    private static BlendingEngine TwoOnItems(IBlendingPolicy policy)
    {
        var engine = Engine(3, policy);
        engine.AddItem(Item(1, deadlineHours: 1, effortMinutes: 5, type: Refund), Now);
        engine.AddItem(Item(2, deadlineHours: 2, effortMinutes: 10, type: Claim), Now);
        Assert.Equal(1, engine.Decide(0, Now).ItemId);
        Assert.Equal(2, engine.Decide(1, Now).ItemId);
        return engine;
    }

    [Fact]
    public void Recalls_the_agent_finishing_first_at_the_end_of_a_non_interruptible_item()
    {
        var engine = TwoOnItems(new ThresholdPolicy(MinimumReserve: 1, Hysteresis: 0));
        engine.StartContact(2, Voice, Now);

        var recalls = Observe(engine, Quiet);

        var recall = Assert.Single(recalls);
        Assert.Equal((DecisionKind.Recall, 0, false), (recall.Kind, recall.Agent, recall.Interrupt));
        Assert.Equal(0, engine.ViewAgent(0, Now).RecalledToQueue);
        Assert.Empty(Observe(engine, Quiet)); // the recalled agent already counts towards the reserve

        var atEnd = engine.FinishItem(0, Now.AddMinutes(5));
        Assert.Equal((DecisionKind.Recall, ReasonCode.RecalledToQueue), (atEnd.Kind, atEnd.Reason.Code));
        Assert.Equal(AgentActivity.Free, engine.ViewAgent(0, Now).Activity);
    }

    [Fact]
    public void Interrupts_an_interruptible_item_when_contacts_wait_and_returns_it_to_the_backlog()
    {
        var engine = TwoOnItems(new ThresholdPolicy(MinimumReserve: 1, Hysteresis: 0));
        engine.StartContact(2, Voice, Now);

        var at = Now.AddMinutes(4);
        var recalls = new List<BlendingDecision>();
        engine.UpdateQueue(Voice, new QueueObservation(2, TimeSpan.FromSeconds(30), 0.9, 0, TimeSpan.Zero), at, recalls);

        // Two waiting and nobody free: the refund agent (ends first) cannot be interrupted, the claim agent can.
        Assert.Equal(2, recalls.Count);
        Assert.Equal((0, false), (recalls[0].Agent, recalls[0].Interrupt));
        Assert.Equal((1, true), (recalls[1].Agent, recalls[1].Interrupt));
        Assert.Equal(AgentActivity.Free, engine.ViewAgent(1, at).Activity);

        // Contacts answered: the free agent ending a contact picks the claim up again.
        engine.UpdateQueue(Voice, Quiet, at, recalls);
        Assert.Equal(2, engine.FinishContact(2, at).ItemId);
    }

    [Fact]
    public void Greedy_recalls_only_for_waiting_contacts_and_never_interrupts()
    {
        var engine = TwoOnItems(new GreedyPolicy());
        engine.StartContact(2, Voice, Now);
        Assert.Empty(Observe(engine, Quiet));

        var recalls = Observe(engine, new QueueObservation(1, TimeSpan.FromMinutes(2), 0.5, 0, TimeSpan.Zero));

        var recall = Assert.Single(recalls);
        Assert.False(recall.Interrupt);
    }

    [Fact]
    public void Still_recalls_the_right_agent_after_thousands_of_items_were_finished_without_a_recall()
    {
        var engine = Engine(3, new ThresholdPolicy(MinimumReserve: 1, Hysteresis: 0));
        for (var i = 0; i < 2000; i++)
        {
            engine.AddItem(Item(i, deadlineHours: 24, effortMinutes: 10), Now);
        }

        engine.AddItem(Item(5000, deadlineHours: 1, effortMinutes: 3), Now);
        Assert.Equal(5000, engine.Decide(1, Now).ItemId); // ends first, in 3 minutes
        Assert.Equal(DecisionKind.AssignItem, engine.Decide(0, Now).Kind);
        for (var i = 0; i < 1000; i++)
        {
            // Each item started leaves a stale recall entry behind: the candidate heap is compacted many times over.
            Assert.Equal(DecisionKind.AssignItem, engine.FinishItem(0, Now).Kind);
        }

        engine.StartContact(2, Voice, Now);
        var recall = Assert.Single(Observe(engine, Quiet));

        Assert.Equal(1, recall.Agent);
    }
}
