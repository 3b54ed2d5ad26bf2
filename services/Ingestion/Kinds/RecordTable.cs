namespace BackOfficeCloud.Ingestion.Kinds;

/// <summary>
/// Where a kind is stored: a table keyed by (tenant_id, source_id) with a platform id column, a version and the
/// kind's <paramref name="Columns"/> (source_id excluded; it is written from <see cref="IRecordKind{T}.SourceId"/>), and
/// optionally a column derived before the write (<paramref name="Derived"/>).
/// </summary>
public sealed record RecordTable<T>(string Name, string IdColumn, IReadOnlyList<Column<T>> Columns, IDerivedColumn<T>? Derived = null);
