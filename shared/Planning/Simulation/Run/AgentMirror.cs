using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// What the simulator needs to know about each agent to route contacts and time tasks (the engine keeps its own
/// state). <see cref="Version"/> changes with every task, invalidating stale events and free-list entries.
/// </summary>
internal sealed class AgentMirror(int agents)
{
    public const byte Away = 0;
    public const byte Free = 1;
    public const byte OnContact = 2;
    public const byte OnItem = 3;

    public byte[] State { get; } = new byte[agents];

    public int[] Version { get; } = new int[agents];

    public double[] TaskStart { get; } = new double[agents];

    /// <summary>The queue of the contact or the id of the item being worked.</summary>
    public int[] Task { get; } = new int[agents];

    public ScheduledActivity[] Scheduled { get; } = new ScheduledActivity[agents];

    public int Start(int agent, byte state, double now, int task)
    {
        State[agent] = state;
        TaskStart[agent] = now;
        Task[agent] = task;
        return ++Version[agent];
    }

    public bool IsFreeAt(int agent, int version) => State[agent] == Free && Version[agent] == version;
}
