using System.Globalization;
using BackOfficeCloud.Contracts;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.TestKit.Services;

namespace BackOfficeCloud.Ingestion.Tests.Support;

/// <summary>The Ingestion service in process; what it publishes on <c>ingestion.interactions</c> is read back.</summary>
public sealed class IngestionServiceFixture() : InProcessService<Program>("ingestion", Topics.IngestionInteractions)
{
    /// <summary>Small chunks, so that files of a few hundred rows span several transactions.</summary>
    public const int ChunkRows = 50;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Ingestion:ImportChunkRows"] = ChunkRows.ToString(CultureInfo.InvariantCulture),
        ["Ingestion:MaxBatchRecords"] = "1000",
    };

    public async Task<IngestionService.IngestionServiceClient> ClientAsync(string tenant, string role = Roles.Admin) =>
        new(Channel(await NewApiKeyAsync(tenant, role, "ingestion test")));

    public async Task<HttpClient> RestAsync(string tenant, string role = Roles.Admin) => Rest(await NewApiKeyAsync(tenant, role, "ingestion test"));

    /// <summary>The first column of the first row, in the tenant's transaction (row-level security applies).</summary>
    public async Task<T> QueryAsync<T>(string tenant, string sql) => (await ColumnAsync<T>(tenant, sql))[0];

    /// <summary>The first column of every row, in the tenant's transaction.</summary>
    public Task<List<T>> ColumnAsync<T>(string tenant, string sql) => QueryAsync(tenant, sql, r => r.GetFieldValue<T>(0));
}

[CollectionDefinition(Name)]
public sealed class IngestionCollection : ICollectionFixture<IngestionServiceFixture>
{
    public const string Name = "ingestion service";
}
