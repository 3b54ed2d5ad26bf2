using BackOfficeCloud.Contracts.Blending.V1;
using BackOfficeCloud.Planning.Blending;

namespace BackOfficeCloud.Blending.Live;

/// <summary>Policies and supervisors' overrides. The API validates requests against the desk before they become facts.</summary>
public sealed partial class TenantDesk
{
    public const string AssignItemAction = "assign_item";
    public const string RecallAction = "recall_to_queue";
    public const string KeepFreeAction = "keep_free";

    private readonly Dictionary<string, string> _queuePolicies = new(StringComparer.Ordinal);

    public string DefaultPolicy { get; private set; } = "threshold";

    public static IBlendingPolicy PolicyOf(SetPolicyRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var threshold = new ThresholdPolicy();
        return request.Policy switch
        {
            "threshold" => threshold with
            {
                MinimumReserve = request.HasMinimumReserve ? request.MinimumReserve : threshold.MinimumReserve,
                Hysteresis = request.HasHysteresis ? request.Hysteresis : threshold.Hysteresis,
                ExtraReserveWhenBehind = request.HasExtraReserveWhenBehind ? request.ExtraReserveWhenBehind : threshold.ExtraReserveWhenBehind,
                InterruptAfter = request.HasInterruptAfterSeconds ? TimeSpan.FromSeconds(request.InterruptAfterSeconds) : threshold.InterruptAfter,
                BackOfficeInPhoneBlock = request.BackOfficeInPhoneBlock,
            },
            "greedy" => new GreedyPolicy(request.BackOfficeInPhoneBlock),
            _ => BlendingPolicies.ByName(request.Policy),
        };
    }

    private void ApplyPolicy(SetPolicyRequest request)
    {
        var policy = PolicyOf(request);
        if (request.Queue.Length == 0)
        {
            DefaultPolicy = request.Policy;
            _engine.SetDefaultPolicy(policy);
            return;
        }

        var queue = Queue(request.Queue);
        _queuePolicies[request.Queue] = request.Policy;
        _engine.ChangeQueue(queue, _engine.Setup.Queues[queue] with { Policy = policy });
    }

    private void ApplyOverride(OverrideDecisionRequest request, DateTimeOffset at, List<DeskDecision> decisions)
    {
        var agent = _agents[request.AgentId];
        var decision = request.Action switch
        {
            AssignItemAction => _engine.AssignItem(agent, _itemNumbers[request.WorkItemId], at),
            RecallAction => _engine.RecallAgent(agent, _queues[request.Queue], request.Interrupt, at),
            _ => _engine.KeepAgentFree(agent, at),
        };
        Emit(decision, decisions, request.By, request.Why);
    }
}
