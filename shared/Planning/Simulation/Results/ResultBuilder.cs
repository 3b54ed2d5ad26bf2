using BackOfficeCloud.Planning.Simulation.Run;

namespace BackOfficeCloud.Planning.Simulation.Results;

/// <summary>Turns the replications' tallies into KPIs: overall per replication then across them, per interval pooled.</summary>
internal static class ResultBuilder
{
    public static (OverallKpis Overall, IReadOnlyList<IntervalKpis> Intervals) Build(CenterModel model, IReadOnlyList<Tally> tallies)
    {
        var scenario = model.Scenario;
        var from = model.WarmUpIntervals;
        double Sum(double[] perInterval) => perInterval.Skip(from).Sum();
        Estimate Across(Func<Tally, double> measure) => Estimate.Of([.. tallies.Select(measure)]);
        var staffed = Sum(model.StaffedSeconds);

        var queues = scenario.Queues.Select((q, i) => new QueueKpis(
            q.Name,
            Across(t => Sum(t.Offered[i])),
            Across(t => Ratio(Sum(t.AnsweredInTime[i]), Sum(t.Answered[i]) + Sum(t.Abandoned[i]), 1)),
            Across(t => Ratio(Sum(t.WaitSeconds[i]), Sum(t.Answered[i]), 0)),
            Across(t => Ratio(Sum(t.Abandoned[i]), Sum(t.Answered[i]) + Sum(t.Abandoned[i]), 0)))).ToList();
        var overall = new OverallKpis(
            queues,
            Across(_ => staffed / 3600),
            Across(t => Ratio(Sum(t.PhoneBusySeconds), staffed, 0)),
            Across(t => Ratio(Sum(t.BackOfficeBusySeconds), staffed, 0)),
            Across(t => Ratio(Sum(t.PhoneBusySeconds) + Sum(t.BackOfficeBusySeconds), staffed, 0)),
            Across(t => Sum(t.ItemsArrived)),
            Across(t => Sum(t.ItemsCompleted)),
            Across(t => Sum(t.ItemsLate)),
            Across(t => t.OpenAtEnd),
            Across(t => t.OverdueAtEnd));

        var intervals = Enumerable.Range(0, scenario.IntervalCount).Select(k =>
        {
            double Pooled(Func<Tally, double> measure) => tallies.Sum(measure);
            var perQueue = scenario.Queues.Select((q, i) =>
            {
                var resolved = Pooled(t => t.Answered[i][k] + t.Abandoned[i][k]);
                return new QueueIntervalKpis(
                    q.Name,
                    Pooled(t => t.Offered[i][k]) / tallies.Count,
                    Ratio(Pooled(t => t.AnsweredInTime[i][k]), resolved, 1),
                    Ratio(Pooled(t => t.WaitSeconds[i][k]), Pooled(t => t.Answered[i][k]), 0),
                    Ratio(Pooled(t => t.Abandoned[i][k]), resolved, 0));
            }).ToList();
            var scheduled = model.StaffedSeconds[k];
            return new IntervalKpis(
                scenario.Start.AddSeconds(k * scenario.IntervalSeconds),
                perQueue,
                scheduled / scenario.IntervalSeconds,
                Ratio(Pooled(t => t.PhoneBusySeconds[k]), scheduled * tallies.Count, 0),
                Ratio(Pooled(t => t.BackOfficeBusySeconds[k]), scheduled * tallies.Count, 0),
                Pooled(t => t.ItemsCompleted[k]) / tallies.Count,
                Pooled(t => t.ItemsLate[k]) / tallies.Count);
        }).ToList();
        return (overall, intervals);
    }

    private static double Ratio(double numerator, double denominator, double whenEmpty) =>
        denominator > 0 ? numerator / denominator : whenEmpty;
}
