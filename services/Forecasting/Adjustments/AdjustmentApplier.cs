using BackOfficeCloud.Forecasting.Storage;

namespace BackOfficeCloud.Forecasting.Adjustments;

/// <summary>
/// Puts planner adjustments on top of a forecast, oldest first. A percentage scales every interval of its period (and
/// its prediction bounds); an absolute number is added to the period's total, spread in proportion to the forecast
/// there (evenly when the forecast there is zero), and shifts each interval's bounds by its share.
/// </summary>
public static class AdjustmentApplier
{
    public static IReadOnlyList<StoredValue> Apply(IReadOnlyList<StoredValue> values, IReadOnlyList<StoredAdjustment> adjustments)
    {
        var adjusted = values.ToArray();
        foreach (var a in adjustments)
        {
            var inPeriod = Enumerable.Range(0, adjusted.Length)
                .Where(i => adjusted[i].Start >= a.PeriodStart && adjusted[i].Start < a.PeriodEnd)
                .ToList();
            if (inPeriod.Count == 0)
            {
                continue;
            }

            if (a.Percent is { } percent)
            {
                var factor = Math.Max(0, 1 + (percent / 100));
                foreach (var i in inPeriod)
                {
                    var v = adjusted[i];
                    adjusted[i] = v with { Volume = v.Volume * factor, Lo80 = v.Lo80 * factor, Hi80 = v.Hi80 * factor, Lo95 = v.Lo95 * factor, Hi95 = v.Hi95 * factor };
                }
            }
            else if (a.Absolute is { } absolute)
            {
                var total = inPeriod.Sum(i => adjusted[i].Volume);
                foreach (var i in inPeriod)
                {
                    var v = adjusted[i];
                    var share = absolute * (total > 0 ? v.Volume / total : 1.0 / inPeriod.Count);
                    adjusted[i] = v with
                    {
                        Volume = Math.Max(0, v.Volume + share),
                        Lo80 = Math.Max(0, v.Lo80 + share),
                        Hi80 = Math.Max(0, v.Hi80 + share),
                        Lo95 = Math.Max(0, v.Lo95 + share),
                        Hi95 = Math.Max(0, v.Hi95 + share),
                    };
                }
            }
        }

        return adjusted;
    }
}
