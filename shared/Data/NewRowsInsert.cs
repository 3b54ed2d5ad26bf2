using Npgsql;

namespace BackOfficeCloud.Data;

/// <summary>
/// An insert of rows that are new in the usual case, run as a plain INSERT inside a savepoint: PostgreSQL's
/// <c>ON CONFLICT</c> costs a speculative insertion per row (a conflict check before it, a confirmation WAL record after).
/// When a row's key is already stored the insert fails on it, the transaction is rolled back to the savepoint (nothing of
/// the insert stays) and the caller takes its slower path. The round trip is prepared once per connection.
/// </summary>
public static class NewRowsInsert
{
    private const string Savepoint = "new_rows_insert";

    /// <param name="leading">Commands sent first in the same round trip, outside the savepoint (they stay on a rollback).</param>
    /// <returns>True when the rows were inserted; false when a key was already stored and nothing was inserted.</returns>
    public static async Task<bool> TryAsync(
        NpgsqlTransaction transaction, NpgsqlBatchCommand insert, CancellationToken cancellationToken, params NpgsqlBatchCommand[] leading)
    {
        ArgumentNullException.ThrowIfNull(transaction);
        ArgumentNullException.ThrowIfNull(insert);
        await using var batch = new NpgsqlBatch(transaction.Connection, transaction);
        foreach (var command in leading)
        {
            batch.BatchCommands.Add(command);
        }

        batch.BatchCommands.Add(new NpgsqlBatchCommand($"SAVEPOINT {Savepoint}"));
        batch.BatchCommands.Add(insert);
        batch.BatchCommands.Add(new NpgsqlBatchCommand($"RELEASE SAVEPOINT {Savepoint}"));
        await batch.PrepareAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            await using var rollback = new NpgsqlCommand($"ROLLBACK TO SAVEPOINT {Savepoint}", transaction.Connection, transaction);
            await rollback.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            return false;
        }
    }
}
