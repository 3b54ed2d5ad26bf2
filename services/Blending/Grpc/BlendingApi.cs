using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Blending.Grpc;

[Authorize(Roles = Roles.Readers)]
public sealed class BlendingApi(NpgsqlDataSource dataSource) : BlendingService.BlendingServiceBase
{
    public const string DefaultPolicy = "threshold";

    private static readonly Dictionary<string, string> Descriptions = new()
    {
        ["threshold"] = "Keeps a reserve of free agents per queue sized from the next minutes' forecast and the service-level target; hands back-office work to the rest and recalls agents before service slips.",
        ["silo"] = "No blending: phone agents stay on the phones, back-office work waits for the back-office team.",
        ["greedy"] = "Hands back-office work to every free agent at once; recalls only when contacts wait.",
    };

    public override async Task<ListPoliciesResponse> ListPolicies(ListPoliciesRequest request, ServerCallContext context)
    {
        var tenant = context.Tenant();
        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        {
            await using var select = new NpgsqlCommand("SELECT policy FROM blending.tenant_policies", connection, transaction);
            var active = await select.ExecuteScalarAsync(context.CancellationToken) as string ?? DefaultPolicy;
            var response = new ListPoliciesResponse();
            response.Policies.AddRange(BlendingPolicies.Names.Select(name => new BlendingPolicy
            {
                Name = name,
                Description = Descriptions.GetValueOrDefault(name, ""),
                Active = name == active,
            }));
            return response;
        }
    }
}
