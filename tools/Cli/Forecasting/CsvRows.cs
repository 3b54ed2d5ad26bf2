using CsvHelper;

namespace BackOfficeCloud.Cli.Forecasting;

/// <summary>Reads the named columns of a CSV file with a header, whatever their order; errors name the line and field.</summary>
internal static class CsvRows
{
    /// <summary>The named fields of each data record, with its line number in the file (the header is line 1).</summary>
    public static IEnumerable<(int Row, string[] Fields)> Read(string path, params string[] columns)
    {
        using var csv = CsvReader.FromFile(path);
        var headers = csv.Headers;
        var indexes = columns.Select(c => headers.ToList().FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase))).ToArray();
        for (var i = 0; i < columns.Length; i++)
        {
            if (indexes[i] < 0)
            {
                throw new FormatException($"{path} line 1: the header has no '{columns[i]}' column (found: '{string.Join(',', headers)}').");
            }
        }

        while (csv.Read())
        {
            var line = (int)csv.RowNumber + 1;
            var fields = new string[columns.Length];
            for (var i = 0; i < columns.Length; i++)
            {
                fields[i] = indexes[i] < csv.FieldCount
                    ? csv.GetString(indexes[i]).Trim()
                    : throw new FormatException($"{path} line {line}, field {columns[i]}: missing.");
            }

            yield return (line, fields);
        }
    }
}
