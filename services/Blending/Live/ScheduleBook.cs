using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Model;

namespace BackOfficeCloud.Blending.Live;

/// <summary>
/// The published schedule per employee: a newer schedule replaces the shifts of its period (per part when it comes in
/// parts). <see cref="ActivityAt"/> says what the schedule wants at an instant — null when no shift covers it.
/// </summary>
public sealed class ScheduleBook
{
    private readonly Dictionary<string, List<EmployeeShift>> _shifts = new(StringComparer.Ordinal);

    /// <summary>The employees whose shifts changed.</summary>
    public IReadOnlyCollection<string> Publish(SchedulePublished schedule)
    {
        var start = schedule.PeriodStart.ToDateTimeOffset();
        var end = schedule.PeriodEnd.ToDateTimeOffset();
        var changed = new HashSet<string>(StringComparer.Ordinal);
        // A schedule sent in parts replaces, per part, only the shifts of the employees that part names.
        var replaced = schedule.Parts > 1 ? new HashSet<string>(schedule.PartEmployees, StringComparer.Ordinal) : null;
        foreach (var (employee, shifts) in _shifts)
        {
            if (replaced?.Contains(employee) != false && shifts.RemoveAll(s => s.Start.ToDateTimeOffset() < end && s.End.ToDateTimeOffset() > start) > 0)
            {
                changed.Add(employee);
            }
        }

        foreach (var shift in schedule.Shifts)
        {
            if (!_shifts.TryGetValue(shift.EmployeeId, out var list))
            {
                _shifts[shift.EmployeeId] = list = [];
            }

            list.Add(shift);
            changed.Add(shift.EmployeeId);
        }

        return changed;
    }

    public ScheduledActivity? ActivityAt(string employee, DateTimeOffset at)
    {
        if (!_shifts.TryGetValue(employee, out var shifts))
        {
            return null;
        }

        var shift = shifts.Find(s => s.Start.ToDateTimeOffset() <= at && at < s.End.ToDateTimeOffset());
        if (shift is null)
        {
            return null;
        }

        var segment = shift.Segments.FirstOrDefault(s => s.Start.ToDateTimeOffset() <= at && at < s.End.ToDateTimeOffset());
        return segment?.Activity switch
        {
            null => ScheduledActivity.Flexible,
            "phone" => ScheduledActivity.Phone,
            "back_office" => ScheduledActivity.BackOffice,
            "break" or "lunch" or "meeting" or "training" => ScheduledActivity.Unavailable,
            _ => ScheduledActivity.Flexible,
        };
    }
}
