using BackOfficeCloud.Contracts.Ingestion.V1;
using Grpc.Core;

namespace BackOfficeCloud.EndToEnd.Tests;

/// <summary>Steps a planner's walk through the running platform is made of, shared by the end-to-end and portal tests.</summary>
public static class PlatformSteps
{
    /// <summary>A blended center's roster: a voice queue and a deferrable work type, both open 08:00–18:00 every day, and agents skilled in both.</summary>
    public static IngestRosterRequest BlendedRoster(string zone, string phone, string claims, int agents)
    {
        var openHours = Enumerable.Range(1, 7).Select(day => new WeeklyRange { DayOfWeek = day, From = "08:00", To = "18:00" });
        var request = new IngestRosterRequest
        {
            Queues =
            {
                new RosterQueue { Queue = phone, Channel = Channel.Voice, TargetServiceLevel = 0.8, TargetSeconds = 20, TimeZone = zone, OpenHours = { openHours } },
                new RosterQueue { Queue = claims, Channel = Channel.Email, Deferrable = true, DeadlineBusinessHours = 48, TimeZone = zone, OpenHours = { openHours } },
            },
        };
        request.Agents.Add(Enumerable.Range(1, agents).Select(i => new RosterAgent
        {
            AgentId = $"agent-{i}",
            Name = $"Agent {i}",
            Team = "blue",
            TimeZone = zone,
            Skills = { new Skill { Name = phone, Proficiency = 1 }, new Skill { Name = claims, Proficiency = 1 } },
        }));
        return request;
    }

    /// <summary>The last update a job's watch stream sends (its final state); null when it sends none.</summary>
    public static async Task<T?> LastUpdateAsync<T>(AsyncServerStreamingCall<T> watch)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(watch);
        using (watch)
        {
            T? last = null;
            await foreach (var update in watch.ResponseStream.ReadAllAsync())
            {
                last = update;
            }

            return last;
        }
    }

    /// <summary>
    /// Each service learns from the others' events, so a step may need a few tries until what it needs has arrived:
    /// retries for up to two minutes while the attempt answers null or the call is refused for lack of data.
    /// </summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T?>> attempt)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(attempt);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        var lastError = "";
        while (true)
        {
            try
            {
                if (await attempt() is { } done)
                {
                    return done;
                }
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                lastError = e.Status.Detail;
            }

            Assert.True(DateTime.UtcNow < deadline, $"the platform did not get there within two minutes ({lastError})");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }
}
