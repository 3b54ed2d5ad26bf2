using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;

namespace BackOfficeCloud.Scheduling.Events;

/// <summary>
/// Splits a schedule event too large for one broker message into parts by employee, each close to an equal share of
/// the JSON (an employee's shifts stay together), so no message stalls the outbox relay.
/// </summary>
public static class ScheduleParts
{
    /// <summary>Largest part, in characters of its JSON: with the envelope it stays below the brokers' 1 MB limit.</summary>
    public const int MaxJsonChars = 512 * 1024;

    public static IReadOnlyList<SchedulePublished> Split(SchedulePublished schedule, int maxJsonChars = MaxJsonChars)
    {
        ArgumentNullException.ThrowIfNull(schedule);
        var employees = schedule.Shifts.GroupBy(s => s.EmployeeId, StringComparer.Ordinal)
            .Select(g => (Employee: g.Key, Shifts: g.ToList(), Chars: g.Sum(s => ProtoJson.Format(s).Length)))
            .OrderBy(e => e.Employee, StringComparer.Ordinal)
            .ToList();
        var total = employees.Sum(e => e.Chars);
        if (total <= maxJsonChars)
        {
            return [schedule];
        }

        var target = total / (int)Math.Ceiling((double)total / maxJsonChars);
        var groups = new List<List<(string Employee, List<EmployeeShift> Shifts, int Chars)>> { new() };
        var size = 0;
        foreach (var employee in employees)
        {
            if (size > 0 && size + employee.Chars > target)
            {
                groups.Add([]);
                size = 0;
            }

            groups[^1].Add(employee);
            size += employee.Chars;
        }

        return [.. groups.Select((group, i) =>
        {
            var part = schedule.Clone();
            part.Shifts.Clear();
            part.Shifts.AddRange(group.SelectMany(e => e.Shifts));
            part.Part = i + 1;
            part.Parts = groups.Count;
            part.PartEmployees.AddRange(group.Select(e => e.Employee));
            return part;
        })];
    }
}
