using System.Text;
using BackOfficeCloud.Contracts.Ingestion.V1;
using Google.Protobuf;

namespace BackOfficeCloud.Ingestion.Tests.Support;

/// <summary>Uploads a file through StartImport in small chunks, as the CLI does.</summary>
public static class Imports
{
    public static async Task<ImportJob> UploadAsync(
        this IngestionService.IngestionServiceClient client, RecordKind kind, string content, ColumnMapping? mapping = null,
        InvalidRowPolicy policy = InvalidRowPolicy.AcceptValid, FileFormat format = FileFormat.Csv, string? jobId = null)
    {
        using var call = client.StartImport();
        await call.RequestStream.WriteAsync(new ImportChunk
        {
            Header = new ImportHeader { Kind = kind, Format = format, Mapping = mapping ?? new ColumnMapping(), Policy = policy, FileName = "test.csv", JobId = jobId ?? "" },
        });
        var bytes = Encoding.UTF8.GetBytes(content);
        foreach (var chunk in bytes.Chunk(4096))
        {
            await call.RequestStream.WriteAsync(new ImportChunk { Data = ByteString.CopyFrom(chunk) });
        }

        await call.RequestStream.CompleteAsync();
        return await call;
    }

    /// <summary>A CSV of interactions: header plus <paramref name="rows"/> rows with source ids call-0, call-1, …</summary>
    public static string InteractionsCsv(int rows, string queue = "billing", Func<int, string>? bad = null)
    {
        var csv = new StringBuilder("source_id,channel,queue,arrived_at,answered_at,ended_at,talk_seconds,customer_ref\n");
        var start = new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero);
        for (var i = 0; i < rows; i++)
        {
            var arrived = start.AddMinutes(i);
            csv.Append(bad?.Invoke(i) ?? $"call-{i},voice,{queue},{arrived:O},{arrived.AddSeconds(20):O},{arrived.AddMinutes(5):O},280,cust-{i}").Append('\n');
        }

        return csv.ToString();
    }
}
