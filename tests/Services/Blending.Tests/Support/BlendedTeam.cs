using static BackOfficeCloud.Blending.Tests.Support.CenterEvents;

namespace BackOfficeCloud.Blending.Tests.Support;

/// <summary>
/// A voice queue (80% in 20 s) and a claims back office; ann and bob do both. With the default threshold policy the
/// queue keeps one free agent: bob, logged in first, stays free; ann, logged in second, gets the most urgent claim.
/// </summary>
public static class BlendedTeam
{
    public static async Task SeedAsync(BlendingServiceFixture service, string tenant, int items = 3)
    {
        await service.PublishAsync(tenant, Queue(tenant, "voice"), Queue(tenant, "claims", deferrable: true),
            Agent(tenant, "ann", "voice", "claims"), Agent(tenant, "bob", "voice", "claims"));
        await service.PublishAsync(tenant, [.. Enumerable.Range(1, items).Select(i => Item(tenant, $"w{i}", "open", 1, dueInHours: 2 * i))]);
        await service.PublishAsync(tenant, State(tenant, "bob", "available", 2));
        await service.PublishAsync(tenant, State(tenant, "ann", "available", 3));
    }
}
