using BackOfficeCloud.Contracts.Analytics.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Analytics.Grpc;

[Authorize(Roles = Roles.Readers)]
public sealed class AnalyticsApi(NpgsqlDataSource dataSource) : AnalyticsService.AnalyticsServiceBase
{
    public override async Task<InteractionCount> GetInteractionCount(GetInteractionCountRequest request, ServerCallContext context)
    {
        var tenant = context.Tenant();
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        {
            // No tenant filter needed: row-level security scopes the count to the caller's tenant.
            await using var count = new NpgsqlCommand(
                "SELECT count(*) FROM analytics.interactions_seen WHERE ($1 = '' OR queue = $1)", connection, transaction);
            count.Parameters.Add(new NpgsqlParameter { Value = request.Queue });
            var total = (long)(await count.ExecuteScalarAsync(context.CancellationToken))!;
            return new InteractionCount { TenantId = tenant, Count = total };
        }
    }
}
