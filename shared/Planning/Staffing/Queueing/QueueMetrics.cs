namespace BackOfficeCloud.Planning.Staffing.Queueing;

/// <summary>The steady-state performance of an immediate queue staffed with <see cref="Agents"/>.</summary>
/// <param name="Agents">Agents answering (may be fractional: the continuous extension of the Erlang formulas).</param>
/// <param name="ServiceLevel">Share of all offered contacts answered within the target time; abandons count as missed.</param>
/// <param name="AsaSeconds">Mean wait over all offered contacts; +∞ when the queue is unstable (Erlang C with agents ≤ load).</param>
/// <param name="Occupancy">Share of agent time spent handling contacts.</param>
/// <param name="ProbabilityOfWait">Share of contacts that find every agent busy.</param>
/// <param name="AbandonRate">Share of offered contacts that abandon (always 0 in Erlang C).</param>
public sealed record QueueMetrics(
    double Agents,
    double ServiceLevel,
    double AsaSeconds,
    double Occupancy,
    double ProbabilityOfWait,
    double AbandonRate);
