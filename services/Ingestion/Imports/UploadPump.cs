using System.IO.Pipelines;

namespace BackOfficeCloud.Ingestion.Imports;

/// <summary>
/// Moves an upload's byte chunks into a pipe the import reads from. The pipe holds a bounded amount (the writer waits
/// while the import catches up), so a file of any size passes through in constant memory.
/// </summary>
public sealed class UploadPump(long maxBytes)
{
    private readonly Pipe _pipe = new(new PipeOptions(pauseWriterThreshold: 1 << 20, resumeWriterThreshold: 1 << 19));
    private long _bytes;

    public Stream Reader => _pipe.Reader.AsStream();

    public long BytesRead => Interlocked.Read(ref _bytes);

    public async Task PumpAsync(IAsyncEnumerable<ReadOnlyMemory<byte>> chunks, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(chunks);
        Exception? failure = null;
        try
        {
            await foreach (var chunk in chunks.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                if (Interlocked.Add(ref _bytes, chunk.Length) > maxBytes)
                {
                    throw new InvalidDataException($"the file is larger than the limit of {maxBytes} bytes");
                }

                var flush = await _pipe.Writer.WriteAsync(chunk, cancellationToken).ConfigureAwait(false);
                if (flush.IsCompleted)
                {
                    return;   // the import stopped reading (it failed); the rest of the upload is not needed
                }
            }
        }
        catch (Exception e) when (e is InvalidDataException or IOException or OperationCanceledException)
        {
            failure = e;
        }
        finally
        {
            await _pipe.Writer.CompleteAsync(failure).ConfigureAwait(false);
        }
    }

    public static async IAsyncEnumerable<ReadOnlyMemory<byte>> ChunksOf(Stream body, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(body);
        var buffer = new byte[64 * 1024];
        int read;
        while ((read = await body.ReadAsync(buffer, cancellationToken).ConfigureAwait(false)) > 0)
        {
            yield return buffer.AsMemory(0, read);
        }
    }
}
