using System.Collections.Concurrent;
using System.Net;
using Dapr.Client.Autogen.Grpc.v1;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Grpc.AspNetCore.Server.Model;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>
/// Plays daprd's gRPC API for publishing (<c>dapr.proto.runtime.v1.Dapr/PublishEvent</c> and its bulk publish) on a
/// loopback port and keeps every request, so a test sees exactly what the Dapr transport sent to the sidecar.
/// </summary>
public sealed class StandInSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInSidecar(WebApplication app) => _app = app;

    public ConcurrentQueue<PublishEventRequest> Published => _app.Services.GetRequiredService<SidecarService>().Published;

    public ConcurrentQueue<BulkPublishRequest> BulkPublished => _app.Services.GetRequiredService<SidecarService>().BulkPublished;

    /// <summary>For <c>DaprClientBuilder.UseGrpcEndpoint</c> (configuration <c>Messaging:DaprGrpcEndpoint</c>).</summary>
    public string GrpcEndpoint => _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

    public static async Task<StandInSidecar> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.Protocols = HttpProtocols.Http2));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddGrpc();
        builder.Services.AddSingleton<SidecarService>();
        builder.Services.AddSingleton<IServiceMethodProvider<SidecarService>, SidecarMethods>();
        var app = builder.Build();
        app.MapGrpcService<SidecarService>();
        await app.StartAsync();
        return new StandInSidecar(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    public sealed class SidecarService
    {
        public ConcurrentQueue<PublishEventRequest> Published { get; } = new();

        public ConcurrentQueue<BulkPublishRequest> BulkPublished { get; } = new();

        public Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
        {
            Published.Enqueue(request);
            return Task.FromResult(new Empty());
        }

        public Task<BulkPublishResponse> BulkPublishEvent(BulkPublishRequest request, ServerCallContext context)
        {
            BulkPublished.Enqueue(request);
            return Task.FromResult(new BulkPublishResponse());
        }
    }

    // Dapr.Protos ships only the client side of the Dapr service, so the methods are bound by hand. Bulk publish answers
    // under its stable name and its older alpha one, whichever the client tries.
    private sealed class SidecarMethods : IServiceMethodProvider<SidecarService>
    {
        private const string Service = "dapr.proto.runtime.v1.Dapr";

        private static readonly Method<PublishEventRequest, Empty> PublishEvent = new(
            MethodType.Unary, Service, "PublishEvent",
            Marshallers.Create(r => r.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), Empty.Parser.ParseFrom));

        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<SidecarService> context)
        {
            context.AddUnaryMethod(PublishEvent, [], (service, request, call) => service.PublishEvent(request, call));
            foreach (var name in new[] { "BulkPublishEvent", "BulkPublishEventAlpha1" })
            {
                context.AddUnaryMethod(BulkPublish(name), [], (service, request, call) => service.BulkPublishEvent(request, call));
            }
        }

        private static Method<BulkPublishRequest, BulkPublishResponse> BulkPublish(string name) => new(
            MethodType.Unary, Service, name,
            Marshallers.Create(r => r.ToByteArray(), BulkPublishRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), BulkPublishResponse.Parser.ParseFrom));
    }
}
