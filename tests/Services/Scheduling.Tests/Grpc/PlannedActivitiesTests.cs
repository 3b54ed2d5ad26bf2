using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Scheduling.Tests.Support;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;

namespace BackOfficeCloud.Scheduling.Tests.Grpc;

[Collection(SchedulingCollection.Name)]
public sealed class PlannedActivitiesTests(SchedulingServiceFixture service)
{
    private static readonly DateTimeOffset Nine = new(2026, 12, 7, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Activities_are_stored_per_tenant_replaced_by_id_listed_by_window_and_removed()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);

        await client.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { Activities = { Activity("M-1", "meeting", 0, 1, "a-1"), Activity("T-1", "training", 24, 4, "a-1", "a-2") } });
        await client.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { Activities = { Activity("M-1", "team meeting", 1, 1, "a-3") } });

        var all = await client.ListPlannedActivitiesAsync(new ListPlannedActivitiesRequest());
        Assert.Equal([("M-1", "team meeting", "a-3"), ("T-1", "training", "a-1,a-2")], all.Activities.Select(a => (a.ActivityId, a.Name, string.Join(',', a.AgentIds))));
        Assert.Equal(Nine.AddHours(1), all.Activities[0].Start.ToDateTimeOffset());
        var secondDay = await client.ListPlannedActivitiesAsync(new ListPlannedActivitiesRequest { From = At(20), To = At(48) });
        Assert.Equal("T-1", Assert.Single(secondDay.Activities).ActivityId);
        Assert.Empty((await (await service.ClientAsync(UniqueTenant.Next())).ListPlannedActivitiesAsync(new ListPlannedActivitiesRequest())).Activities);

        await client.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { RemoveActivityIds = { "M-1" } });
        Assert.Equal("T-1", Assert.Single((await client.ListPlannedActivitiesAsync(new ListPlannedActivitiesRequest())).Activities).ActivityId);
    }

    [Fact]
    public async Task A_bad_activity_is_refused_naming_each_field_and_a_viewer_may_not_put()
    {
        var tenant = UniqueTenant.Next();
        var client = await service.ClientAsync(tenant);
        var backwards = Activity("X-1", "training", 2, 1, "a-1");
        backwards.End = At(1);
        var nobody = Activity("X-2", "", 0, 1);

        var refused = await Assert.ThrowsAsync<RpcException>(() => client.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { Activities = { backwards, nobody } }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Equal(
            ["activities[0].end", "activities[1].agent_ids", "activities[1].name"],
            refused.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations.Select(v => v.Field).Order(StringComparer.Ordinal));

        Assert.Empty((await client.ListPlannedActivitiesAsync(new ListPlannedActivitiesRequest())).Activities);
        var viewer = await service.ClientAsync(tenant, Roles.Viewer);
        var denied = await Assert.ThrowsAsync<RpcException>(() => viewer.PutPlannedActivitiesAsync(new PutPlannedActivitiesRequest { Activities = { Activity("M-1", "meeting", 0, 1, "a-1") } }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }

    [Fact]
    public async Task Rest_callers_put_and_list_activities()
    {
        using var rest = await service.RestAsync(UniqueTenant.Next());

        using var put = await rest.PostAsJsonAsync("/v1/planned-activities", new
        {
            activities = new[] { new { activityId = "M-1", name = "meeting", start = Nine, end = Nine.AddHours(1), agentIds = new[] { "a-1" } } },
        });
        using var bad = await rest.PostAsJsonAsync("/v1/planned-activities", new { activities = new[] { new { activityId = "M-2", name = "meeting", agentIds = new[] { "a-1" } } } });
        var listed = JsonNode.Parse(await rest.GetStringAsync("/v1/planned-activities"))!;

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Equal("M-1", listed["activities"]![0]!["activityId"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("activities[0].start", JsonNode.Parse(await bad.Content.ReadAsStringAsync())!["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static Timestamp At(double hours) => Timestamp.FromDateTimeOffset(Nine.AddHours(hours));

    private static PlannedActivity Activity(string id, string name, double startHour, double hours, params string[] agents) => new()
    {
        ActivityId = id, Name = name, Start = At(startHour), End = At(startHour + hours), AgentIds = { agents },
    };
}
