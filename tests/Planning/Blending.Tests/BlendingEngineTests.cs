using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;
using static BackOfficeCloud.Planning.Blending.Tests.BlendingFixture;

namespace BackOfficeCloud.Planning.Blending.Tests;

public class BlendingEngineTests
{
    [Fact]
    public void Hands_out_work_until_the_free_agents_equal_the_erlang_c_reserve()
    {
        var engine = Engine(10);
        Observe(engine, OneCallAMinute);
        for (var i = 0; i < 20; i++)
        {
            engine.AddItem(Item(i, deadlineHours: 24), Now);
        }

        var decisions = Enumerable.Range(0, 10).Select(a => engine.Decide(a, Now)).ToList();

        Assert.Equal(5, decisions.Count(d => d.Kind == DecisionKind.AssignItem));
        var kept = decisions.Where(d => d.Kind == DecisionKind.KeepFree).ToList();
        Assert.Equal(5, kept.Count);
        Assert.All(kept, d => Assert.Equal(ReasonCode.ReserveNeeded, d.Reason.Code));
        Assert.Equal(5, engine.ViewQueue(Voice).Free);
        Assert.Equal(5, kept[0].Reason.Reserve);
        Assert.Equal("voice needs 5 free agents for the next minutes' forecast and has 5 (threshold policy).", engine.Describe(kept[0].Reason));
    }

    [Fact]
    public void Agents_on_contacts_count_towards_the_phone_pool()
    {
        var engine = Engine(10);
        Observe(engine, OneCallAMinute);
        for (var i = 0; i < 20; i++)
        {
            engine.AddItem(Item(i, deadlineHours: 24), Now);
        }

        for (var a = 0; a < 4; a++)
        {
            engine.StartContact(a, Voice, Now);
        }

        // 4 on contacts: the pool of 5 needs only 1 free agent (the minimum reserve) of the 6 free.
        var decisions = Enumerable.Range(4, 6).Select(a => engine.Decide(a, Now)).ToList();

        Assert.Equal(5, decisions.Count(d => d.Kind == DecisionKind.AssignItem));
        Assert.Equal(1, decisions[^1].Reason.Reserve);
    }

    [Fact]
    public void Waiting_contacts_keep_a_freed_agent_on_the_phones()
    {
        var engine = Engine(10, new GreedyPolicy());
        engine.AddItem(Item(1, 24), Now);
        Observe(engine, OneCallAMinute with { Waiting = 2, OldestWait = TimeSpan.FromSeconds(5) });

        var decision = engine.Decide(0, Now);

        Assert.Equal(DecisionKind.KeepFree, decision.Kind);
        Assert.Equal(ReasonCode.ContactsWaiting, decision.Reason.Code);
    }

    [Fact]
    public void Picks_the_item_with_the_least_slack_and_lets_priority_bring_an_item_forward()
    {
        var engine = Engine(1, new GreedyPolicy());
        engine.AddItem(Item(1, deadlineHours: 8, effortMinutes: 10), Now);
        engine.AddItem(Item(2, deadlineHours: 6, effortMinutes: 10), Now);
        engine.AddItem(Item(3, deadlineHours: 7, effortMinutes: 120), Now); // latest start 5 h from now
        engine.AddItem(Item(4, deadlineHours: 10, effortMinutes: 10, priority: 2), Now); // 10 h - 2 x 4 h

        var order = new List<long>();
        var decision = engine.Decide(0, Now);
        while (decision.Kind == DecisionKind.AssignItem)
        {
            order.Add(decision.ItemId);
            decision = engine.FinishItem(0, Now);
        }

        Assert.Equal([4, 3, 2, 1], order);
        Assert.Equal(0, engine.OpenItems);
    }

