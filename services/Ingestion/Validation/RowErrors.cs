using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

/// <summary>The problems of one row: each names its row, field, the value as sent and why it is refused.</summary>
public sealed class RowErrors(long row)
{
    private readonly List<RowError> _errors = [];

    public long Row => row;

    public IReadOnlyList<RowError> Errors => _errors;

    public bool Any => _errors.Count > 0;

    public void Fail(string field, object? value, string reason) =>
        _errors.Add(new RowError { Row = row, Field = field, Value = FieldChecks.Shorten(value?.ToString() ?? ""), Reason = reason });
}
