namespace BackOfficeCloud.Planning.Forecasting.Methods;

/// <summary>
/// Additive double-seasonal exponential smoothing (Taylor 2003): a level, an intraday cycle and a weekly cycle, with
/// an AR(1) adjustment of the last error. Smoothing weights are fitted per series by Nelder–Mead on the one-step
/// squared error over the recent weeks. Closed and missing slots do not update the state.
/// </summary>
internal sealed class HoltWintersDoubleSeasonal(int fitWeeks, int maxEvaluations) : IForecastMethod
{
    public const string MethodName = "holt_winters";

    private const int WarmupWeeks = 2;

    public string Name => MethodName;

    public double[] Forecast(TrainingWindow window, int days)
    {
        var series = new Observations(window, Math.Max(0, window.History.Days - (7 * (fitWeeks + WarmupWeeks))));
        var fitted = NelderMead.Minimize(
            x => new State(series).Run(Weights(x)),
            start: [-2.0, -3.0, -2.0, 0.0],
            step: 1.0,
            maxEvaluations,
            tolerance: 1e-4);
        var weights = Weights(fitted);
        var state = new State(series);
        state.Run(weights);
        return state.Extrapolate(window, days, weights[3]);
    }

    /// <summary>Unconstrained search space to weights in (0, 1): α, δ (intraday), ω (weekly), φ (AR).</summary>
    private static double[] Weights(double[] x) => [.. x.Select(v => 1 / (1 + Math.Exp(-v)))];

    /// <summary>
    /// The open, known values of the fitting window in time order, with their slot and weekly cell, and the starting
    /// state: level = mean of the window, weekly cycle = mean per weekday and slot less the level. Starting from the
    /// whole window's means keeps noise out of a weekly cycle that a small ω would otherwise carry into every forecast.
    /// </summary>
    private sealed class Observations
    {
        public Observations(TrainingWindow window, int first)
        {
            var history = window.History;
            Slots = window.Slots;
            var scoreFrom = first + (7 * WarmupWeeks);
            var (values, cells, scored) = (new List<double>(), new List<int>(), new List<bool>());
            var sums = new double[7 * Slots];
            var counts = new int[7 * Slots];
            for (var d = first; d < history.Days; d++)
            {
                var weekday = history.WeekdayOf(d);
                var day = history.Day(d);
                for (var s = 0; s < Slots; s++)
                {
                    if (!double.IsNaN(day[s]) && window.Open.IsOpen(weekday, s))
                    {
                        var cell = ((int)weekday * Slots) + s;
                        values.Add(day[s]);
                        cells.Add(cell);
                        scored.Add(d >= scoreFrom);
                        sums[cell] += day[s];
                        counts[cell]++;
                    }
                }
            }

            (Values, Cells, Scored) = (values.ToArray(), cells.ToArray(), scored.ToArray());
            Level = Values.Length == 0 ? 0 : Values.Average();
            Weekly = new double[7 * Slots];
            for (var i = 0; i < Weekly.Length; i++)
            {
                Weekly[i] = counts[i] == 0 ? 0 : (sums[i] / counts[i]) - Level;
            }
        }

        public int Slots { get; }

        public double[] Values { get; }

        public int[] Cells { get; }

        public bool[] Scored { get; }

        public double Level { get; }

        public double[] Weekly { get; }
    }

    private sealed class State(Observations series)
    {
        private readonly double[] _daily = new double[series.Slots];
        private readonly double[] _weekly = (double[])series.Weekly.Clone();
        private double _level = series.Level;
        private double _lastError;

        /// <summary>Runs the recursions over the window; returns the one-step squared error after the warm-up.</summary>
        public double Run(double[] w)
        {
            var (alpha, delta, omega, phi) = (w[0], w[1], w[2], w[3]);
            var (values, cells, scored, slots) = (series.Values, series.Cells, series.Scored, series.Slots);
            var sse = 0.0;
            for (var i = 0; i < values.Length; i++)
            {
                var cell = cells[i];
                var slot = cell % slots;
                var error = values[i] - (_level + _daily[slot] + _weekly[cell] + (phi * _lastError));
                _level += alpha * error;
                _daily[slot] += delta * error;
                _weekly[cell] += omega * error;
                _lastError = error;
                sse += scored[i] ? error * error : 0;
            }

            return sse;
        }

        public double[] Extrapolate(TrainingWindow window, int days, double phi)
        {
            var slots = series.Slots;
            var result = new double[days * slots];
            var ar = _lastError;
            for (var f = 0; f < days; f++)
            {
                var row = (int)window.History.DateOf(window.History.Days + f).DayOfWeek * slots;
                for (var s = 0; s < slots; s++)
                {
                    ar *= phi;
                    result[(f * slots) + s] = Math.Max(0, _level + _daily[s] + _weekly[row + s] + ar);
                }
            }

            return result;
        }
    }
}
