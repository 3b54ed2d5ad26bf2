namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>One way to forecast a series: fitted on a training window, it forecasts whole days after it.</summary>
internal interface IForecastMethod
{
    string Name { get; }

    /// <summary>Per-interval forecasts for the <paramref name="days"/> days after the window, day-major; closed slots may hold anything.</summary>
    double[] Forecast(TrainingWindow window, int days);
}
