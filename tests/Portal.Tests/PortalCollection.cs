using BackOfficeCloud.EndToEnd.Tests;

namespace BackOfficeCloud.Portal.Tests;

/// <summary>
/// One platform and one browser for every portal test: two platforms starting at once could each pick the same free
/// port for different services (a what-if run failed with "address already in use" that way).
/// </summary>
[CollectionDefinition(Name)]
public sealed class PortalCollection : ICollectionFixture<PlatformFixture>, ICollectionFixture<BrowserFixture>
{
    public const string Name = "portal";
}
