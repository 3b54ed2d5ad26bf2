using BackOfficeCloud.Planning.Blending.Decisions;
using BackOfficeCloud.Planning.Blending.Model;
using static BackOfficeCloud.Planning.Blending.Tests.BlendingFixture;

namespace BackOfficeCloud.Planning.Blending.Tests;

public class LiveSetupTests
{
    [Fact]
    public void An_empty_engine_learns_skills_queues_types_and_agents_and_then_decides()
    {
        var engine = new BlendingEngine(new BlendingSetup([], [], [], []), new BlendingOptions());
        var claims = engine.AddSkill("claims");
        var agent = engine.AddAgent(new AgentProfile("ann", [new SkillLevel(claims, 1)]));
        var voice = engine.AddSkill("voice");
        var queue = engine.AddQueue(new ImmediateQueueSetup("voice", voice, 0.8, TimeSpan.FromSeconds(20)));
        var type = engine.AddItemType(new ItemTypeSetup("claim", false));
        engine.SetSchedule(agent, ScheduledActivity.Flexible, Now);
        engine.AddItem(new BackOfficeItem(7, type, claims, 0, Now, Now.AddHours(4), TimeSpan.FromMinutes(10)), Now);

        Assert.Equal(7, engine.Decide(agent, Now).ItemId);

        // Ann learns voice: she joins the queue's pool, which now needs her as its one free agent.
        engine.FinishItem(agent, Now.AddMinutes(10));
        engine.UpdateAgent(agent, new AgentProfile("ann", [new SkillLevel(claims, 1), new SkillLevel(voice, 1)]));
        engine.AddItem(new BackOfficeItem(8, type, claims, 0, Now, Now.AddHours(4), TimeSpan.FromMinutes(10)), Now);
        var decision = engine.Decide(agent, Now.AddMinutes(10));
        Assert.Equal((DecisionKind.KeepFree, ReasonCode.ReserveNeeded, queue), (decision.Kind, decision.Reason.Code, decision.Reason.Queue));
        Assert.Equal(1, engine.ViewQueue(queue).Free);
    }

    [Fact]
    public void A_queue_added_later_counts_the_agents_who_already_have_its_skill()
    {
        var engine = Engine(3);
        var chat = engine.AddQueue(new ImmediateQueueSetup("chat", Voice, 0.9, TimeSpan.FromSeconds(30)));

        Assert.Equal(3, engine.ViewQueue(chat).Free);
        Assert.Equal(0.9, engine.ViewQueue(chat).ServiceLevelTarget);
        var error = Assert.Throws<ArgumentException>(() => engine.ChangeQueue(chat, new ImmediateQueueSetup("chat", Claims, 0.9, TimeSpan.Zero)));
        Assert.Contains("Queues[1].Skill", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Switching_the_default_policy_to_silo_stops_handing_out_work()
    {
        var engine = Engine(3);
        engine.AddItem(Item(1, deadlineHours: 2), Now);
        engine.SetDefaultPolicy(new SiloPolicy());

        var decision = engine.Decide(0, Now);

        Assert.Equal((DecisionKind.KeepFree, ReasonCode.PolicyKeepsOnPhones, "silo"), (decision.Kind, decision.Reason.Code, decision.Reason.Policy));
    }

    [Fact]
    public void A_supervisor_assigns_a_named_item_and_the_one_in_hand_goes_back_with_its_effort_reduced()
    {
        var engine = Engine(3, new GreedyPolicy());
        engine.AddItem(Item(1, deadlineHours: 1, effortMinutes: 30), Now);
        engine.AddItem(Item(2, deadlineHours: 8, effortMinutes: 30), Now);
        Assert.Equal(1, engine.Decide(0, Now).ItemId);

        var assigned = engine.AssignItem(0, 2, Now.AddMinutes(10));

        Assert.Equal((DecisionKind.AssignItem, 2L, ReasonCode.SupervisorOverride), (assigned.Kind, assigned.ItemId, assigned.Reason.Code));
        Assert.Equal(2, engine.ViewAgent(0, Now).ItemId);
        Assert.Equal(1, engine.Decide(1, Now.AddMinutes(10)).ItemId); // item 1 is back in the backlog
        Assert.Throws<InvalidOperationException>(() => engine.AssignItem(2, 1, Now.AddMinutes(10)));
        Assert.Throws<ArgumentException>(() => engine.AssignItem(2, 99, Now.AddMinutes(10)));
    }

    [Fact]
    public void A_supervisor_recall_with_interrupt_frees_the_agent_and_without_it_marks_the_recall()
    {
        var engine = Engine(3, new GreedyPolicy());
        engine.AddItem(Item(1, deadlineHours: 1), Now);
        engine.AddItem(Item(2, deadlineHours: 2), Now);
        engine.Decide(0, Now);
        engine.Decide(1, Now);

        var now = engine.RecallAgent(0, Voice, interrupt: true, Now.AddMinutes(1));
        var later = engine.RecallAgent(1, Voice, interrupt: false, Now.AddMinutes(1));

        Assert.Equal((DecisionKind.Recall, true, Voice), (now.Kind, now.Interrupt, now.Queue));
        Assert.Equal(AgentActivity.Free, engine.ViewAgent(0, Now).Activity);
        Assert.Equal((AgentActivity.OnItem, Voice), (engine.ViewAgent(1, Now).Activity, engine.ViewAgent(1, Now).RecalledToQueue));
        Assert.Equal(DecisionKind.Recall, engine.FinishItem(1, Now.AddMinutes(5)).Kind);
    }
}
