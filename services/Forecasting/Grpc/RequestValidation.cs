using BackOfficeCloud.Contracts.Forecasting.V1;
using BackOfficeCloud.Forecasting.Storage;
using BackOfficeCloud.Planning.Calendar;
using BackOfficeCloud.Planning.Forecasting;
using BackOfficeCloud.ServiceDefaults.Validation;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Forecasting.Grpc;

/// <summary>Checks requests before anything runs; every violation names its field and the value given.</summary>
public static class RequestValidation
{
    public const int MaxSeriesPerJob = 100;
    public const int MaxHorizonDays = 92;
    public const int MaxQueueNameLength = 200;
    public const int MaxNoteLength = 2000;

    public static ForecastJobSpec Validate(CreateForecastRequest request, int baseMinutes)
    {
        var violations = new List<FieldViolation>();
        var series = request.Queues.Select(q => new SeriesKey(SeriesKey.Contacts, q))
            .Concat(request.WorkTypes.Select(w => new SeriesKey(SeriesKey.WorkItems, w)))
            .ToList();
        if (series.Count is 0 or > MaxSeriesPerJob)
        {
            violations.Add(new("queues", $"name 1 to {MaxSeriesPerJob} queues and work types in all (got {series.Count})"));
        }

        CheckNames(request.Queues, "queues", violations);
        CheckNames(request.WorkTypes, "work_types", violations);
        if (series.Distinct().Count() != series.Count)
        {
            violations.Add(new("queues", "names a queue or work type twice"));
        }

        var minutes = IntervalMinutes(request.IntervalMinutes, baseMinutes, violations);
        var method = Method(request.Method, violations);
        var start = request.HorizonStart?.ToDateTimeOffset();
        var end = request.HorizonEnd?.ToDateTimeOffset();
        if (end is not null && start is null)
        {
            violations.Add(new("horizon_start", "is required when horizon_end is given"));
        }
        else if (start is not null && end is not null && (end <= start || end - start > TimeSpan.FromDays(MaxHorizonDays)))
        {
            violations.Add(new("horizon_end", $"{end:O} must be after horizon_start {start:O} and at most {MaxHorizonDays} days later"));
        }
        else if (end is null && request.Days is < 1 or > MaxHorizonDays)
        {
            violations.Add(new("days", $"is {request.Days}: give 1 to {MaxHorizonDays} days, or horizon_start and horizon_end"));
        }

        Throw(violations);
        return new ForecastJobSpec(series, start, end, request.Days, minutes, method);
    }

    public static int IntervalMinutes(int requested, int baseMinutes, List<FieldViolation> violations)
    {
        var minutes = requested == 0 ? baseMinutes : requested;
        if (!IntervalGrid.SupportedLengths.Contains(minutes) || minutes % baseMinutes != 0)
        {
            violations.Add(new("interval_minutes", $"is {requested}: use one of {string.Join(", ", IntervalGrid.SupportedLengths.Where(m => m % baseMinutes == 0))} (multiples of the base interval of {baseMinutes} minutes)"));
        }

        return minutes;
    }

    public static string Method(string requested, List<FieldViolation> violations)
    {
        var method = requested.Length == 0 ? ForecastMethods.Auto : requested;
        if (!ForecastMethods.All.Contains(method))
        {
            violations.Add(new("method", $"is '{requested}': use one of {string.Join(", ", ForecastMethods.All)}"));
        }

        return method;
    }

    public static void CheckNames(IEnumerable<string> names, string field, List<FieldViolation> violations)
    {
        foreach (var (name, index) in names.Select((n, i) => (n, i)))
        {
            if (string.IsNullOrWhiteSpace(name) || name.Length > MaxQueueNameLength)
            {
                violations.Add(new($"{field}[{index}]", $"'{name}' must be a name of 1 to {MaxQueueNameLength} characters"));
            }
        }
    }

    public static Guid Id(string value, string field) =>
        Guid.TryParse(value, out var id) ? id : throw new ValidationException(field, $"'{value}' is not an id (a UUID)");

    public static DateTimeOffset Required(Timestamp? value, string field, List<FieldViolation> violations)
    {
        if (value is null)
        {
            violations.Add(new(field, "is required"));
            return default;
        }

        return value.ToDateTimeOffset();
    }

    public static void Throw(List<FieldViolation> violations)
    {
        if (violations.Count > 0)
        {
            throw new ValidationException(violations);
        }
    }
}
