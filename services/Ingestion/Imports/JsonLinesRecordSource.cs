using System.Runtime.CompilerServices;
using BackOfficeCloud.Contracts.Ingestion.V1;
using Google.Protobuf;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>One record per line in its proto JSON form (field names as in the .proto or in lowerCamelCase); blank lines skipped.</summary>
public sealed class JsonLinesRecordSource<T>(Stream input) : IRecordSource<T>
    where T : class, IMessage<T>, new()
{
    public async IAsyncEnumerable<ImportRow<T>> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var descriptor = new T().Descriptor;
        using var text = new StreamReader(input, detectEncodingFromByteOrderMarks: true);
        long line = 0;
        while (await text.ReadLineAsync(cancellationToken).ConfigureAwait(false) is { } json)
        {
            line++;
            if (string.IsNullOrWhiteSpace(json))
            {
                continue;
            }

            string? failure = null;
            T? record = null;
            try
            {
                record = (T)JsonParser.Default.Parse(json, descriptor);
            }
            catch (InvalidJsonException e)
            {
                failure = e.Message;
            }
            catch (InvalidProtocolBufferException e)
            {
                failure = e.Message;
            }

            yield return failure is null
                ? new ImportRow<T>(line, record, [])
                : new ImportRow<T>(line, null, [new RowError { Row = line, Field = "", Value = Validation.FieldChecks.Shorten(json), Reason = "is not a valid JSON record: " + failure }]);
        }
    }
}
