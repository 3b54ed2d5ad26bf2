using Npgsql;

namespace BackOfficeCloud.Ingestion.Storage;

/// <summary>
/// A text column a kind derives from the stored rows and the batch itself before the batch is written (interactions'
/// <c>repeat_of</c>), so that the write stores it: a flagged row is written once, not inserted and then updated.
/// </summary>
public interface IDerivedColumn<T>
{
    string Name { get; }

    /// <summary>
    /// The column's value for each of <paramref name="records"/> (the batch's last record of each source id, in the order
    /// they are written), as a lookup after writing them would find it; null for none.
    /// </summary>
    Task<string?[]> DeriveAsync(
        NpgsqlTransaction transaction, string tenant, IReadOnlyList<string> sourceIds, IReadOnlyList<T> records, CancellationToken cancellationToken);
}
