namespace BackOfficeCloud.DevInfra.Postgres;

/// <param name="DataDirectory">Where the cluster lives; null for a throwaway cluster deleted on dispose.</param>
/// <param name="Port">TCP port on 127.0.0.1; 0 picks a free one.</param>
/// <param name="Durable">
/// False turns fsync off: right for tests, wrong for data you want to keep. True keeps PostgreSQL's durability and tunes
/// memory, WAL and checkpoints as for production (benchmarks, AppHost's persistent cluster).
/// </param>
public sealed record LocalPostgresOptions(string? DataDirectory = null, int Port = 0, bool Durable = false);
