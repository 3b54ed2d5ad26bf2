namespace BackOfficeCloud.Planning.Blending.Tests.Policies;

public class ReserveSizerTests
{
    // Known answers from the Erlang B recursion computed independently (80% answered in 20 s):
    // 3 Erlangs of 180 s calls need 5 agents (SL 0.811), 10 Erlangs need 14 (SL 0.888; 13 gives below 0.8).
    [Theory]
    [InlineData(1.0, 3.0, 5)]
    [InlineData(10.0 / 3.0, 3.0, 14)]
    [InlineData(0.0, 3.0, 0)]
    public void Sizes_the_phone_pool_with_erlang_c(double perMinute, double ahtMinutes, int expected) =>
        Assert.Equal(expected, ReserveSizer.RequiredAgents(perMinute, TimeSpan.FromMinutes(ahtMinutes), 0.8, TimeSpan.FromSeconds(20)));

    [Fact]
    public void Threshold_reserve_adds_a_margin_while_the_service_level_is_behind()
    {
        var policy = new ThresholdPolicy(MinimumReserve: 1, Hysteresis: 1, ExtraReserveWhenBehind: 2);
        var onTarget = new QueueView(0, 0, TimeSpan.Zero, Free: 3, OnContacts: 4, PendingRecalls: 0, RequiredAgents: 9, 0.85, 0.8);

        Assert.Equal(5, policy.Reserve(onTarget));
        Assert.Equal(7, policy.Reserve(onTarget with { RollingServiceLevel = 0.7 }));
        Assert.Equal(4, policy.RecallBelow(onTarget));
        Assert.Equal(6, policy.RecallBelow(onTarget with { Waiting = 6 }));
    }
}
