using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;

namespace BackOfficeCloud.ServiceDefaults.Validation;

/// <summary>
/// Turns validation failures into InvalidArgument with google.rpc.BadRequest field violations (JSON transcoding
/// answers them as HTTP 400 with the same details), and anything unexpected into Internal without leaking internals.
/// </summary>
public sealed partial class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public override Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation) =>
        Guard(context, () => continuation(request, context));

    public override Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(context, () => continuation(requestStream, context));

    public override Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, ServerStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(context, async () => { await continuation(request, responseStream, context).ConfigureAwait(false); return true; });

    public override Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, IServerStreamWriter<TResponse> responseStream, ServerCallContext context, DuplexStreamingServerMethod<TRequest, TResponse> continuation) =>
        Guard(context, async () => { await continuation(requestStream, responseStream, context).ConfigureAwait(false); return true; });

    private async Task<T> Guard<T>(ServerCallContext context, Func<Task<T>> call)
    {
        try
        {
            return await call().ConfigureAwait(false);
        }
        catch (Exception ex) when (Map(ex, context) is { } mapped)
        {
            throw mapped;
        }
    }

    private RpcException? Map(Exception exception, ServerCallContext context)
    {
        switch (exception)
        {
            case RpcException:
            case OperationCanceledException when context.CancellationToken.IsCancellationRequested:
                return null;
            case ValidationException validation:
                return InvalidArgument(validation.Message, validation.Violations);
            case ArgumentException argument:
                return InvalidArgument(argument.Message, [new FieldViolation(argument.ParamName ?? "", argument.Message)]);
            default:
                LogUnexpected(logger, context.Method, exception);
                return new RpcException(new Grpc.Core.Status(StatusCode.Internal, "The service failed to handle the request; it has been logged."));
        }
    }

    private static RpcException InvalidArgument(string message, IReadOnlyList<FieldViolation> violations)
    {
        var badRequest = new BadRequest();
        badRequest.FieldViolations.AddRange(violations.Select(v => new BadRequest.Types.FieldViolation { Field = v.Field, Description = v.Description }));
        var status = new Google.Rpc.Status
        {
            Code = (int)Code.InvalidArgument,
            Message = message,
            Details = { Google.Protobuf.WellKnownTypes.Any.Pack(badRequest) },
        };
        return status.ToRpcException();
    }

    [LoggerMessage(EventId = 1001, Level = LogLevel.Error, Message = "Unhandled error in {Method}")]
    private static partial void LogUnexpected(ILogger logger, string method, Exception exception);
}
