using System.Diagnostics;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Prometheus;

namespace BackOfficeCloud.ServiceDefaults.Observability;

/// <summary>Request count, duration and status code per gRPC method (also for calls that arrive as REST).</summary>
public sealed class GrpcServerMetricsInterceptor : Interceptor
{
    private static readonly string[] Labels = ["grpc_service", "grpc_method", "grpc_code"];

    private static readonly Counter Handled = Metrics.CreateCounter(
        "grpc_server_handled_total", "RPCs completed on the server, by method and status code.", Labels);

    private static readonly Histogram Duration = Metrics.CreateHistogram(
        "grpc_server_handling_seconds", "Time to complete an RPC on the server.",
        new HistogramConfiguration { LabelNames = Labels, Buckets = Histogram.ExponentialBuckets(0.001, 2, 16) });

    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, async () => { await continuation(request, responseStream, context).ConfigureAwait(false); return true; });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Measure(context, async () => { await continuation(requestStream, responseStream, context).ConfigureAwait(false); return true; });

    private static async Task<T> Measure<T>(ServerCallContext context, Func<Task<T>> call)
    {
        var (service, method) = Split(context.Method);
        var started = Stopwatch.GetTimestamp();
        var code = StatusCode.OK;
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (RpcException ex)
        {
            code = ex.StatusCode;
            throw;
        }
        catch
        {
            code = StatusCode.Unknown;
            throw;
        }
        finally
        {
            var codeName = code.ToString();
            Handled.WithLabels(service, method, codeName).Inc();
            Duration.WithLabels(service, method, codeName).Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        }
    }

    private static (string Service, string Method) Split(string fullMethod)
    {
        var slash = fullMethod.LastIndexOf('/');
        return slash <= 0 ? ("", fullMethod) : (fullMethod[1..slash], fullMethod[(slash + 1)..]);
    }
}
