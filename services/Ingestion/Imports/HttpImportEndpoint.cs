using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Kinds;
using BackOfficeCloud.ServiceDefaults.Security;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http.Features;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// <c>POST /v1/imports/{kind}?format=csv|jsonl&amp;policy=reject_all&amp;file_name=…&amp;job_id=…</c> with the file as the
/// body (curl --data-binary @file) and the column mapping as proto JSON in the <c>X-Import-Mapping</c> header; answers
/// with the finished job. The body is streamed, not buffered, up to <see cref="IngestionOptions.MaxImportBytes"/>.
/// </summary>
public static class HttpImportEndpoint
{
    public const string MappingHeader = "X-Import-Mapping";

    public static IEndpointRouteBuilder MapHttpImport(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapPost("/v1/imports/{kind}", ImportAsync).RequireAuthorization(new AuthorizeAttribute { Roles = Roles.Writers });
        return endpoints;
    }

    private static async Task<IResult> ImportAsync(
        HttpContext http, string kind, string? format, string? policy, string? file_name, string? job_id, ImportRunner imports, IngestionOptions options)
    {
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = options.MaxImportBytes;
        }

        var header = new ImportHeader
        {
            Kind = RecordKinds.ByName.TryGetValue(kind, out var recordKind) ? recordKind
                : throw new ValidationException("kind", $"'{kind}' is not a kind: use one of {string.Join(", ", RecordKinds.ByName.Keys)}"),
            Format = format?.ToLowerInvariant() switch
            {
                null or "" or "csv" => FileFormat.Csv,
                "jsonl" or "json_lines" or "ndjson" => FileFormat.JsonLines,
                _ => throw new ValidationException("format", $"'{format}' is not csv or jsonl"),
            },
            Policy = policy?.ToLowerInvariant() switch
            {
                null or "" or "accept_valid" => InvalidRowPolicy.AcceptValid,
                "reject_all" => InvalidRowPolicy.RejectAll,
                _ => throw new ValidationException("policy", $"'{policy}' is not accept_valid or reject_all"),
            },
            FileName = file_name ?? "",
            JobId = job_id ?? "",
            Mapping = Mapping(http.Request.Headers[MappingHeader].ToString()),
        };
        var pump = new UploadPump(options.MaxImportBytes);
        var upload = pump.PumpAsync(UploadPump.ChunksOf(http.Request.Body, http.RequestAborted), http.RequestAborted);
        var job = await imports.RunAsync(http.User.Tenant(), header, pump.Reader, () => pump.BytesRead, http.RequestAborted);
        await upload;
        return Results.Content(JsonFormatter.Default.Format(job), "application/json");
    }

    private static ColumnMapping Mapping(string json)
    {
        try
        {
            return string.IsNullOrWhiteSpace(json) ? new ColumnMapping() : ColumnMapping.Parser.ParseJson(json);
        }
        catch (InvalidJsonException e)
        {
            throw new ValidationException(MappingHeader, "is not a ColumnMapping in JSON: " + e.Message);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ValidationException(MappingHeader, "is not a ColumnMapping in JSON: " + e.Message);
        }
    }
}
