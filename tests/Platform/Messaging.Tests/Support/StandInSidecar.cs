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
/// Plays daprd's gRPC API for publishing (<c>dapr.proto.runtime.v1.Dapr/PublishEvent</c>) on a loopback port and keeps
/// every request, so a test sees exactly what the Dapr transport sent to the sidecar.
/// </summary>
public sealed class StandInSidecar : IAsyncDisposable
{
    private readonly WebApplication _app;

    private StandInSidecar(WebApplication app) => _app = app;

    public ConcurrentQueue<PublishEventRequest> Published => _app.Services.GetRequiredService<SidecarService>().Published;

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

        public Task<Empty> PublishEvent(PublishEventRequest request, ServerCallContext context)
        {
            Published.Enqueue(request);
            return Task.FromResult(new Empty());
        }
    }

    // Dapr.Protos ships only the client side of the Dapr service, so the one method is bound by hand.
    private sealed class SidecarMethods : IServiceMethodProvider<SidecarService>
    {
        private static readonly Method<PublishEventRequest, Empty> PublishEvent = new(
            MethodType.Unary, "dapr.proto.runtime.v1.Dapr", "PublishEvent",
            Marshallers.Create(r => r.ToByteArray(), PublishEventRequest.Parser.ParseFrom),
            Marshallers.Create(r => r.ToByteArray(), Empty.Parser.ParseFrom));

        public void OnServiceMethodDiscovery(ServiceMethodProviderContext<SidecarService> context) =>
            context.AddUnaryMethod(PublishEvent, [], (service, request, call) => service.PublishEvent(request, call));
    }
}
