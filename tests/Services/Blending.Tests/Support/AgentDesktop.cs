using BackOfficeCloud.Contracts.Blending.V1;
using Grpc.Core;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>An agent desktop: reads the agent's task stream.</summary>
public static class AgentDesktop
{
    /// <summary>Subscribes after <paramref name="resumeAfter"/>, reads <paramref name="count"/> tasks (bounded wait) and disconnects.</summary>
    public static async Task<List<AgentTask>> ReadAsync(BlendingService.BlendingServiceClient client, string agent, long resumeAfter, int count)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        using var call = client.SubscribeAgentTasks(new SubscribeAgentTasksRequest { AgentId = agent, ResumeAfter = resumeAfter }, cancellationToken: timeout.Token);
        var tasks = new List<AgentTask>();
        while (tasks.Count < count && await call.ResponseStream.MoveNext(timeout.Token))
        {
            tasks.Add(call.ResponseStream.Current);
        }

        return tasks;
    }

    /// <summary>True when nothing more arrives within a short wait after <paramref name="resumeAfter"/>.</summary>
    public static async Task<bool> NothingAfterAsync(BlendingService.BlendingServiceClient client, string agent, long resumeAfter)
    {
        using var quiet = new CancellationTokenSource(TimeSpan.FromSeconds(3));
        using var call = client.SubscribeAgentTasks(new SubscribeAgentTasksRequest { AgentId = agent, ResumeAfter = resumeAfter }, cancellationToken: quiet.Token);
        try
        {
            return !await call.ResponseStream.MoveNext(quiet.Token);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Cancelled)
        {
            return true;
        }
    }
}
