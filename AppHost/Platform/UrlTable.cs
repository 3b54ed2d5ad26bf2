using BackOfficeCloud.Contracts;

namespace BackOfficeCloud.AppHost.Platform;

/// <summary>The one table that says where everything answers.</summary>
public static class UrlTable
{
    public static void Print(TextWriter output, PlatformHost platform)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(platform);
        var rows = new List<(string Name, string Http, string Grpc, string Metrics)>
        {
            ("NAME", "REST / WEB", "gRPC", "METRICS"),
        };
        rows.AddRange(platform.Options.Services.Select(s => (s.Name, s.HttpUrl.ToString(), s.Name == ServiceNames.Portal ? "-" : s.GrpcUrl.ToString(), new Uri(s.HttpUrl, "/metrics").ToString())));
        var widths = new[] { rows.Max(r => r.Name.Length), rows.Max(r => r.Http.Length), rows.Max(r => r.Grpc.Length) };
        output.WriteLine();
        output.WriteLine("BackOfficeCloud is running. Ctrl+C stops everything.");
        foreach (var (name, http, grpc, metrics) in rows)
        {
            output.WriteLine($"  {name.PadRight(widths[0])}  {http.PadRight(widths[1])}  {grpc.PadRight(widths[2])}  {metrics}");
        }

        output.WriteLine($"  postgres   {Redact(platform.PostgresConnection)}");
        output.WriteLine($"  kafka      {platform.KafkaBootstrapServers}");
        output.WriteLine();
        output.WriteLine($"  portal sign-in: {DevDefaults.Email} / {DevDefaults.Password}   (tenant '{DevDefaults.Tenant}')");
        output.WriteLine($"  API key:        {DevDefaults.ApiKey}   (header x-api-key)");
        output.WriteLine();
    }

    private static string Redact(string connection) =>
        string.Join(';', connection.Split(';').Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase)));
}
