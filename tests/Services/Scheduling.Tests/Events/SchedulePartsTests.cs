using BackOfficeCloud.Contracts.Events.V1;
using BackOfficeCloud.Messaging.Envelope;
using BackOfficeCloud.Scheduling.Events;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Scheduling.Tests.Events;

public class SchedulePartsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 11, 30, 7, 0, 0, TimeSpan.Zero);

    [Fact]
    public void A_schedule_that_fits_is_sent_whole()
    {
        var schedule = Schedule(employees: 3, days: 2);

        var parts = ScheduleParts.Split(schedule);

        Assert.Same(schedule, Assert.Single(parts));
        Assert.Equal(0, schedule.Parts);
    }

    [Fact]
    public void A_large_schedule_is_split_by_employee_into_parts_that_fit_and_together_hold_every_shift()
    {
        var schedule = Schedule(employees: 40, days: 5);
        var budget = ProtoJson.Format(schedule).Length / 3;

        var parts = ScheduleParts.Split(schedule, budget);

        Assert.InRange(parts.Count, 3, 5);
        Assert.Equal(Enumerable.Range(1, parts.Count), parts.Select(p => p.Part));
        Assert.All(parts, p => Assert.Equal(parts.Count, p.Parts));
        Assert.All(parts, p => Assert.True(p.Shifts.Sum(s => ProtoJson.Format(s).Length) <= budget, $"part {p.Part} is over budget"));
        Assert.All(parts, p => Assert.Equal(p.PartEmployees.Order(StringComparer.Ordinal), p.Shifts.Select(s => s.EmployeeId).Distinct().Order(StringComparer.Ordinal)));
        Assert.Equal(schedule.Shifts.OrderBy(s => s.EmployeeId, StringComparer.Ordinal).ThenBy(s => s.Start), parts.SelectMany(p => p.Shifts).OrderBy(s => s.EmployeeId, StringComparer.Ordinal).ThenBy(s => s.Start));
        Assert.Equal(40, parts.SelectMany(p => p.PartEmployees).Distinct().Count());
        Assert.All(parts, p => Assert.Equal((schedule.ScheduleId, schedule.Version, schedule.PeriodStart), (p.ScheduleId, p.Version, p.PeriodStart)));
    }

    private static SchedulePublished Schedule(int employees, int days)
    {
        var schedule = new SchedulePublished { ScheduleId = Guid.NewGuid().ToString(), Version = 1, PeriodStart = Timestamp.FromDateTimeOffset(Monday) };
        for (var e = 0; e < employees; e++)
        {
            for (var d = 0; d < days; d++)
            {
                var start = Monday.AddDays(d).AddMinutes(30 * (e % 6));
                schedule.Shifts.Add(new EmployeeShift
                {
                    EmployeeId = $"E{e:D4}",
                    Start = Timestamp.FromDateTimeOffset(start),
                    End = Timestamp.FromDateTimeOffset(start.AddHours(8)),
                    Segments =
                    {
                        new ActivitySegment { Start = Timestamp.FromDateTimeOffset(start), End = Timestamp.FromDateTimeOffset(start.AddHours(4)), Activity = "phone" },
                        new ActivitySegment { Start = Timestamp.FromDateTimeOffset(start.AddHours(4)), End = Timestamp.FromDateTimeOffset(start.AddHours(4.5)), Activity = "break", Name = "lunch" },
                        new ActivitySegment { Start = Timestamp.FromDateTimeOffset(start.AddHours(4.5)), End = Timestamp.FromDateTimeOffset(start.AddHours(8)), Activity = "back_office", Skill = "claims" },
                    },
                });
            }
        }

        return schedule;
    }
}
