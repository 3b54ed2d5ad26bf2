using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.Ingestion.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using NpgsqlTypes;

namespace BackOfficeCloud.Ingestion.Tests.Kinds;

/// <summary>
/// Timestamps go to PostgreSQL as microseconds since 2000 (<see cref="PostgresTimestamp"/>) instead of as DateTime: the
/// stored value must be the one Npgsql wrote for the DateTime, or a record stored before would no longer be a duplicate.
/// </summary>
[Collection(IngestionCollection.Name)]
public sealed class PostgresTimestampTests(IngestionServiceFixture service)
{
    public static TheoryData<DateTime> Instants => new()
    {
        new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc),
        new DateTime(2026, 11, 20, 9, 0, 0, DateTimeKind.Utc).AddTicks(1_234_567),
        // before 2000 the microseconds are negative: both round toward zero
        new DateTime(1995, 3, 4, 5, 6, 7, DateTimeKind.Utc).AddTicks(9),
        new DateTime(9999, 12, 31, 23, 59, 59, DateTimeKind.Utc),
        DateTime.MaxValue,
        DateTime.MinValue,
    };

    [Fact]
    public void Counts_microseconds_from_2000()
    {
        Assert.Equal(0, PostgresTimestamp.Micros(new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        Assert.Equal(86_400_000_001, PostgresTimestamp.Micros(new DateTime(2000, 1, 2, 0, 0, 0, DateTimeKind.Utc).AddTicks(19)));
        Assert.Equal(-1, PostgresTimestamp.Micros(new DateTime(1999, 12, 31, 23, 59, 59, DateTimeKind.Utc).AddTicks(9_999_989)));
    }

    [Theory]
    [MemberData(nameof(Instants))]
    public async Task Stores_what_Npgsql_stores_for_the_DateTime(DateTime instant)
    {
        await using var command = service.Services.GetRequiredService<NpgsqlDataSource>().CreateCommand("SELECT $1 IS NOT DISTINCT FROM $2, $2::text");
        command.Parameters.Add(new NpgsqlParameter<DateTime> { TypedValue = instant, NpgsqlDbType = NpgsqlDbType.TimestampTz });
        command.Parameters.Add(new NpgsqlParameter<long> { TypedValue = PostgresTimestamp.Micros(instant), NpgsqlDbType = NpgsqlDbType.TimestampTz });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.True(reader.GetBoolean(0), $"{instant:O} was stored as {reader.GetString(1)}");
    }
}