    [Fact]
    public void Prefers_the_same_customer_when_nothing_is_urgent_but_not_over_an_urgent_item()
    {
        var engine = Engine(1, new GreedyPolicy());
        engine.AddItem(Item(1, deadlineHours: 10, customer: 7), Now);
        engine.AddItem(Item(2, deadlineHours: 20), Now);
        engine.AddItem(Item(3, deadlineHours: 30, customer: 7), Now);
        engine.AddItem(Item(4, deadlineHours: 1.5), Now);

        Assert.Equal(4, engine.Decide(0, Now).ItemId); // urgent beats everything
        Assert.Equal(1, engine.FinishItem(0, Now).ItemId);
        var grouped = engine.FinishItem(0, Now);
        Assert.Equal(3, grouped.ItemId);
        Assert.Equal(ReasonCode.SameCustomer, grouped.Reason.Code);
        Assert.Equal(2, engine.FinishItem(0, Now).ItemId);
    }

    [Fact]
    public void A_pended_item_comes_back_when_its_time_has_passed()
    {
        var engine = Engine(1, new GreedyPolicy());
        engine.AddItem(Item(1, deadlineHours: 5), Now);
        Assert.Equal(1, engine.Decide(0, Now).ItemId);

        var next = engine.FinishItem(0, Now.AddMinutes(5), pendedUntil: Now.AddHours(1));
        Assert.Equal(ReasonCode.NoEligibleWork, next.Reason.Code);
        Assert.Equal(DecisionKind.KeepFree, engine.Decide(0, Now.AddMinutes(59)).Kind);
        Assert.Equal(1, engine.Decide(0, Now.AddHours(1)).ItemId);
    }

    [Fact]
    public void Respects_a_scheduled_phone_block_unless_the_policy_allows_it()
    {
        var strict = Engine(3, new GreedyPolicy(), ScheduledActivity.Phone);
        strict.AddItem(Item(1, 24), Now);
        var kept = strict.Decide(0, Now);
        Assert.Equal(ReasonCode.PhoneBlock, kept.Reason.Code);

        var lenient = Engine(3, new GreedyPolicy(BackOfficeInPhoneBlock: true), ScheduledActivity.Phone);
        lenient.AddItem(Item(1, 24), Now);
        Assert.Equal(DecisionKind.AssignItem, lenient.Decide(0, Now).Kind);
    }

    [Fact]
    public void Silo_gives_work_only_to_back_office_blocks_and_never_recalls()
    {
        var engine = Engine(2, new SiloPolicy());
        engine.SetSchedule(1, ScheduledActivity.BackOffice, Now);
        engine.AddItem(Item(1, 24), Now);
        engine.AddItem(Item(2, 24), Now);

        Assert.Equal(ReasonCode.PolicyKeepsOnPhones, engine.Decide(0, Now).Reason.Code);
        Assert.Equal(DecisionKind.AssignItem, engine.Decide(1, Now).Kind);
        Assert.Empty(Observe(engine, OneCallAMinute with { Waiting = 5 }));
    }

    [Fact]
    public void Off_schedule_agents_get_nothing()
    {
        var engine = Engine(1, new GreedyPolicy(), ScheduledActivity.Unavailable);
        engine.AddItem(Item(1, 24), Now);

        var decision = engine.Decide(0, Now);

        Assert.Equal(ReasonCode.OffSchedule, decision.Reason.Code);
        Assert.Equal(AgentActivity.Away, engine.ViewAgent(0, Now).Activity);
    }

    [Fact]
    public void Unknown_skills_and_item_types_are_rejected_with_the_field_and_value()
    {
        var engine = Engine(1);

        var skill = Assert.Throws<ArgumentException>(() => engine.AddItem(Item(1, 24) with { Skill = 9 }, Now));
        Assert.Contains("Item 1 Skill is 9", skill.Message, StringComparison.Ordinal);
        var type = Assert.Throws<ArgumentException>(() => engine.AddItem(Item(2, 24) with { ItemType = -1 }, Now));
        Assert.Contains("Item 2 ItemType is -1", type.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Options_out_of_range_are_rejected_with_the_setting_and_value()
    {
        var setup = Engine(1).Setup;

        var error = Assert.Throws<ArgumentException>(() => new BlendingEngine(setup, new BlendingOptions { MinimumProficiency = 0 }));

        Assert.Contains("MinimumProficiency is 0", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => new BlendingEngine(setup, new BlendingOptions { PriorityStep = TimeSpan.FromHours(-1) }));
    }
}
