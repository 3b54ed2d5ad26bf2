using BackOfficeCloud.Planning.Staffing.Queueing;

namespace BackOfficeCloud.Planning.Staffing.Tests.RealData;

/// <summary>
/// Erlang A against the Anonymous Bank's February 1999 calls (Sunday–Thursday, 10:00–17:00, pooled): fit AHT, the
/// arrival rate and exponential patience (abandons ÷ total wait), fit the (fractional) agents that reproduce the
/// observed abandon rate, then predict how many callers are answered within a minute and two: Erlang A's waiting
/// time distribution must match what the callers actually got. Fitted values were checked with 30-digit mpmath.
/// </summary>
public class AnonymousBankErlangATests
{
    [BankCallsFact]
    public void Fitted_erlang_a_predicts_the_observed_share_answered_in_time()
    {
        var calls = BankCall.ReadQueued(BankCallsFactAttribute.FilePath!)
            .Where(c => c.Date.DayOfWeek is not (DayOfWeek.Friday or DayOfWeek.Saturday) && c.QueueHour is >= 10 and < 17)
            .ToList();
        var hours = calls.Select(c => (c.Date, c.QueueHour)).Distinct().Count();
        var aht = calls.Where(c => c.Answered).Average(c => c.ServiceSeconds);
        var load = calls.Count / (hours * 3600.0) * aht;
        var abandonRate = calls.Count(c => c.Abandoned) / (double)calls.Count;
        var patience = calls.Sum(c => (double)c.QueueSeconds) / calls.Count(c => c.Abandoned);

        var agents = AgentsGiving(abandonRate, load, aht, patience);

        Assert.Equal(3.4444, agents, 3);
        foreach (var seconds in new[] { 60, 120 })
        {
            var observed = calls.Count(c => c.Answered && c.QueueSeconds <= seconds) / (double)calls.Count;
            var predicted = ErlangA.ServiceLevel(agents, load, aht, patience, seconds);
            Assert.InRange(predicted - observed, -0.05, 0.05);
        }

        Assert.Equal(0.44301, ErlangA.ServiceLevel(agents, load, aht, patience, 60), 3);
    }

    /// <summary>Bisection on fractional agents: the abandon rate falls as agents are added.</summary>
    private static double AgentsGiving(double abandonRate, double load, double aht, double patience)
    {
        double low = 0.5, high = 50;
        while (high - low > 1e-9)
        {
            var middle = (low + high) / 2;
            if (ErlangA.ProbabilityOfAbandon(middle, load, aht, patience) > abandonRate)
            {
                low = middle;
            }
            else
            {
                high = middle;
            }
        }

        return low;
    }
}
