namespace BackOfficeCloud.Planning.Simulation.Run;

internal enum EventKind : byte
{
    ContactArrival,
    Abandon,
    ContactEnd,
    ItemArrival,
    ItemEnd,
    ShiftChange,
    IntervalStart,
}

/// <summary>
/// A scheduled event, kept small and allocation-free in the event heap. <see cref="Version"/> is compared with the
/// target's current version when the event fires, so an interrupted item's end or a served contact's abandonment
/// is simply ignored.
/// </summary>
internal readonly record struct SimEvent(EventKind Kind, int Target, int Version);
