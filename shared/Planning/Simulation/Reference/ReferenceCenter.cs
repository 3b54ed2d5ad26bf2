using BackOfficeCloud.Planning.Blending;
using BackOfficeCloud.Planning.Blending.Model;
using BackOfficeCloud.Planning.Simulation.Scenario;

namespace BackOfficeCloud.Planning.Simulation.Reference;

/// <summary>
/// Size of the generated reference center: <see cref="Scale"/> 1 is a peak of 400 calls an hour (about 75 agents
/// blended, 100 in silos); scale 13.5 is about a 1,000-agent blended center.
/// </summary>
public sealed record ReferenceCenterSettings(double Scale = 1, int Days = 7);

/// <summary>The same demand staffed two ways: silo (phone and back-office teams) and blended (one flexible team).</summary>
public sealed record ReferenceCenter(SimulationScenario Silo, SimulationScenario Blended);

/// <summary>
/// The generated reference scenario (docs/simulation.md). Open 08:00-20:00 every day; calls follow a two-peak
/// intraday shape and a weekly shape (weekend quieter), 300 s exponential handle time, 600 s exponential patience,
/// 80% in 20 s. Back office: claims (lognormal 600±400 s, due in 48 h, interruptible) and refunds (lognormal
/// 360±200 s, due in 24 h, priority 1, not interruptible), arriving 08:00-18:00. Staffing uses 8-hour shifts
/// covered greedily: the silo phone team covers the Erlang C requirement of each interval and the silo back office
/// a flat level that does the day's back-office hours at 90% utilization. The blended team starts from the same
/// phone cover — whose agents beyond the Erlang C requirement (the valleys of the calls and the slack of whole
/// shifts) are back-office capacity — and adds the fewest 8-hour shifts (alternately at 08:00 and 12:00) for that
/// capacity to do the day's back-office hours at 90%.
/// </summary>
public static class ReferenceCenterGenerator
{
    private const int IntervalMinutes = 15;
    private const int Open = 32;
    private const int Close = 80;
    private const int BackOfficeClose = 72;
    private const int ShiftIntervals = 32;
    private const double AhtSeconds = 300;
    private const double BackOfficeUtilization = 0.9;
    private static readonly double[] HourShape = [0.6, 0.9, 1.0, 0.95, 0.7, 0.75, 0.95, 0.9, 0.75, 0.6, 0.45, 0.35];
    private static readonly double[] DayShape = [1.0, 0.95, 0.9, 0.9, 0.85, 0.6, 0.4];

