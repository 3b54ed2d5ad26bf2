using BackOfficeCloud.Planning.Blending.Collections;

namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// The simulation's future events, by instant. The heap's keys are the bits of the instants: for non-negative
/// doubles they order like the instants themselves.
/// </summary>
internal sealed class EventHeap
{
    private readonly MinHeap<SimEvent> _heap = new(1024);

    public void Enqueue(SimEvent e, double at) => _heap.Enqueue(e, BitConverter.DoubleToInt64Bits(at));

    /// <summary>The instant of the next event, or +∞ when there is none.</summary>
    public double NextAt => _heap.Count > 0 ? BitConverter.Int64BitsToDouble(_heap.MinKey) : double.PositiveInfinity;

    public bool TryDequeue(out SimEvent e, out double at)
    {
        var found = _heap.TryDequeue(out e, out var key);
        at = BitConverter.Int64BitsToDouble(key);
        return found;
    }
}
