using BackOfficeCloud.Planning.Scheduling.Compilation;
using BackOfficeCloud.Planning.Scheduling.Model;
using BackOfficeCloud.Planning.Scheduling.Solving;
using static BackOfficeCloud.Planning.Scheduling.Tests.Problems;

namespace BackOfficeCloud.Planning.Scheduling.Tests.Solving;

/// <summary>The ascent's bound on instances whose optimum is known by hand (see CanonicalInstanceTests).</summary>
public class LagrangianAscentTests
{
    private static double Ascend(ScheduleProblem problem, int steps)
    {
        var compiled = CompiledProblem.Compile(problem);
        var taken = 0;
        return new LagrangianAscent(compiled, new PatternPricer(compiled)).Run(() => taken++ >= steps);
    }

    [Fact]
    public void Forced_unneeded_shifts_raise_the_bound_above_the_zero_price_bound_but_not_above_the_optimum()
    {
        // Three forced 4-hour shifts: 120 pay (the zero-price bound) + 60 over-staffing = optimum 180.
        var problem = OneDay([Employee("a", Contract(minWeekly: 720, earliest: 8, latest: 8), "voice")], [new ImmediateQueue("voice", 100, new double[336])], lengths: [240], days: 7);

        var bound = Ascend(problem, 200);

        Assert.InRange(bound, 150, 180 + 1e-6);
    }

    [Fact]
    public void A_morning_peak_bound_rises_from_zero_and_stays_under_the_optimum()
    {
        // Optimum 120 (full + half shift); at zero prices nobody needs to work, so the zero-price bound is 0.
        var problem = OneDay(
            [Employee("a", Contract(), "voice"), Employee("b", Contract(), "voice")],
            [new ImmediateQueue("voice", 100, Demand(48, 30, (8, 12, 2), (12, 16, 1)))]);

        var bound = Ascend(problem, 200);

        Assert.InRange(bound, 60, 120 + 1e-6);
    }

    [Fact]
    public void Back_office_deadlines_bound_rises_from_zero_and_stays_under_the_optimum()
    {
        // 120 minutes due at 12:00: a 4-hour shift (40) is the optimum; not doing the work would cost 144. The done
        // curve's multipliers move one interval per step, so the ascent only starts to climb here.
        var work = new DeferrableWork("claims", "claims", [new WorkArrival(16, 120, 24)]);
        var problem = OneDay([Employee("a", Contract(), "claims")], [], [work]);

        var bound = Ascend(problem, 200);

        Assert.InRange(bound, 0.01, 40 + 1e-6);
    }
}
