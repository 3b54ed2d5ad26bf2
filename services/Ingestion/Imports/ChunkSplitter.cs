using BackOfficeCloud.Contracts.Ingestion.V1;
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
    private List<ImportRow<T>> _carried = [];
    private HashSet<string> _inFlight = new(StringComparer.Ordinal);

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
        var waiting = new HashSet<string>(StringComparer.Ordinal);
        var nowKeys = new HashSet<string>(StringComparer.Ordinal);
        var allKeys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var keys = row.Record is null ? [] : KeysOf(row.Record);
            allKeys.UnionWith(keys);
            if (keys.Any(k => _inFlight.Contains(k) || waiting.Contains(k)))
            {
                carried.Add(row);
                waiting.UnionWith(keys);
            }
            else
            {
                now.Add(row);
                nowKeys.UnionWith(keys);
            }
        }

        if (last || carried.Count > maxCarried)
        {
            (_carried, _inFlight) = ([], allKeys);
            return (rows, true);
        }

        (_carried, _inFlight) = (carried, nowKeys);
        return (now, false);
    }

    /// <summary>
    /// The record's id and what the kind derives its stored state from: repeat contacts and duplicate tickets look up the
    /// customer's stored rows, a lifecycle event its work item's.
    /// </summary>
    private List<string> KeysOf(T record)
    {
        var keys = new List<string>(3) { "id:" + kind.SourceId(record) };
        var customer = record switch
        {
            Interaction interaction => interaction.CustomerRef,
            WorkItem item => item.CustomerRef,
            _ => "",
        };
        if (customer.Length > 0)
        {
            keys.Add("customer:" + customer);
        }

        if (kind.WorkItemOf(record) is { Length: > 0 } workItem)
        {
            keys.Add("item:" + workItem);
        }

        return keys;
    }
}
