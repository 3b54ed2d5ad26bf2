using BackOfficeCloud.Blending.Tests.Support;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Google.Rpc;
using Grpc.Core;
using static BackOfficeCloud.Blending.Tests.Support.CenterEvents;

namespace BackOfficeCloud.Blending.Tests;

[Collection(ServiceCollection.Name)]
public sealed class SupervisorTests(BlendingServiceFixture service)
{
    [Fact]
    public async Task An_override_reaches_the_agent_and_the_topic_marked_as_override_and_shows_on_the_board()
    {
        var tenant = UniqueTenant.Next("over");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));

        var task = await client.OverrideDecisionAsync(new OverrideDecisionRequest
        {
            AgentId = "bob", Action = "assign_item", WorkItemId = "w3", By = "sue", Why = "the customer called twice",
        });

        Assert.Equal(("assign_item", "w3", true, 2L), (task.Kind, task.WorkItemId, task.Override, task.Sequence));
        Assert.Equal("Decided by sue: the customer called twice", task.Reason);
        Assert.Equal(task, (await AgentDesktop.ReadAsync(client, "bob", 1, 1))[0]);
        var published = await service.PublishedDecisionAsync(tenant, d => d.DecisionId == task.DecisionId);
        Assert.Equal((true, "sue"), (published!.Override, published.OverriddenBy));
        var board = await client.GetBoardAsync(new GetBoardRequest());
        var bob = board.Agents.Single(a => a.AgentId == "bob");
        Assert.Equal(("on_item", "w3", "flexible", 2L), (bob.Activity, bob.WorkItemId, bob.Scheduled, bob.LastSequence));
        var open = Assert.Single(board.Backlog);
        Assert.Equal(("due_today", 1, 30.0), (open.Urgency, open.Items, open.EffortMinutes));
    }

    [Fact]
    public async Task A_policy_set_for_the_tenant_is_listed_and_decides_the_next_agent()
    {
        var tenant = UniqueTenant.Next("policy");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));

        await client.SetPolicyAsync(new SetPolicyRequest { Policy = "silo" });
        await client.SetPolicyAsync(new SetPolicyRequest { Queue = "voice", Policy = "greedy" });

        var policies = await client.ListPoliciesAsync(new ListPoliciesRequest());
        Assert.Equal("silo", policies.Policies.Single(p => p.Active).Name);
        Assert.Equal(("voice", "greedy"), (policies.QueuePolicies[0].Queue, policies.QueuePolicies[0].Policy));
        // Greedy on voice keeps no reserve: bob, free, takes the next claim when he logs in again.
        await service.PublishAsync(tenant, State(tenant, "bob", "available", 20));
        var bob = await AgentDesktop.ReadAsync(client, "bob", 1, 1);
        Assert.Equal(("assign_item", "w2", "greedy"), (bob[0].Kind, bob[0].WorkItemId, bob[0].Policy));
    }

    [Fact]
    public async Task Tenants_see_only_their_own_agents_and_items()
    {
        var mine = UniqueTenant.Next("mine");
        await BlendedTeam.SeedAsync(service, mine);
        var other = service.Client(await service.NewApiKeyAsync(UniqueTenant.Next("other")));

        var board = await other.GetBoardAsync(new GetBoardRequest());

        Assert.Empty(board.Agents);
        Assert.Empty(board.Backlog);
        Assert.True(await AgentDesktop.NothingAfterAsync(other, "ann", 0));
        var error = await Assert.ThrowsAsync<RpcException>(() => other.OverrideDecisionAsync(
            new OverrideDecisionRequest { AgentId = "ann", Action = "keep_free", By = "eve", Why = "curious" }).ResponseAsync);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == "agent_id");
    }

    public static TheoryData<string, string> BadOverrides => new()
    {
        { """{"agentId":"ann","action":"fire","by":"sue","why":"x"}""", "action" },
        { """{"agentId":"ann","action":"keep_free","why":"x"}""", "by" },
        { """{"agentId":"bob","action":"assign_item","workItemId":"w1","by":"sue","why":"x"}""", "work_item_id" },
        { """{"agentId":"bob","action":"assign_item","workItemId":"nope","by":"sue","why":"x"}""", "work_item_id" },
        { """{"agentId":"bob","action":"recall_to_queue","queue":"chat","by":"sue","why":"x"}""", "queue" },
    };

    [Theory]
    [MemberData(nameof(BadOverrides))]
    public async Task A_bad_override_is_InvalidArgument_naming_the_field(string json, string field)
    {
        var tenant = UniqueTenant.Next("bad");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));

        var error = await Assert.ThrowsAsync<RpcException>(() =>
            client.OverrideDecisionAsync(Google.Protobuf.JsonParser.Default.Parse<OverrideDecisionRequest>(json)).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, error.StatusCode);
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v => v.Field == field);
    }

    [Fact]
    public async Task Bad_policy_and_finish_requests_name_their_fields_and_agents_cannot_see_the_board()
    {
        var tenant = UniqueTenant.Next("bad");
        await BlendedTeam.SeedAsync(service, tenant);
        var client = service.Client(await service.NewApiKeyAsync(tenant));
        var agent = service.Client(await service.NewApiKeyAsync(tenant, Roles.Agent));

        var policy = await Assert.ThrowsAsync<RpcException>(() => client.SetPolicyAsync(new SetPolicyRequest { Policy = "magic", Hysteresis = -1 }).ResponseAsync);
        var finish = await Assert.ThrowsAsync<RpcException>(() => agent.FinishTaskAsync(new FinishTaskRequest { AgentId = "bob", WorkItemId = "w1" }).ResponseAsync);
        var board = await Assert.ThrowsAsync<RpcException>(() => agent.GetBoardAsync(new GetBoardRequest()).ResponseAsync);

        Assert.Equal(["policy", "hysteresis"], policy.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field));
        Assert.Equal("work_item_id", finish.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Single().Field);
        Assert.Equal(StatusCode.PermissionDenied, board.StatusCode);
    }
}
