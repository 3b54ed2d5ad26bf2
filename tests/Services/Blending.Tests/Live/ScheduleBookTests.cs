using BackOfficeCloud.Blending.Live;
using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Planning.Blending.Model;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Blending.Tests.Live;

public class ScheduleBookTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 23, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_part_replaces_only_the_shifts_of_its_own_employees()
    {
        var book = new ScheduleBook();
        book.Publish(Schedule(part: 0, parts: 0, ("ann", "phone"), ("bob", "phone")));

        var changed = book.Publish(Schedule(part: 1, parts: 2, ("ann", "back_office")));

        Assert.Equal(["ann"], changed);
        Assert.Equal(ScheduledActivity.BackOffice, book.ActivityAt("ann", Monday.AddHours(10)));
        Assert.Equal(ScheduledActivity.Phone, book.ActivityAt("bob", Monday.AddHours(10)));
    }

    [Fact]
    public void A_whole_schedule_replaces_every_employees_shifts_in_its_period()
    {
        var book = new ScheduleBook();
        book.Publish(Schedule(part: 0, parts: 0, ("ann", "phone"), ("bob", "phone")));

        book.Publish(Schedule(part: 0, parts: 0, ("ann", "back_office")));

        Assert.Equal(ScheduledActivity.BackOffice, book.ActivityAt("ann", Monday.AddHours(10)));
        Assert.Null(book.ActivityAt("bob", Monday.AddHours(10)));
    }

    private static SchedulePublished Schedule(int part, int parts, params (string Employee, string Activity)[] shifts)
    {
        var schedule = new SchedulePublished
        {
            ScheduleId = "s-1",
            PeriodStart = Timestamp.FromDateTimeOffset(Monday),
            PeriodEnd = Timestamp.FromDateTimeOffset(Monday.AddDays(7)),
            Part = part,
            Parts = parts,
        };
        foreach (var (employee, activity) in shifts)
        {
            var start = Timestamp.FromDateTimeOffset(Monday.AddHours(8));
            var end = Timestamp.FromDateTimeOffset(Monday.AddHours(16));
            schedule.Shifts.Add(new EmployeeShift { EmployeeId = employee, Start = start, End = end, Segments = { new ActivitySegment { Start = start, End = end, Activity = activity } } });
            if (parts > 1)
            {
                schedule.PartEmployees.Add(employee);
            }
        }

        return schedule;
    }
}
