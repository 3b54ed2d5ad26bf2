namespace BackOfficeCloud.Planning.Simulation.Run;

/// <summary>
/// One replication's counters per interval. Contacts count in the interval they arrived in, completed and late
/// items in the interval they were completed in, and busy seconds are spread over the intervals they span.
/// </summary>
internal sealed class Tally
{
    public Tally(int queues, int intervals)
    {
        Offered = Grid(queues, intervals);
        Answered = Grid(queues, intervals);
        AnsweredInTime = Grid(queues, intervals);
        Abandoned = Grid(queues, intervals);
        WaitSeconds = Grid(queues, intervals);
        PhoneBusySeconds = new double[intervals];
        BackOfficeBusySeconds = new double[intervals];
        ItemsArrived = new double[intervals];
        ItemsCompleted = new double[intervals];
        ItemsLate = new double[intervals];
    }

    public double[][] Offered { get; }

    public double[][] Answered { get; }

    public double[][] AnsweredInTime { get; }

    public double[][] Abandoned { get; }

    /// <summary>Waiting time of answered contacts.</summary>
    public double[][] WaitSeconds { get; }

    public double[] PhoneBusySeconds { get; }

    public double[] BackOfficeBusySeconds { get; }

    public double[] ItemsArrived { get; }

    public double[] ItemsCompleted { get; }

    public double[] ItemsLate { get; }

    public double OpenAtEnd { get; set; }

    public double OverdueAtEnd { get; set; }

    public long Events { get; set; }

    /// <summary>Adds the span [<paramref name="from"/>, <paramref name="to"/>) to the intervals it covers.</summary>
    public static void Spread(double[] perInterval, double from, double to, double intervalSeconds)
    {
        var k = (int)(from / intervalSeconds);
        while (from < to && k < perInterval.Length)
        {
            var end = Math.Min(to, (k + 1) * intervalSeconds);
            perInterval[k] += end - from;
            from = end;
            k++;
        }
    }

    private static double[][] Grid(int queues, int intervals) =>
        [.. Enumerable.Range(0, queues).Select(_ => new double[intervals])];
}
