using BackOfficeCloud.Planning.Staffing.Concurrency;
using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Tests.Concurrency;

public class ConcurrentChannelModelTests
{
    private static readonly StaffingTarget ChatTarget = new(0.8, 60);

    [Theory]
    [InlineData(2, 10.0)]
    [InlineData(3, 10.0)]
    [InlineData(3, 47.5)]
    public void Agents_are_the_session_slots_rounded_up_to_whole_people(int sessions, double load)
    {
        var slots = ErlangC.RequiredAgents(load, 600, ChatTarget).Agents;

        var metrics = new ConcurrentChannelModel(new ErlangCModel(600), sessions).RequiredAgents(load, ChatTarget);

        Assert.Equal(Math.Ceiling(slots / sessions), metrics.Agents);
        Assert.Equal(ErlangC.ServiceLevel(metrics.Agents * sessions, load, 600, 60), metrics.ServiceLevel, 12);
        Assert.Equal(load / (metrics.Agents * sessions), metrics.Occupancy, 12);
    }

    [Fact]
    public void One_session_per_agent_is_the_plain_queue()
    {
        var plain = ErlangC.RequiredAgents(10, 180, new StaffingTarget(0.8, 20));

        var single = new ConcurrentChannelModel(new ErlangCModel(180), 1).RequiredAgents(10, new StaffingTarget(0.8, 20));

        Assert.Equal(plain, single);
    }

    [Fact]
    public void Zero_sessions_is_refused_by_name()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => new ConcurrentChannelModel(new ErlangCModel(600), 0));

        Assert.Equal("maxSessions", error.ParamName);
    }
}
