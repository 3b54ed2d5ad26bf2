using BackOfficeCloud.Contracts.Scheduling.V1;
using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.ServiceDefaults.Validation;

namespace BackOfficeCloud.Scheduling.Simulation;

/// <summary>
/// A validated <see cref="SimulateScheduleRequest"/>: the policy, replications and seed of the run, the what-if
/// changes (arrival multipliers by queue, absent employees, caller patience) and the tolerance of the verdict.
/// </summary>
public sealed record SimulationRequest(
    Guid ScheduleId,
    int Version,
    string Policy,
    int Replications,
    int Seed,
    IReadOnlyDictionary<string, double> ArrivalMultipliers,
    int Absentees,
    double AbsentShare,
    double PatienceSeconds,
    double Tolerance)
{
    public const int DefaultReplications = 10;
    public const int MaxReplications = 100;
    public const double DefaultTolerance = 0.05;
    public const double MaxMultiplier = 10;

    /// <summary>Reads <paramref name="request"/> for the schedule <paramref name="scheduleId"/>; errors name the field.</summary>
    public static SimulationRequest From(SimulateScheduleRequest request, Guid scheduleId, int version)
    {
        ArgumentNullException.ThrowIfNull(request);
        var policy = request.Policy.Length == 0 ? BlendingPolicies.Names[0] : request.Policy;
        Require(BlendingPolicies.Names.Contains(policy), "policy", $"'{request.Policy}' must be one of {string.Join(", ", BlendingPolicies.Names)}");
        var replications = request.Replications == 0 ? DefaultReplications : request.Replications;
        Require(replications is >= 1 and <= MaxReplications, "replications", $"{request.Replications} must be between 1 and {MaxReplications}");
        Require(version >= 0, "version", $"{version} must be 0 (the latest) or a version number");
        var multipliers = new Dictionary<string, double>(StringComparer.Ordinal);
        for (var i = 0; i < request.ArrivalMultipliers.Count; i++)
        {
            var change = request.ArrivalMultipliers[i];
            Require(change.Queue.Length > 0, $"arrival_multipliers[{i}].queue", "is required");
            Require(change.Multiplier is >= 0 and <= MaxMultiplier, $"arrival_multipliers[{i}].multiplier", $"{change.Multiplier} must be between 0 and {MaxMultiplier}");
            Require(multipliers.TryAdd(change.Queue, change.Multiplier), $"arrival_multipliers[{i}].queue", $"'{change.Queue}' is given twice");
        }

        Require(request.Absentees >= 0, "absentees", $"{request.Absentees} must not be negative");
        Require(request.AbsentShare is >= 0 and <= 1, "absent_share", $"{request.AbsentShare} must be between 0 and 1");
        Require(request.PatienceSeconds >= 0, "patience_seconds", $"{request.PatienceSeconds} must not be negative");
        var tolerance = request.HasTolerance ? request.Tolerance : DefaultTolerance;
        Require(tolerance is >= 0 and < 1, "tolerance", $"{request.Tolerance} must be at least 0 and below 1");
        return new SimulationRequest(
            scheduleId, version, policy, replications, request.HasSeed ? request.Seed : 1, multipliers, request.Absentees, request.AbsentShare, request.PatienceSeconds, tolerance);
    }

    /// <summary>The multiplier of <paramref name="queue"/>'s arrivals (1 when unchanged).</summary>
    public double MultiplierOf(string queue) => ArrivalMultipliers.GetValueOrDefault(queue, 1);

    private static void Require(bool condition, string field, string description)
    {
        if (!condition)
        {
            throw new ValidationException(field, description);
        }
    }
}
