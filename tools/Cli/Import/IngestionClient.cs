using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.ServiceDefaults.Security;
using Google.Protobuf;
using Grpc.Core;
using Grpc.Net.Client;

namespace BackOfficeCloud.Cli.Import;

/// <summary>The Ingestion service's gRPC client with an API key, and the file upload both `import` and the bench use.</summary>
internal static class IngestionClient
{
    /// <summary>AppHost's ingestion gRPC port and its development API key (AppHost/appsettings.json, AppHost/Platform/DevDefaults.cs).</summary>
    public const string LocalUrl = "http://127.0.0.1:5102";

    public const string LocalApiKey = "bok_local_demo_key_for_development_only";

    private const int ChunkBytes = 64 * 1024;

    public static (GrpcChannel Channel, IngestionService.IngestionServiceClient Client) Connect(Uri url, string apiKey)
    {
        var channel = GrpcChannel.ForAddress(url, new GrpcChannelOptions
        {
            Credentials = ChannelCredentials.Create(ChannelCredentials.Insecure, CallCredentials.FromInterceptor((_, metadata) =>
            {
                metadata.Add(PlatformAuthenticationHandler.ApiKeyHeader, apiKey);
                return Task.CompletedTask;
            })),
            UnsafeUseInsecureChannelCallCredentials = true,
            MaxReceiveMessageSize = 64 * 1024 * 1024,
        });
        return (channel, new IngestionService.IngestionServiceClient(channel));
    }

    /// <summary>Streams the file in 64 KiB chunks after the header.</summary>
    public static async Task<ImportJob> UploadAsync(
        IngestionService.IngestionServiceClient client, ImportHeader header, Stream file, CancellationToken cancellationToken)
    {
        using var call = client.StartImport(cancellationToken: cancellationToken);
        await call.RequestStream.WriteAsync(new ImportChunk { Header = header }, cancellationToken);
        var buffer = new byte[ChunkBytes];
        int read;
        try
        {
            while ((read = await file.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await call.RequestStream.WriteAsync(new ImportChunk { Data = ByteString.CopyFrom(buffer, 0, read) }, cancellationToken);
            }

            await call.RequestStream.CompleteAsync();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.OK)
        {
            // the service ended the job before the end of the file (it failed): its answer says why
        }

        return await call;
    }

    /// <summary>A kind by its name in the CLI: interactions, interval_statistics, work_items, work_item_events, agent_states, roster_agents, roster_queues.</summary>
    public static RecordKind ParseKind(string name)
    {
        var singular = name.EndsWith('s') ? name[..^1] : name;
        var value = ImportHeader.Descriptor.FindFieldByName("kind").EnumType.FindValueByName("RECORD_KIND_" + singular.ToUpperInvariant().Replace('-', '_'));
        return value is null || value.Number == 0
            ? throw new ArgumentException($"'{name}' is not a kind: use interactions, interval_statistics, work_items, work_item_events, agent_states, roster_agents or roster_queues.")
            : (RecordKind)value.Number;
    }
}
