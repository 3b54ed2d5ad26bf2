using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Imports;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace BackOfficeCloud.Ingestion.Grpc;

public sealed partial class IngestionApi
{
    private static readonly TimeSpan WatchPollInterval = TimeSpan.FromMilliseconds(500);

    public override async Task<ImportJob> StartImport(IAsyncStreamReader<ImportChunk> requestStream, ServerCallContext context)
    {
        var tenant = context.Tenant();
        if (!await requestStream.MoveNext(context.CancellationToken) || requestStream.Current.PartCase != ImportChunk.PartOneofCase.Header)
        {
            throw new ValidationException("header", "the first message of an import must be its header (kind, format, mapping)");
        }

        var header = requestStream.Current.Header;
        var pump = new UploadPump(options.MaxImportBytes);
        var upload = pump.PumpAsync(DataOf(requestStream, context.CancellationToken), context.CancellationToken);
        var job = await imports.RunAsync(tenant, header, pump.Reader, () => pump.BytesRead, context.CancellationToken);
        await upload;
        return job;
    }

    [Authorize(Roles = Roles.Readers)]
    public override async Task<ImportJob> GetImportJob(GetImportJobRequest request, ServerCallContext context) =>
        await jobs.GetAsync(context.Tenant(), ParseJobId(request.JobId), options.MaxImportErrors, context.CancellationToken)
        ?? throw new RpcException(new Status(StatusCode.NotFound, $"import job {request.JobId} does not exist"));

    [Authorize(Roles = Roles.Readers)]
    public override async Task WatchImportJob(GetImportJobRequest request, IServerStreamWriter<ImportJob> responseStream, ServerCallContext context)
    {
        var previous = (ImportJob?)null;
        while (true)
        {
            var job = await GetImportJob(request, context);
            if (!job.Equals(previous))
            {
                await responseStream.WriteAsync(job, context.CancellationToken);
                previous = job;
            }

            if (job.Status != ImportJobStatus.Running)
            {
                return;
            }

            await Task.Delay(WatchPollInterval, context.CancellationToken);
        }
    }

    private static Guid ParseJobId(string jobId) =>
        Guid.TryParse(jobId, out var id) ? id : throw new ValidationException("job_id", $"'{jobId}' is not a UUID");

    private static async IAsyncEnumerable<ReadOnlyMemory<byte>> DataOf(
        IAsyncStreamReader<ImportChunk> chunks, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (await chunks.MoveNext(cancellationToken))
        {
            if (chunks.Current.PartCase != ImportChunk.PartOneofCase.Data)
            {
                throw new InvalidDataException("only the first message of an import may be a header");
            }

            yield return chunks.Current.Data.Memory;
        }
    }
}
