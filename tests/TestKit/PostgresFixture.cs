using BackOfficeCloud.DevInfra.Postgres;

namespace BackOfficeCloud.TestKit;

/// <summary>A throwaway PostgreSQL cluster for one test collection.</summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    private LocalPostgres? _server;

    public LocalPostgres Server => _server ?? throw new InvalidOperationException("PostgreSQL has not started.");

    /// <summary>The configuration a service reads in production, pointed at this cluster.</summary>
    public IReadOnlyDictionary<string, string?> ServiceConfiguration => new Dictionary<string, string?>
    {
        ["ConnectionStrings:postgres"] = Server.AppConnectionString,
        ["ConnectionStrings:postgres-admin"] = Server.OwnerConnectionString,
    };

    public async Task InitializeAsync() => _server = await LocalPostgres.StartAsync(new LocalPostgresOptions());

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
