using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Blending.Storage;
using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Blending.Grpc;

/// <summary>Supervisors' board, overrides and policies; agents' task stream and item completion.</summary>
public sealed class BlendingApi(
    TenantDesks desks, PolicyStore policies, TaskStore tasks, TaskNotifications notifications, NpgsqlDataSource dataSource, TimeProvider clock)
    : BlendingService.BlendingServiceBase
{
    private const string AgentsAndWriters = Roles.Agent + "," + Roles.Writers;

    /// <summary>How long a quiet stream waits before looking for tasks anyway (in case a notification was lost).</summary>
    private static readonly TimeSpan PollEvery = TimeSpan.FromSeconds(2);

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["threshold"] = "Keeps a reserve of free agents per queue sized from the next minutes' forecast and the service-level target; hands back-office work to the rest and recalls agents before service slips.",
        ["silo"] = "No blending: phone agents stay on the phones, back-office work waits for the back-office team.",
        ["greedy"] = "Hands back-office work to every free agent at once; recalls only when contacts wait.",
    };

    [Authorize(Roles = Roles.Readers)]
    public override async Task<ListPoliciesResponse> ListPolicies(ListPoliciesRequest request, ServerCallContext context)
    {
        var (active, queues) = await policies.ListAsync(context.Tenant(), context.CancellationToken);
        var response = new ListPoliciesResponse();
        response.Policies.AddRange(BlendingPolicies.Names.Select(name => new BlendingPolicy
        {
            Name = name,
            Description = Descriptions.GetValueOrDefault(name, ""),
            Active = name == active,
        }));
        response.QueuePolicies.AddRange(queues);
        return response;
    }

    [Authorize(Roles = Roles.Writers)]
    public override async Task<SetPolicyResponse> SetPolicy(SetPolicyRequest request, ServerCallContext context)
    {
        var tenant = context.Tenant();
        var now = clock.GetUtcNow();
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        await using (transaction)
        {
            await desks.ApplyAsync(tenant, transaction, desk =>
            {
                RequestValidation.CheckPolicy(request, desk);
                return [new Fact(FactKinds.PolicySet, now, request)];
            }, context.CancellationToken);
            await policies.SaveAsync(transaction, request, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
        }

        return new SetPolicyResponse { Queue = request.Queue, Policy = request.Policy };
    }

    [Authorize(Roles = Roles.Readers)]
    public override Task<Board> GetBoard(GetBoardRequest request, ServerCallContext context)
    {
        var now = clock.GetUtcNow();
        return desks.ReadAsync(context.Tenant(), desk => desk.View(now), context.CancellationToken);
    }

    [Authorize(Roles = Roles.Writers)]
    public override Task<AgentTask> OverrideDecision(OverrideDecisionRequest request, ServerCallContext context) =>
        DecideAsync(context, FactKinds.DecisionOverridden, request, (desk, now) => RequestValidation.CheckOverride(request, desk, now), t => t.Override);

    [Authorize(Roles = AgentsAndWriters)]
    public override Task<AgentTask> FinishTask(FinishTaskRequest request, ServerCallContext context) =>
        DecideAsync(context, FactKinds.TaskFinished, request, (desk, now) => RequestValidation.CheckFinish(request, desk, now), t => t.AgentId == request.AgentId);

    /// <summary>Sends what the agent missed after <c>resume_after</c>, then each task as it commits, until the caller goes.</summary>
    [Authorize(Roles = AgentsAndWriters)]
    public override async Task SubscribeAgentTasks(SubscribeAgentTasksRequest request, IServerStreamWriter<AgentTask> responseStream, ServerCallContext context)
    {
        RequestValidation.CheckSubscription(request);
        var tenant = context.Tenant();
        var cancellationToken = context.CancellationToken;
        using var signal = notifications.Subscribe(tenant, request.AgentId);
        var last = request.ResumeAfter;
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                foreach (var task in await tasks.ReadAfterAsync(tenant, request.AgentId, last, cancellationToken))
                {
                    await responseStream.WriteAsync(task, cancellationToken);
                    last = task.Sequence;
                }

                await signal.WaitAsync(PollEvery, cancellationToken);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // the desktop disconnected; it resumes after the last sequence it saw
        }
    }

    /// <summary>Checks the request against the desk, applies it as a fact and answers the task it decided.</summary>
    private async Task<AgentTask> DecideAsync(
        ServerCallContext context, string kind, IMessage request, Action<TenantDesk, DateTimeOffset> check, Func<AgentTask, bool> answer)
    {
        var now = clock.GetUtcNow();
        var decided = await desks.ApplyAsync(context.Tenant(), desk =>
        {
            check(desk, now);
            return [new Fact(kind, now, request)];
        }, context.CancellationToken);
        return decided.Single(answer);
    }
}
