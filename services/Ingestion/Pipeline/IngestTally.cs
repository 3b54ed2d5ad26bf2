using BackOfficeCloud.Contracts.Ingestion.V1;

namespace BackOfficeCloud.Ingestion.Pipeline;

/// <summary>What a batch wrote.</summary>
public readonly record struct WriteCounts(long Accepted, long Updated, long Duplicates);

/// <summary>The valid rows of a batch and the errors of the rest.</summary>
public sealed record ValidatedBatch<T>(IReadOnlyList<Storage.RowRecord<T>> Valid, IReadOnlyList<RowError> Errors, long Rejected);

/// <summary>Running totals over the batches of one call, stream or file; keeps at most <paramref name="maxErrors"/> row errors.</summary>
public sealed class IngestTally(int maxErrors = int.MaxValue)
{
    private readonly List<RowError> _errors = [];

    public long Received { get; private set; }

    public long Accepted { get; private set; }

    public long Updated { get; private set; }

    public long Duplicates { get; private set; }

    public long Rejected { get; private set; }

    public IReadOnlyList<RowError> Errors => _errors;

    public void AddValidated<T>(ValidatedBatch<T> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        Received += batch.Valid.Count + batch.Rejected;
        Rejected += batch.Rejected;
        _errors.AddRange(batch.Errors.Take(Math.Max(0, maxErrors - _errors.Count)));
    }

    public void AddRejected(IEnumerable<RowError> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        foreach (var row in errors.GroupBy(e => e.Row))
        {
            Received++;
            Rejected++;
            _errors.AddRange(row.Take(Math.Max(0, maxErrors - _errors.Count)));
        }
    }

    public void AddWritten(WriteCounts counts)
    {
        Accepted += counts.Accepted;
        Updated += counts.Updated;
        Duplicates += counts.Duplicates;
    }

    /// <summary>Under reject-all a batch with a bad row writes nothing: its valid rows are neither accepted nor duplicates.</summary>
    public bool RejectsAll(InvalidRowPolicy policy) => policy == InvalidRowPolicy.RejectAll && Rejected > 0;

    /// <summary>The totals now, to go back to if the chunk being counted does not commit.</summary>
    public (long Received, long Accepted, long Updated, long Duplicates, long Rejected, int Errors) Checkpoint() =>
        (Received, Accepted, Updated, Duplicates, Rejected, _errors.Count);

    public void Restore((long Received, long Accepted, long Updated, long Duplicates, long Rejected, int Errors) checkpoint)
    {
        (Received, Accepted, Updated, Duplicates, Rejected) = (checkpoint.Received, checkpoint.Accepted, checkpoint.Updated, checkpoint.Duplicates, checkpoint.Rejected);
        _errors.RemoveRange(checkpoint.Errors, _errors.Count - checkpoint.Errors);
    }

    public IngestResult ToResult()
    {
        var result = new IngestResult { Received = Received, Accepted = Accepted, Updated = Updated, Duplicates = Duplicates, Rejected = Rejected };
        result.Errors.AddRange(_errors);
        return result;
    }
}
