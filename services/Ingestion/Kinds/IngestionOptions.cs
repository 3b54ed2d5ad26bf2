namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>Configuration section <c>Ingestion</c>.</summary>
public sealed record IngestionOptions
{
    public const string Section = "Ingestion";

    /// <summary>A contact of the same customer within this time after an earlier one is flagged as a repeat.</summary>
    public TimeSpan RepeatContactWindow { get; init; } = TimeSpan.FromHours(72);

    /// <summary>Most records in one unary or streamed batch.</summary>
    public int MaxBatchRecords { get; init; } = 10_000;

    /// <summary>Rows of a file written per transaction.</summary>
    public int ImportChunkRows { get; init; } = 5_000;

    /// <summary>Largest file an import takes.</summary>
    public long MaxImportBytes { get; init; } = 4L * 1024 * 1024 * 1024;

    /// <summary>Row errors kept per import job (the counts stay exact).</summary>
    public int MaxImportErrors { get; init; } = 1_000;

    /// <summary>Tenants whose metrics carry their own tenant label; the others share "other" (bounded cardinality).</summary>
    public IReadOnlyList<string> MetricTenants { get; init; } = [];
}
