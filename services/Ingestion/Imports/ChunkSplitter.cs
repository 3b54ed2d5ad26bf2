using BackOfficeCloud.Ingestion.Kinds;
using Google.Protobuf;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// Decides which rows of the next chunk may be written while the chunk before it is still in the database. A row may
/// when none of its keys (its own id, and the customer or work item whose stored rows its flags and state are derived
/// from) is a key of the chunk in flight or of an earlier row that has to wait; the others are carried to the chunk
/// after, which starts once the one in flight has committed. So rows that depend on each other are stored in file order.
/// </summary>
public sealed class ChunkSplitter<T>(IRecordKind<T> kind, int maxCarried)
    where T : class, IMessage<T>
{
    private readonly RowKey[] _keys = new RowKey[3];
    private List<ImportRow<T>> _carried = [];
    private HashSet<RowKey> _inFlight = [];

    private enum KeyKind
    {
        Id,
        Customer,
        WorkItem,
    }

    /// <summary>
    /// The rows to write now, and whether they have to wait for the chunk in flight: on the file's last chunk, and when
    /// more than <paramref name="maxCarried"/> rows depend on the chunk in flight, everything is written after it.
    /// </summary>
    public (List<ImportRow<T>> Rows, bool AfterInFlight) Next(List<ImportRow<T>> chunk, bool last)
    {
        ArgumentNullException.ThrowIfNull(chunk);
        var rows = _carried.Count == 0 ? chunk : [.. _carried, .. chunk];
        var now = new List<ImportRow<T>>(rows.Count);
        var carried = new List<ImportRow<T>>();
        var nowKeys = new HashSet<RowKey>(rows.Count * 2);
        var waiting = new HashSet<RowKey>();
        foreach (var row in rows)
        {
            var count = row.Record is null ? 0 : KeysOf(row.Record);
            var waits = false;
            for (var i = 0; i < count && !waits; i++)
            {
                waits = _inFlight.Contains(_keys[i]) || waiting.Contains(_keys[i]);
            }

            var keys = waits ? waiting : nowKeys;
            for (var i = 0; i < count; i++)
            {
                keys.Add(_keys[i]);
            }

            (waits ? carried : now).Add(row);
        }

        if (last || carried.Count > maxCarried)
        {
            nowKeys.UnionWith(waiting);
            (_carried, _inFlight) = ([], nowKeys);
            return (rows, true);
        }

        (_carried, _inFlight) = (carried, nowKeys);
        return (now, false);
    }

    /// <summary>
    /// Puts in <see cref="_keys"/> the record's id and what the kind derives its stored state from (repeat contacts and
    /// duplicate tickets look up the customer's stored rows, a lifecycle event its work item's); returns how many.
    /// </summary>
    private int KeysOf(T record)
    {
        var count = 0;
        _keys[count++] = new RowKey(KeyKind.Id, kind.SourceId(record));
        if (kind.CustomerOf(record) is { Length: > 0 } customer)
        {
            _keys[count++] = new RowKey(KeyKind.Customer, customer);
        }

        if (kind.WorkItemOf(record) is { Length: > 0 } workItem)
        {
            _keys[count++] = new RowKey(KeyKind.WorkItem, workItem);
        }

        return count;
    }

    private readonly record struct RowKey(KeyKind Kind, string Value);
}
