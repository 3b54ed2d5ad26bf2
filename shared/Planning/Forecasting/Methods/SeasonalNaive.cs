namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>The same interval of the latest week that has it.</summary>
internal sealed class SeasonalNaive : IForecastMethod
{
    public const string MethodName = "seasonal_naive";

    private const int LookbackWeeks = 8;

    public string Name => MethodName;

    public double[] Forecast(TrainingWindow window, int days)
    {
        var slots = window.Slots;
        var result = new double[days * slots];
        Span<double> latest = stackalloc double[1];
        for (var f = 0; f < days; f++)
        {
            var day = window.History.Days + f;
            for (var s = 0; s < slots; s++)
            {
                result[(f * slots) + s] = window.SameWeekdayValues(day, s, latest, LookbackWeeks) == 1 ? latest[0] : 0;
            }
        }

        return result;
    }
}
