using BackOfficeCloud.Data;
using BackOfficeCloud.DevInfra.Postgres;
using BackOfficeCloud.Messaging.Consuming;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Messaging.Migrations;
using BackOfficeCloud.Messaging.Publishing;
using BackOfficeCloud.Messaging.Tests.Support;
using BackOfficeCloud.TestKit;
using DbUp;
using Npgsql;

namespace BackOfficeCloud.Messaging.Tests.Consuming;

/// <summary>The inbox keys events by UUID (migration 0005): ids of every form still tell events apart, and the text ids
/// recorded before the migration still stop their redeliveries after it.</summary>
[Collection(PlatformCollection.Name)]
public class InboxIdTests(PostgresFixture postgres)
{
    private const string Topic = "ingestion.workitems";
    private const string AppId = "analytics";

    [Fact]
    public void A_canonical_uuid_id_is_its_own_key()
    {
        Assert.Equal(Guid.Parse("019aaed8-4380-7712-b3f8-3f0d00491e2a"), EventDispatcher.InboxId("019aaed8-4380-7712-b3f8-3f0d00491e2a"));
    }

    // Known answers: the first 16 bytes of SHA-256 of the id's UTF-8 text, version nibble 8, RFC 4122 variant bits
    // (computed with Python's hashlib, independently of the code under test).
    [Theory]
    [InlineData("order-42", "3bf8b157-c423-8eef-a5ae-4a66eca81c6b")]
    [InlineData("019AAED8-4380-7712-B3F8-3F0D00491E2A", "ac236f43-700f-84f9-ad12-19bddbbd8429")]
    public void Any_other_id_is_keyed_by_its_hash_as_a_version_8_uuid(string eventId, string key)
    {
        Assert.Equal(Guid.Parse(key), EventDispatcher.InboxId(eventId));
    }

    [Fact]
    public async Task Events_applied_before_the_uuid_inbox_are_skipped_when_delivered_again_after_it()
    {
        var schema = $"s_{Guid.NewGuid():N}"[..14];
        var tenant = UniqueTenant.Next();
        string[] oldIds = ["019aaed8-4380-7712-b3f8-3f0d00491e2a", "019AAED8-4380-7712-B3F8-3F0D00491E2B", "order-42"];
        await MigrateBeforeAsync(schema, "0005");
        await RecordInOldInboxAsync(schema, tenant, oldIds);

        var configuration = new Dictionary<string, string?>(postgres.ServiceConfiguration) { ["Messaging:Transport"] = "dapr" };
        await using var host = BusHost.Build(AppId, configuration, bus => bus.Handles<Events.WorkItemReceived, RecordingHandler>(Topic, TestEvents.WorkItemReceived), schema: schema);
        await host.MigrateAsync(postgres.Server.OwnerConnectionString);
        await host.Get<EventDispatcher>().ApplyAsync(
            [.. oldIds.Select((id, i) => Received(tenant, $"old-{i}", id)), Received(tenant, "new", "order-43")], CancellationToken.None);

        Assert.Equal(["new"], await host.AppliedItemsAsync(tenant));
    }

    /// <summary>Messaging's migrations up to (not including) <paramref name="first"/>, journaled as the service's migrator journals them.</summary>
    private async Task MigrateBeforeAsync(string schema, string first)
    {
        var owner = postgres.Server.OwnerConnectionString;
        // The tests' own migrations first: that creates the schema, its journal and the tenant isolation function.
        await SchemaMigrator.MigrateAsync(owner, schema, LocalPostgres.AppRole, [typeof(BusHost).Assembly]);
        var result = DeployChanges.To
            .PostgresqlDatabase(owner, schema)
            .WithScriptsEmbeddedInAssembly(MessagingMigrations.Assembly, name => name.EndsWith(".sql", StringComparison.Ordinal)
                && string.CompareOrdinal(name.Split('.')[^2], first) < 0)
            .JournalToPostgresqlTable(schema, "schema_versions")
            .WithVariable("schema", schema)
            .WithTransactionPerScript()
            .LogToNowhere()
            .Build()
            .PerformUpgrade();
        Assert.True(result.Successful, result.Error?.Message);
    }

    private async Task RecordInOldInboxAsync(string schema, string tenant, string[] eventIds)
    {
        await using var connection = new NpgsqlConnection(postgres.Server.OwnerConnectionString);
        await connection.OpenAsync();
        await using var batch = new NpgsqlBatch(connection);
        var setTenant = new NpgsqlBatchCommand("SELECT set_config('app.tenant_id', $1, false)");
        setTenant.Parameters.Add(new NpgsqlParameter { Value = tenant });
        var insert = new NpgsqlBatchCommand($"INSERT INTO {schema}.inbox (tenant_id, consumer_group, event_id) SELECT $1, $2, unnest($3::text[])");
        insert.Parameters.Add(new NpgsqlParameter { Value = tenant });
        insert.Parameters.Add(new NpgsqlParameter { Value = AppId });
        insert.Parameters.Add(new NpgsqlParameter { Value = eventIds });
        batch.BatchCommands.Add(setTenant);
        batch.BatchCommands.Add(insert);
        await batch.ExecuteNonQueryAsync();
    }

    private static ReceivedEvent Received(string tenant, string itemId, string eventId)
    {
        var created = new EnvelopeFactory("ingestion", TimeProvider.System).Create(TestEvents.Item(Topic, tenant, itemId));
        return new(Topic, CloudEventJson.Parse(created.Envelope) with { Id = eventId });
    }
}
