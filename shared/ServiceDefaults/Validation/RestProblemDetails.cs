using System.Text.Json;
using System.Text.Json.Nodes;
using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace BackOfficeCloud.ServiceDefaults.Validation;

/// <summary>
/// REST callers get errors as RFC 7807 problem details (<c>application/problem+json</c>) with one entry per invalid
/// field, instead of the google.rpc.Status JSON that gRPC JSON transcoding writes. gRPC callers are left alone.
/// </summary>
public static class RestProblemDetails
{
    public static IApplicationBuilder UseRestProblemDetails(this IApplicationBuilder app) => app.Use(async (context, next) =>
    {
        var transcoded = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>() is not null
            && context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true;
        if (!transcoded)
        {
            await next(context);
            return;
        }

        var original = context.Response.Body;
        using var buffer = new MemoryStream();
        context.Response.Body = buffer;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }

        if (context.Response.StatusCode >= 400 && TryConvert(buffer.ToArray(), context, out var problem))
        {
            context.Response.ContentType = "application/problem+json";
            context.Response.ContentLength = problem.Length;
            await original.WriteAsync(problem, context.RequestAborted);
            return;
        }

        buffer.Position = 0;
        await buffer.CopyToAsync(original, context.RequestAborted);
    });

    private static bool TryConvert(byte[] body, HttpContext context, out byte[] problem)
    {
        problem = [];
        JsonNode? status;
        try
        {
            status = JsonNode.Parse(body);
        }
        catch (JsonException)
        {
            return false;
        }

        if (status?["message"] is null)
        {
            return false;
        }

        var errors = new JsonArray();
        foreach (var detail in status["details"]?.AsArray() ?? [])
        {
            foreach (var violation in detail?["fieldViolations"]?.AsArray() ?? [])
            {
                errors.Add(new JsonObject { ["field"] = violation?["field"]?.GetValue<string>(), ["description"] = violation?["description"]?.GetValue<string>() });
            }
        }

        var document = new JsonObject
        {
            ["type"] = "about:blank",
            ["title"] = Title(context.Response.StatusCode),
            ["status"] = context.Response.StatusCode,
            ["detail"] = status["message"]!.GetValue<string>(),
            ["instance"] = context.Request.Path.Value,
            ["grpcCode"] = status["code"]?.GetValue<int>(),
            ["errors"] = errors,
        };
        problem = JsonSerializer.SerializeToUtf8Bytes(document);
        return true;
    }

    private static string Title(int status) => status switch
    {
        400 => "The request is invalid",
        401 => "Authentication is required",
        403 => "This role may not do that",
        404 => "Not found",
        409 => "Conflict",
        503 => "The service is unavailable",
        _ => "The request failed",
    };
}
