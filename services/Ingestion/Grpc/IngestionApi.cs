using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Data;
using BackOfficeCloud.Ingestion.Events;
using BackOfficeCloud.Ingestion.Storage;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;
using Npgsql;

namespace BackOfficeCloud.Ingestion.Grpc;

[Authorize(Roles = Roles.Writers)]
public sealed class IngestionApi(NpgsqlDataSource dataSource, InteractionStore interactions, InteractionEvents events, TimeProvider clock)
    : IngestionService.IngestionServiceBase
{
    public override async Task<IngestResult> IngestInteractions(IngestInteractionsRequest request, ServerCallContext context)
    {
        var tenant = context.Tenant();
        var now = clock.GetUtcNow();
        var result = new IngestResult { Received = request.Interactions.Count };
        var valid = new List<Interaction>(request.Interactions.Count);
        for (var row = 0; row < request.Interactions.Count; row++)
        {
            var errors = InteractionValidator.Validate(request.Interactions[row], row, now);
            if (errors.Count == 0)
            {
                valid.Add(request.Interactions[row]);
            }
            else
            {
                result.Errors.AddRange(errors);
                result.Rejected++;
            }
        }

        if (result.Rejected > 0 && request.Policy == InvalidRowPolicy.RejectAll)
        {
            return result;
        }

        var (connection, transaction) = await dataSource.OpenTenantTransactionAsync(tenant, context.CancellationToken);
        await using (connection)
        {
            var stored = await interactions.UpsertAsync(connection, transaction, valid, context.CancellationToken);
            await events.EnqueueAsync(tenant, stored, transaction, context.CancellationToken);
            await transaction.CommitAsync(context.CancellationToken);
            result.Accepted = stored.Count(s => s.Outcome == StoreOutcome.Inserted);
            result.Updated = stored.Count(s => s.Outcome == StoreOutcome.Updated);
            result.Duplicates = stored.Count(s => s.Outcome == StoreOutcome.Duplicate);
        }

        return result;
    }
}
