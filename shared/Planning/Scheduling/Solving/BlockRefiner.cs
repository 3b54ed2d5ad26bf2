using BackOfficeCloud.Planning.Scheduling.Compilation;

namespace BackOfficeCloud.Planning.Scheduling.Solving;

/// <summary>
/// An employee's on-duty time between breaks, fixed activities and shift edges, with the activity of each interval
/// (<see cref="ActivityCost.Phone"/> or a back-office activity of the group).
/// </summary>
internal sealed record DutyRun(int Employee, int Shift, SkillGroup Group, int From, int To)
{
    public int[] Activities { get; } = new int[To - From];
}

/// <summary>
/// Re-splits each run into activity blocks as the best answer to everyone else's: a dynamic programme over the run's
/// intervals picks where to switch and what to do in each block (with a switch, every block at least the minimum block
/// length) at the objective's marginal coverage and deadline cost per interval. A run keeps its blocks unless the new
/// ones cost less, so the passes stop when no run improves.
/// </summary>
internal sealed class BlockRefiner(CompiledProblem problem, ActivityCost cost)
{
    private const int Passes = 4;
    private const double Epsilon = 1e-6;

    /// <summary>Refines until no run improves, a few passes are done, or <paramref name="stop"/> (checked every run).</summary>
    public void Refine(IReadOnlyList<DutyRun> runs, Func<bool> stop)
    {
        foreach (var run in runs)
        {
            Place(run, +1);
        }

        for (var pass = 0; pass < Passes; pass++)
        {
            var improved = 0;
            foreach (var run in runs)
            {
                if (stop())
                {
                    return;
                }

                Place(run, -1);
                improved += BestResponse(run) ? 1 : 0;
                Place(run, +1);
            }

            if (improved == 0)
            {
                return;
            }
        }
    }

    private bool BestResponse(DutyRun run)
    {
        var choices = ActivityCost.Choices(run.Group).ToArray();
        if (choices.Length < 2)
        {
            return false;
        }

        var length = run.To - run.From;
        var prefix = new double[choices.Length][];
        for (var c = 0; c < choices.Length; c++)
        {
            prefix[c] = new double[length + 1];
            for (var i = 0; i < length; i++)
            {
                prefix[c][i + 1] = prefix[c][i] + cost.Added(run.Group, choices[c], run.From + i);
            }
        }

        var current = 0.0;
        for (var i = 0; i < length; i++)
        {
            var c = Array.IndexOf(choices, run.Activities[i]);
            current += prefix[c][i + 1] - prefix[c][i];
        }

        // best[i, c]: the cheapest blocks for the first i intervals whose last block does choice c; start[i, c] is
        // where that block starts, and the block before it ends there with another choice.
        var block = problem.BlockIntervals;
        var best = new double[length + 1, choices.Length];
        var start = new int[length + 1, choices.Length];
        for (var i = 1; i <= length; i++)
        {
            for (var c = 0; c < choices.Length; c++)
            {
                // A single block of any length may fill the whole run; with a switch every block needs the minimum.
                best[i, c] = i == length || i >= block ? prefix[c][i] : double.PositiveInfinity;
                for (var j = block; j <= i - block; j++)
                {
                    for (var other = 0; other < choices.Length; other++)
                    {
                        var value = best[j, other] + prefix[c][i] - prefix[c][j];
                        if (other != c && value < best[i, c])
                        {
                            (best[i, c], start[i, c]) = (value, j);
                        }
                    }
                }
            }
        }

        var end = Enumerable.Range(0, choices.Length).MinBy(c => best[length, c]);
        if (best[length, end] >= current - Epsilon)
        {
            return false;
        }

        for (var (i, c) = (length, end); i > 0;)
        {
            var j = start[i, c];
            Array.Fill(run.Activities, choices[c], j, i - j);
            if (j > 0)
            {
                var previous = c;
                c = Enumerable.Range(0, choices.Length).Where(o => o != previous).MinBy(o => best[j, o]);
            }

            i = j;
        }

        return true;
    }

    private void Place(DutyRun run, int delta)
    {
        for (var i = 0; i < run.Activities.Length;)
        {
            var j = i;
            while (j < run.Activities.Length && run.Activities[j] == run.Activities[i])
            {
                j++;
            }

            cost.Move(run.Group, run.Activities[i], run.From + i, run.From + j, delta);
            i = j;
        }
    }
}
