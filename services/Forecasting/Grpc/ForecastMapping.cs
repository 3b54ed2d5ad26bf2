using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Storage;
using Google.Protobuf.WellKnownTypes;
using Score = BackOfficeCloud.Contracts.Forecasting.V1.MethodScore;

namespace BackOfficeCloud.Forecasting.Grpc;

/// <summary>Stored forecasts, jobs and adjustments as API messages.</summary>
public static class ForecastMapping
{
    public static ForecastJob ToMessage(JobStatus job)
    {
        var message = new ForecastJob
        {
            JobId = job.JobId.ToString(),
            State = job.State switch
            {
                JobStates.Queued => JobState.Queued,
                JobStates.Running => JobState.Running,
                JobStates.Succeeded => JobState.Succeeded,
                _ => JobState.Failed,
            },
            Phase = job.Phase,
            SeriesDone = job.SeriesDone,
            SeriesTotal = job.SeriesTotal,
            CurrentSeries = job.CurrentSeries,
            Error = job.Error,
            CreatedAt = Timestamp.FromDateTimeOffset(job.CreatedAt),
            UpdatedAt = Timestamp.FromDateTimeOffset(job.UpdatedAt),
            CreatedBy = job.CreatedBy,
        };
        message.ForecastIds.AddRange(job.ForecastIds.Select(id => id.ToString()));
        return message;
    }

    public static Forecast ToMessage(StoredForecast f, IReadOnlyList<StoredValue> adjusted, IReadOnlyList<StoredAdjustment> adjustments)
    {
        var message = new Forecast
        {
            ForecastId = f.ForecastId.ToString(),
            JobId = f.JobId.ToString(),
            Kind = SeriesKey.KindOf(f.Key.Kind),
            Queue = f.Key.Queue,
            IntervalMinutes = f.IntervalMinutes,
            TimeZone = f.TimeZone,
            Method = f.Method,
            Status = f.Status,
            HorizonStart = Timestamp.FromDateTimeOffset(f.HorizonStart),
            HorizonEnd = Timestamp.FromDateTimeOffset(f.HorizonEnd),
            CreatedAt = Timestamp.FromDateTimeOffset(f.CreatedAt),
            CreatedBy = f.CreatedBy,
            HistoryIntervals = f.HistoryIntervals,
        };
        message.Members.AddRange(f.Explanation.Members);
        message.Scores.AddRange(f.Explanation.Scores.Select(ToMessage));
        message.UnusualDays.AddRange(f.Explanation.UnusualDays.Select(d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
        message.Values.AddRange(adjusted.Zip(f.Values, (a, v) => new ForecastValue
        {
            Start = Timestamp.FromDateTimeOffset(a.Start),
            Minutes = a.Minutes,
            Volume = a.Volume,
            Lo80 = a.Lo80,
            Hi80 = a.Hi80,
            Lo95 = a.Lo95,
            Hi95 = a.Hi95,
            HandleSeconds = a.HandleSeconds,
            UnadjustedVolume = v.Volume,
        }));
        message.Adjustments.AddRange(adjustments.Select(ToMessage));
        return message;
    }

    public static ForecastSummary ToSummary(StoredForecast f) => new()
    {
        ForecastId = f.ForecastId.ToString(),
        JobId = f.JobId.ToString(),
        Kind = SeriesKey.KindOf(f.Key.Kind),
        Queue = f.Key.Queue,
        IntervalMinutes = f.IntervalMinutes,
        Method = f.Method,
        HorizonStart = Timestamp.FromDateTimeOffset(f.HorizonStart),
        HorizonEnd = Timestamp.FromDateTimeOffset(f.HorizonEnd),
        CreatedAt = Timestamp.FromDateTimeOffset(f.CreatedAt),
        CreatedBy = f.CreatedBy,
    };

    public static Adjustment ToMessage(StoredAdjustment a)
    {
        var message = new Adjustment
        {
            AdjustmentId = a.AdjustmentId.ToString(),
            Kind = SeriesKey.KindOf(a.Key.Kind),
            Queue = a.Key.Queue,
            PeriodStart = Timestamp.FromDateTimeOffset(a.PeriodStart),
            PeriodEnd = Timestamp.FromDateTimeOffset(a.PeriodEnd),
            Note = a.Note,
            CreatedBy = a.CreatedBy,
            CreatedAt = Timestamp.FromDateTimeOffset(a.CreatedAt),
        };
        if (a.Percent is { } percent)
        {
            message.Percent = percent;
        }
        else if (a.Absolute is { } absolute)
        {
            message.Absolute = absolute;
        }

        return message;
    }

    public static Score ToMessage(Planning.Forecasting.MethodScore s) => new()
    {
        Method = s.Method,
        Wape = s.Wape,
        Mase = s.Mase,
        Bias = s.Bias,
        Coverage80 = s.Coverage80,
        Coverage95 = s.Coverage95,
    };
}