    public static ReferenceCenter Generate(ReferenceCenterSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (!(settings.Scale > 0) || settings.Days < 1)
        {
            throw new ArgumentException($"Scale {settings.Scale} must be above 0 and Days {settings.Days} at least 1.", nameof(settings));
        }

        var calls = Profile(settings, k => k is >= Open and < Close ? 100 * HourShape[(k - Open) / 4] : 0);
        var claims = Profile(settings, k => k is >= Open and < BackOfficeClose ? 30 : 0);
        var refunds = Profile(settings, k => k is >= Open and < BackOfficeClose ? 15 : 0);
        Distribution claimEffort = new(DistributionKind.Lognormal, 600, 400);
        Distribution refundEffort = new(DistributionKind.Lognormal, 360, 200);
        QueueScenario[] queues = [new("voice", "voice", new ArrivalPattern(PerInterval: calls), Distribution.Exponential(AhtSeconds), 0.8, 20, Distribution.Exponential(600))];
        BackOfficeScenario[] backOffice =
        [
            new("claim", "back_office", new ArrivalPattern(PerInterval: claims), claimEffort, DeadlineHours: 48),
            new("refund", "back_office", new ArrivalPattern(PerInterval: refunds), refundEffort, DeadlineHours: 24, Priority: 1, Interruptible: false),
        ];

        var phoneStarts = new List<int[]>();
        var backOfficeStarts = new List<int[]>();
        var blendedStarts = new List<int[]>();
        for (var day = 0; day < settings.Days; day++)
        {
            var perInterval = calls.AsSpan(day * 96, 96).ToArray();
                var erlangC = perInterval.Select(c => ReserveSizer.RequiredAgents(c / IntervalMinutes, TimeSpan.FromSeconds(AhtSeconds), 0.8, TimeSpan.FromSeconds(20))).ToArray();
            var backOfficeHours = Enumerable.Range(day * 96, 96).Sum(k => (claims[k] * claimEffort.MeanSeconds) + (refunds[k] * refundEffort.MeanSeconds)) / 3600;
            var flat = (int)Math.Ceiling(backOfficeHours / ((Close - Open) / 4.0) / BackOfficeUtilization);
            phoneStarts.Add(ShiftCover.Cover(erlangC, Open, Close, ShiftIntervals));
            backOfficeStarts.Add(ShiftCover.Cover([.. Enumerable.Range(0, 96).Select(k => k is >= Open and < Close ? flat : 0)], Open, Close, ShiftIntervals));
            blendedStarts.Add(ValleyFilling(phoneStarts[^1], erlangC, backOfficeHours));
        }

        var start = new DateTimeOffset(2026, 3, 2, 0, 0, 0, TimeSpan.Zero);
        var silo = new SimulationScenario(start, settings.Days, IntervalMinutes, queues, backOffice,
            [.. Teams("phones", [new GroupSkill("voice")], ScheduledActivity.Phone, phoneStarts),
             .. Teams("back-office", [new GroupSkill("back_office")], ScheduledActivity.BackOffice, backOfficeStarts)]);
        var blended = silo with
        {
            Agents = [.. Teams("blended", [new GroupSkill("voice"), new GroupSkill("back_office")], ScheduledActivity.Flexible, blendedStarts)],
        };
        return new ReferenceCenter(silo, blended);
    }

    private static double[] Profile(ReferenceCenterSettings settings, Func<int, double> perIntervalAtScale1) =>
        [.. Enumerable.Range(0, settings.Days * 96).Select(i => perIntervalAtScale1(i % 96) * DayShape[(i / 96) % 7] * settings.Scale)];

    /// <summary>The phone cover plus the fewest extra shifts whose agents beyond the Erlang C requirement do the back-office hours.</summary>
    private static int[] ValleyFilling(int[] phoneStarts, int[] erlangC, double backOfficeHours)
    {
        var starts = (int[])phoneStarts.Clone();
        var staffed = new int[96];
        for (var k = 0; k < 96; k++)
        {
            for (var j = k; j < Math.Min(96, k + ShiftIntervals); j++)
            {
                staffed[j] += starts[k];
            }
        }

        double Capacity() => Enumerable.Range(Open, Close - Open).Sum(k => Math.Max(0, staffed[k] - erlangC[k])) * 0.25 * BackOfficeUtilization;
        for (var extra = 0; Capacity() < backOfficeHours; extra++)
        {
            var start = extra % 2 == 0 ? Open : Close - ShiftIntervals;
            starts[start]++;
            for (var j = start; j < start + ShiftIntervals; j++)
            {
                staffed[j]++;
            }
        }

        return starts;
    }

    /// <summary>
    /// Agents working the same shift start on several days: for each start, one group per staffing level, working the
    /// days that need at least that many (so an agent keeps the same shift through the week).
    /// </summary>
    private static IEnumerable<AgentGroup> Teams(string name, GroupSkill[] skills, ScheduledActivity activity, List<int[]> startsPerDay)
    {
        for (var k = 0; k < 96; k++)
        {
            var perDay = startsPerDay.Select(s => s[k]).ToArray();
            var levels = perDay.Where(n => n > 0).Distinct().Order().ToArray();
            var below = 0;
            foreach (var level in levels)
            {
                int[] days = [.. Enumerable.Range(0, perDay.Length).Where(d => perDay[d] >= level)];
                var minute = k * IntervalMinutes;
                yield return new AgentGroup($"{name}-{minute / 60:00}{minute % 60:00}-{level}", level - below, skills,
                    [new ShiftBlock(minute, minute + (ShiftIntervals * IntervalMinutes), activity, days)]);
                below = level;
            }
        }
    }
}
