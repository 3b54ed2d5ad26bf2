using BackOfficeCloud.Planning.Blending.Decisions;

namespace BackOfficeCloud.Blending.Live;

/// <summary>A decision of the engine (or a supervisor) for one agent, with its reason as a sentence.</summary>
public sealed record DeskDecision(string AgentId, DecisionKind Kind, string WorkItemId, string Queue, bool Interrupt, string Reason, string Policy, string OverriddenBy);
