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
        var first = Math.Max(0, window.History.Days - (7 * (fitWeeks + WarmupWeeks)));
        var fitted = NelderMead.Minimize(
            x => new State(window, first).Run(Weights(x)),
            start: [-2.0, -3.0, -2.0, 0.0],
            step: 1.0,
            maxEvaluations,
            tolerance: 1e-4);
        var weights = Weights(fitted);
        var state = new State(window, first);
        state.Run(weights);
        return state.Extrapolate(days, weights[3]);
    }

    /// <summary>Unconstrained search space to weights in (0, 1): α, δ (intraday), ω (weekly), φ (AR).</summary>
    private static double[] Weights(double[] x) => [.. x.Select(v => 1 / (1 + Math.Exp(-v)))];

    private sealed class State
    {
        private readonly TrainingWindow _window;
        private readonly int _first;
        private readonly int _slots;
        private readonly double[] _daily;
        private readonly double[] _weekly;
        private double _level;
        private double _lastError;

        public State(TrainingWindow window, int first)
        {
            _window = window;
            _first = first;
            _slots = window.Slots;
            _daily = new double[_slots];
            _weekly = new double[7 * _slots];
            Initialise();
        }

        /// <summary>Runs the recursions over the window; returns the one-step squared error after the warm-up.</summary>
        public double Run(double[] w)
        {
            var (alpha, delta, omega, phi) = (w[0], w[1], w[2], w[3]);
            var history = _window.History;
            var scoreFrom = _first + (7 * WarmupWeeks);
            var sse = 0.0;
            for (var d = _first; d < history.Days; d++)
            {
                var weekday = history.WeekdayOf(d);
                var row = (int)weekday * _slots;
                var day = history.Day(d);
                for (var s = 0; s < _slots; s++)
                {
                    var y = day[s];
                    if (double.IsNaN(y) || !_window.Open.IsOpen(weekday, s))
                    {
                        continue;
                    }

                    var error = y - (_level + _daily[s] + _weekly[row + s] + (phi * _lastError));
                    _level += alpha * error;
                    _daily[s] += delta * error;
                    _weekly[row + s] += omega * error;
                    _lastError = error;
                    if (d >= scoreFrom)
                    {
                        sse += error * error;
                    }
                }
            }

            return sse;
        }

        public double[] Extrapolate(int days, double phi)
        {
            var result = new double[days * _slots];
            var start = _window.History.Days;
            var ar = _lastError;
            for (var f = 0; f < days; f++)
            {
                var row = (int)_window.History.FirstDay.AddDays(start + f).DayOfWeek * _slots;
                for (var s = 0; s < _slots; s++)
                {
                    ar *= phi;
                    result[(f * _slots) + s] = Math.Max(0, _level + _daily[s] + _weekly[row + s] + ar);
                }
            }

            return result;
        }

        /// <summary>
        /// Level = mean of the fitting weeks; weekly cycle = their mean per weekday and slot less the level. Starting
        /// from the whole window's means (not the first weeks') keeps noise out of a weekly cycle that a small ω
        /// would otherwise carry into every forecast.
        /// </summary>
        private void Initialise()
        {
            var history = _window.History;
            var end = history.Days;
            var sums = new double[_weekly.Length];
            var counts = new int[_weekly.Length];
            double total = 0;
            var n = 0;
            for (var d = _first; d < end; d++)
            {
                var row = (int)history.WeekdayOf(d) * _slots;
                for (var s = 0; s < _slots; s++)
                {
                    var y = history[d, s];
                    if (!double.IsNaN(y) && _window.Open.IsOpen(history.WeekdayOf(d), s))
                    {
                        sums[row + s] += y;
                        counts[row + s]++;
                        total += y;
                        n++;
                    }
                }
            }

            _level = n == 0 ? 0 : total / n;
            for (var i = 0; i < _weekly.Length; i++)
            {
                _weekly[i] = counts[i] == 0 ? 0 : (sums[i] / counts[i]) - _level;
            }
        }
    }
}
