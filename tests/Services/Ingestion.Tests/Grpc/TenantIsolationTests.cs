using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Tests.Support;
using BackOfficeCloud.TestKit;
using Grpc.Core;

namespace BackOfficeCloud.Ingestion.Tests.Grpc;

[Collection(IngestionCollection.Name)]
public sealed class TenantIsolationTests(IngestionServiceFixture service)
{
    [Fact]
    public async Task Two_tenants_with_the_same_source_ids_never_collide()
    {
        var (alpha, beta) = (UniqueTenant.Next("alpha"), UniqueTenant.Next("beta"));
        var alphaClient = await service.ClientAsync(alpha);
        var betaClient = await service.ClientAsync(beta);

        var first = await alphaClient.IngestInteractionsAsync(Build.Calls(Build.Call("c-1", queue: "billing")));
        var second = await betaClient.IngestInteractionsAsync(Build.Calls(Build.Call("c-1", queue: "sales")));

        Assert.Equal((1L, 1L), (first.Accepted, second.Accepted));
        Assert.Equal("billing:1", await service.QueryAsync<string>(alpha, "SELECT queue || ':' || version FROM ingestion.interactions"));
        Assert.Equal("sales:1", await service.QueryAsync<string>(beta, "SELECT queue || ':' || version FROM ingestion.interactions"));
    }

    [Fact]
    public async Task A_tenant_cannot_read_or_overwrite_another_tenants_data_through_any_rpc()
    {
        var (owner, intruder) = (UniqueTenant.Next("owner"), UniqueTenant.Next("intruder"));
        var ownerClient = await service.ClientAsync(owner);
        var intruderClient = await service.ClientAsync(intruder);
        var job = await ownerClient.UploadAsync(RecordKind.Interaction, Support.Imports.InteractionsCsv(3));
        await ownerClient.IngestWorkItemsAsync(new IngestWorkItemsRequest { WorkItems = { Build.Item("w-1", 0) } });

        var read = await Assert.ThrowsAsync<RpcException>(() => intruderClient.GetImportJobAsync(new GetImportJobRequest { JobId = job.JobId }).ResponseAsync);
        using var watch = intruderClient.WatchImportJob(new GetImportJobRequest { JobId = job.JobId });
        var watched = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext());
        var overwrite = await intruderClient.UploadAsync(RecordKind.Interaction, Support.Imports.InteractionsCsv(3, queue: "stolen"));
        var events = await intruderClient.IngestWorkItemEventsAsync(new IngestWorkItemEventsRequest { Events = { Build.Event("e-1", "w-1", WorkItemEventType.Cancelled, 5) } });
        var sameJobId = await intruderClient.UploadAsync(RecordKind.Interaction, "source_id\n", jobId: job.JobId);

        Assert.Equal((StatusCode.NotFound, StatusCode.NotFound), (read.StatusCode, watched.StatusCode));
        Assert.Equal(3, overwrite.Accepted);
        Assert.Equal(("work_item_id", 1L), (Assert.Single(events.Errors).Field, events.Rejected));
        Assert.Equal(ImportJobStatus.Succeeded, sameJobId.Status);
        Assert.Equal(["billing:1", "billing:1", "billing:1"], await service.ColumnAsync<string>(owner, "SELECT queue || ':' || version FROM ingestion.interactions"));
        Assert.Equal("open", await service.QueryAsync<string>(owner, "SELECT status FROM ingestion.work_items"));
        var ownerJob = await ownerClient.GetImportJobAsync(new GetImportJobRequest { JobId = job.JobId });
        Assert.Equal((3L, "test.csv"), (ownerJob.Accepted, ownerJob.FileName));
    }

    [Fact]
    public async Task A_viewer_may_read_jobs_but_not_write()
    {
        var tenant = UniqueTenant.Next();
        var viewer = await service.ClientAsync(tenant, ServiceDefaults.Security.Roles.Viewer);

        var refused = await Assert.ThrowsAsync<RpcException>(() => viewer.IngestInteractionsAsync(Build.Calls(Build.Call("c-1"))).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }
}
