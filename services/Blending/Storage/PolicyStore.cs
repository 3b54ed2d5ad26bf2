using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Data;
using Npgsql;

namespace BackOfficeCloud.Blending.Storage;

/// <summary>The policy each tenant runs by default and the queues that have one of their own.</summary>
public sealed class PolicyStore(NpgsqlDataSource dataSource)
{
    public const string DefaultPolicy = "threshold";

    public async Task SaveAsync(NpgsqlTransaction transaction, SetPolicyRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var sql = request.Queue.Length == 0
            ? """
              INSERT INTO blending.tenant_policies (tenant_id, policy) VALUES (current_setting('app.tenant_id', true), $1)
              ON CONFLICT (tenant_id) DO UPDATE SET policy = excluded.policy, changed_at = now()
              """
            : """
              INSERT INTO blending.queue_policies (tenant_id, queue, policy) VALUES (current_setting('app.tenant_id', true), $2, $1)
              ON CONFLICT (tenant_id, queue) DO UPDATE SET policy = excluded.policy, changed_at = now()
              """;
        await using var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        command.Parameters.Add(new NpgsqlParameter { Value = request.Policy });
        if (request.Queue.Length > 0)
        {
            command.Parameters.Add(new NpgsqlParameter { Value = request.Queue });
        }

        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The tenant's default policy and the queues' own, by queue name.</summary>
    public async Task<(string Default, List<QueuePolicy> Queues)> ListAsync(string tenant, CancellationToken cancellationToken)
    {
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, cancellationToken).ConfigureAwait(false);
        await using (connection)
        await using (transaction)
        {
            await using var select = new NpgsqlCommand(
                "SELECT '', policy FROM blending.tenant_policies UNION ALL SELECT queue, policy FROM blending.queue_policies ORDER BY 1",
                connection, transaction);
            await using var reader = await select.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var active = DefaultPolicy;
            var queues = new List<QueuePolicy>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var (queue, policy) = (reader.GetString(0), reader.GetString(1));
                if (queue.Length == 0)
                {
                    active = policy;
                }
                else
                {
                    queues.Add(new QueuePolicy { Queue = queue, Policy = policy });
                }
            }

            return (active, queues);
        }
    }
}
