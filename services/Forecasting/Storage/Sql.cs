using Npgsql;

namespace BackOfficeCloud.Forecasting.Storage;

/// <summary>Positional-parameter commands (a value, or an <see cref="NpgsqlParameter"/> when its type must be said) and row reading inside a caller's transaction.</summary>
public static class Sql
{
    public static NpgsqlCommand Command(NpgsqlTransaction transaction, string sql, params object[] values)
    {
        var command = new NpgsqlCommand(sql, transaction.Connection, transaction);
        foreach (var value in values)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    public static async Task<IReadOnlyList<T>> QueryAsync<T>(
        NpgsqlTransaction transaction, string sql, object[] values, Func<NpgsqlDataReader, T> read, CancellationToken cancellationToken)
    {
        await using var command = Command(transaction, sql, values);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken))
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}
