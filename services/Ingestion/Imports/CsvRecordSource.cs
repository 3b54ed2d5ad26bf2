using System.Globalization;
using System.Runtime.CompilerServices;
using BackOfficeCloud.Contracts.Ingestion.V1;
using BackOfficeCloud.Ingestion.Validation;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.ServiceDefaults.Validation;
using CsvHelper;
using Google.Protobuf;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// A CSV file (BOM, CRLF, quoted fields and blank lines as CsvHelper reads them; rows numbered by file line) whose header row names the columns;
/// each column is bound to a field through the mapping, or by its own name when that is a field of the kind.
/// Columns that are neither are ignored, so an export loads as it is.
/// </summary>
public sealed class CsvRecordSource<T>(Stream input, ColumnMapping mapping) : IRecordSource<T>
    where T : class, IMessage<T>, new()
{
    /// <summary>Longest record read; a longer one fails the file (a runaway quote would otherwise read all of it).</summary>
    public const int MaxRecordBytes = 256 * 1024;

    public async IAsyncEnumerable<ImportRow<T>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var csvOptions = new CsvReaderOptions
        {
            Separator = string.IsNullOrEmpty(mapping.Delimiter) ? ',' : mapping.Delimiter[0],
            SkipEmptyLines = true,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            MaxRecordSize = MaxRecordBytes,
        };
        await using var csv = CsvReader.Create(input, csvOptions, leaveOpen: false);
        await csv.ReadHeaderAsync(cancellationToken).ConfigureAwait(false);
        var binders = Bind(csv.Headers);
        while (await csv.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            var errors = new RowErrors(csv.LineNumber);
            var record = new T();
            foreach (var (index, binder) in binders)
            {
                binder.Bind(record, index < csv.FieldCount ? csv.GetString(index) : "", errors);
            }

            yield return new ImportRow<T>(errors.Row, errors.Any ? null : record, errors.Errors);
        }
    }

    private List<(int Index, FieldBinder Binder)> Bind(IReadOnlyList<string> headers)
    {
        var descriptor = new T().Descriptor;
        var zone = string.IsNullOrWhiteSpace(mapping.TimeZone) ? TimeZoneInfo.Utc : Zone(mapping.TimeZone);
        foreach (var (column, field) in mapping.Columns)
        {
            if (descriptor.FindFieldByName(field) is null)
            {
                throw new ValidationException($"mapping.columns[{column}]", $"'{field}' is not a field of {descriptor.Name}: use one of {string.Join(", ", descriptor.Fields.InDeclarationOrder().Select(f => f.Name))}");
            }
        }

        var binders = new List<(int, FieldBinder)>();
        for (var i = 0; i < headers.Count; i++)
        {
            var header = headers[i].Trim().TrimStart('\uFEFF');
            var fieldName = mapping.Columns.TryGetValue(header, out var mapped) ? mapped : header.ToLowerInvariant();
            if (descriptor.FindFieldByName(fieldName) is { } field)
            {
                binders.Add((i, new FieldBinder(field, mapping.DateFormat, zone)));
            }
        }

        return binders;
    }

    private static TimeZoneInfo Zone(string id)
    {
        try
        {
            return LocalTime.FindZone(id);
        }
        catch (ArgumentException e)
        {
            throw new ValidationException("mapping.time_zone", e.Message);
        }
    }
}
