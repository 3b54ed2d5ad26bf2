using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Validation;

/// <summary>The problems of one row: each names its row, field, the value as sent and why it is refused.</summary>
public sealed class RowErrors(long row)
{
    // made at the first problem: most rows have none
    private List<RowError>? _errors;

    public long Row => row;

    public IReadOnlyList<RowError> Errors => _errors ?? [];

    public bool Any => _errors is not null;

    public void Fail(string field, object? value, string reason) =>
        (_errors ??= []).Add(new RowError { Row = row, Field = field, Value = FieldChecks.Shorten(value?.ToString() ?? ""), Reason = reason });
}
