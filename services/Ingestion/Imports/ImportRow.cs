using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>One row of a file: its line number and the record, or why it could not be read.</summary>
public sealed record ImportRow<T>(long Line, T? Record, IReadOnlyList<RowError> Errors)
    where T : class;

/// <summary>The rows of a file in order, read as they stream in.</summary>
public interface IRecordSource<T>
    where T : class
{
    IAsyncEnumerable<ImportRow<T>> ReadAsync(CancellationToken cancellationToken);
}
