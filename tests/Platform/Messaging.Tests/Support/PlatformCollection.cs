using BackOfficeCloud.TestKit;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>One PostgreSQL cluster and one Kafka dev broker for every test; each test uses its own schemas, topics and tenants.</summary>
[CollectionDefinition(Name)]
public sealed class PlatformCollection : ICollectionFixture<PostgresFixture>, ICollectionFixture<KafkaFixture>
{
    public const string Name = "platform";
}
