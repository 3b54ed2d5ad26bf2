namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>What storing one record did: new, corrected (a changed record with a known source id) or nothing.</summary>
public enum StoreOutcome
{
    Inserted,
    Updated,
    Duplicate,
}

/// <summary>A valid record of a batch and where it came from (batch index or file line).</summary>
public sealed record RowRecord<T>(long Row, T Record);

/// <summary>
/// A record after the write: its platform id and version (both empty for a duplicate) and the value of its kind's derived
/// column as written (<see cref="IDerivedColumn{T}"/>; null for none, or for a duplicate, whose stored row is left as it is).
/// </summary>
public sealed record StoredRecord<T>(long Row, T Record, string SourceId, Guid RecordId, int Version, StoreOutcome Outcome, string? Derived = null);
