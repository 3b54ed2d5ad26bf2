using System.Globalization;
using CsvHelper;

namespace BackOfficeCloud.Planning.Staffing.Tests.RealData;

/// <summary>One queued call of the Anonymous Bank log (February 1999).</summary>
public sealed record BankCall(DateOnly Date, int QueueHour, int QueueSeconds, string Outcome, int ServiceSeconds)
{
    public bool Answered => Outcome == "AGENT";

    public bool Abandoned => Outcome == "HANG";

    /// <summary>The calls that entered the queue ("0:00:00" marks a step that did not happen).</summary>
    public static IReadOnlyList<BankCall> ReadQueued(string path)
    {
        using var csv = CsvReader.FromFile(path);
        var headers = csv.Headers.ToList();
        int Column(string name) => headers.IndexOf(name) is >= 0 and var i ? i : throw new InvalidDataException($"{path}: no '{name}' column.");
        int date = Column("date"), queueStart = Column("q_start"), queueTime = Column("q_time"), outcome = Column("outcome"), serviceTime = Column("ser_time");
        var calls = new List<BankCall>();
        while (csv.Read())
        {
            var start = csv.GetString(queueStart);
            if (start == "0:00:00")
            {
                continue;
            }

            calls.Add(new BankCall(
                DateOnly.Parse(csv.GetString(date), CultureInfo.InvariantCulture),
                int.Parse(start.Split(':')[0], CultureInfo.InvariantCulture),
                int.Parse(csv.GetString(queueTime), CultureInfo.InvariantCulture),
                csv.GetString(outcome),
                int.Parse(csv.GetString(serviceTime), CultureInfo.InvariantCulture)));
        }

        return calls;
    }
}
