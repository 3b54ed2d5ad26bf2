using BackOfficeCloud.Planning.Forecasting.Methods;
using BackOfficeCloud.Planning.Forecasting.Series;

namespace BackOfficeCloud.Planning.Forecasting.Tests.Methods;

/// <summary>Training windows on a 4-slot day (6-hour slots), always open, from day values.</summary>
internal static class MethodFixture
{
    public static readonly DateOnly Monday = new(2025, 1, 6);

    public static TrainingWindow Window(int days, Func<int, int, double> value)
    {
        var matrix = SlotMatrix.Empty(Monday, days, 4);
        for (var d = 0; d < days; d++)
        {
            for (var s = 0; s < 4; s++)
            {
                matrix[d, s] = value(d, s);
            }
        }

        return new TrainingWindow(matrix, AlwaysOpen(), []);
    }

    private static WeeklyOpenMask AlwaysOpen() =>
        WeeklyOpenMask.FromOpenHours(BackOfficeCloud.Planning.Calendar.OpenHours.AlwaysOpen, 360);
}
