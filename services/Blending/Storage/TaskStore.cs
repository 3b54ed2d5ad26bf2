using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Messaging.Envelope;
using Npgsql;

namespace BackOfficeCloud.Blending.Storage;

/// <summary>Each agent's numbered task stream; committing tasks wakes the streams of their agents (NOTIFY is sent on commit).</summary>
public sealed class TaskStore(NpgsqlDataSource dataSource)
{
    public const string Channel = "blending_agent_tasks";

    private const string InsertSql = """
        WITH appended AS (
            INSERT INTO blending.agent_tasks (tenant_id, agent_id, seq, task)
            SELECT current_setting('app.tenant_id', true), t.agent, t.seq, t.task FROM unnest($1::text[], $2::bigint[], $3::text[]) AS t(agent, seq, task)
            RETURNING agent_id)
        SELECT pg_notify($4, current_setting('app.tenant_id', true) || '/' || a.agent_id) FROM (SELECT DISTINCT agent_id FROM appended) AS a
        """;

    public async Task AppendAsync(NpgsqlTransaction transaction, IReadOnlyList<AgentTask> tasks, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(InsertSql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = tasks.Select(t => t.AgentId).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tasks.Select(t => t.Sequence).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = tasks.Select(t => ProtoJson.Format(t)).ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = Channel });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The last sequence of every agent's stream.</summary>
    public async Task<Dictionary<string, long>> LastSequencesAsync(NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand("SELECT agent_id, max(seq) FROM blending.agent_tasks GROUP BY agent_id", transaction.Connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var last = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            last[reader.GetString(0)] = reader.GetInt64(1);
        }

        return last;
    }

    /// <summary>The agent's committed tasks after <paramref name="afterSequence"/>, in order.</summary>
    public async Task<List<AgentTask>> ReadAfterAsync(string tenant, string agentId, long afterSequence, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var command = new NpgsqlCommand(
                "SELECT task FROM blending.agent_tasks WHERE agent_id = $1 AND seq > $2 ORDER BY seq", connection, transaction);
            command.Parameters.Add(new NpgsqlParameter { Value = agentId });
            command.Parameters.Add(new NpgsqlParameter { Value = afterSequence });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var tasks = new List<AgentTask>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                tasks.Add(ProtoJson.Parse<AgentTask>(reader.GetString(0)));
            }

            return tasks;
        }
    }
}
