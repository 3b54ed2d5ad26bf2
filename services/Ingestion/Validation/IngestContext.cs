namespace BackOfficeCloud.Ingestion.Validation;

/// <summary>What a row is checked against besides itself.</summary>
/// <param name="Now">Timestamps later than a day after this are refused.</param>
/// <param name="KnownQueues">The tenant's roster queues; null while the tenant has none (queue names are then not checked).</param>
/// <param name="KnownWorkItems">Source ids of the work items referenced by the batch that exist.</param>
public sealed record IngestContext(DateTimeOffset Now, IReadOnlySet<string>? KnownQueues, IReadOnlySet<string> KnownWorkItems)
{
    public static IngestContext Unchecked(DateTimeOffset now) => new(now, null, new HashSet<string>());
}
