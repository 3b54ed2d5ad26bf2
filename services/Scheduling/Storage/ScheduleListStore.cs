using System.Text.Json;
using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Scheduling.Model;
using Google.Protobuf.WellKnownTypes;
using Npgsql;

namespace BackOfficeCloud.Scheduling.Storage;

/// <summary>The latest version of the newest schedule of each planning period (horizon), newest periods first.</summary>
public sealed class ScheduleListStore
{
    public const int MaxSchedules = 100;

    private const string LatestPerPeriodSql = """
        SELECT schedule_id, version, horizon::text, queues::text, employees, created_at, published_at FROM (
            SELECT DISTINCT ON (problem->'horizon') schedule_id, version, problem->'horizon' AS horizon,
                jsonb_path_query_array(problem, '$.queues[*].skill') AS queues,
                (SELECT count(DISTINCT s->>'employee_id') FROM jsonb_array_elements(result->'schedule'->'shifts') s)::int AS employees,
                created_at, published_at
            FROM scheduling.schedules
            ORDER BY problem->'horizon', created_at DESC, version DESC) latest
        ORDER BY horizon->>'first_day' DESC, created_at DESC
        LIMIT $1
        """;

    public async Task<IReadOnlyList<ScheduleSummary>> LatestPerPeriodAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        await using var select = new NpgsqlCommand(LatestPerPeriodSql, transaction.Connection, transaction);
        select.Parameters.Add(new NpgsqlParameter { Value = MaxSchedules });
        await using var reader = await select.ExecuteReaderAsync(cancellationToken);
        var summaries = new List<ScheduleSummary>();
        while (await reader.ReadAsync(cancellationToken))
        {
            var horizon = JsonSerializer.Deserialize<Horizon>(reader.GetString(2), SchedulingJson.Options)!;
            var zone = LocalTime.FindZone(horizon.TimeZone);
            summaries.Add(new ScheduleSummary
            {
                ScheduleId = reader.GetGuid(0).ToString(),
                Version = reader.GetInt32(1),
                PeriodStart = Timestamp.FromDateTimeOffset(LocalTime.StartOfDay(zone, horizon.FirstDay)),
                PeriodEnd = Timestamp.FromDateTimeOffset(LocalTime.StartOfDay(zone, horizon.FirstDay.AddDays(horizon.Days))),
                TimeZone = horizon.TimeZone,
                IntervalMinutes = horizon.IntervalMinutes,
                Queues = { JsonSerializer.Deserialize<string[]>(reader.GetString(3)) ?? [] },
                Employees = reader.GetInt32(4),
                CreatedAt = Timestamp.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(5)),
                PublishedAt = reader.IsDBNull(6) ? null : Timestamp.FromDateTimeOffset(reader.GetFieldValue<DateTimeOffset>(6)),
            });
        }

        return summaries;
    }
}
