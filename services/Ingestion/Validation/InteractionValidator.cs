using BackOfficeCloud.Contracts.Ingestion.V1;
using Google.Protobuf.WellKnownTypes;

namespace BackOfficeCloud.Ingestion.Validation;

/// <summary>Checks one interaction; every problem is reported with its row, field, value and reason.</summary>
public static class InteractionValidator
{
    public const int MaxIdLength = 200;
    private static readonly DateTimeOffset Earliest = new(1990, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static IReadOnlyList<RowError> Validate(Interaction interaction, long row, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(interaction);
        var errors = new List<RowError>();
        void Fail(string field, object? value, string reason) =>
            errors.Add(new RowError { Row = row, Field = field, Value = value?.ToString() ?? "", Reason = reason });

        RequireText(interaction.SourceId, "source_id", Fail);
        RequireText(interaction.Queue, "queue", Fail);
        if (interaction.Channel == Channel.Unspecified || !System.Enum.IsDefined(interaction.Channel))
        {
            Fail("channel", interaction.Channel, "must be one of voice, chat, email, sms, video, social");
        }

        var latest = now.AddDays(1);
        var arrived = Instant(interaction.ArrivedAt, "arrived_at", required: true, latest, Fail);
        var answered = Instant(interaction.AnsweredAt, "answered_at", required: false, latest, Fail);
        var ended = Instant(interaction.EndedAt, "ended_at", required: false, latest, Fail);
        var abandonedAt = Instant(interaction.AbandonedAt, "abandoned_at", required: false, latest, Fail);
        if (arrived is { } a)
        {
            if (answered < a)
            {
                Fail("answered_at", interaction.AnsweredAt, "is before arrived_at");
            }

            if (ended < (answered ?? a))
            {
                Fail("ended_at", interaction.EndedAt, answered is null ? "is before arrived_at" : "is before answered_at");
            }

            if (abandonedAt < a)
            {
                Fail("abandoned_at", interaction.AbandonedAt, "is before arrived_at");
            }
        }

        if (interaction.Abandoned && answered is not null)
        {
            Fail("abandoned", true, "an answered contact cannot be abandoned");
        }

        NonNegative(interaction.TalkSeconds, "talk_seconds", Fail);
        NonNegative(interaction.HoldSeconds, "hold_seconds", Fail);
        NonNegative(interaction.WrapSeconds, "wrap_seconds", Fail);
        if (interaction.CustomerRef.Length > MaxIdLength)
        {
            Fail("customer_ref", interaction.CustomerRef[..20] + "…", $"is longer than {MaxIdLength} characters");
        }

        return errors;
    }

    private static void RequireText(string value, string field, Action<string, object?, string> fail)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            fail(field, value, "is required");
        }
        else if (value.Length > MaxIdLength)
        {
            fail(field, value[..20] + "…", $"is longer than {MaxIdLength} characters");
        }
    }

    private static void NonNegative(double value, string field, Action<string, object?, string> fail)
    {
        if (value < 0 || double.IsNaN(value) || double.IsInfinity(value))
        {
            fail(field, value, "must be a finite number of seconds, zero or more");
        }
    }

    private static DateTimeOffset? Instant(Timestamp? value, string field, bool required, DateTimeOffset latest, Action<string, object?, string> fail)
    {
        if (value is null)
        {
            if (required)
            {
                fail(field, null, "is required");
            }

            return null;
        }

        DateTimeOffset instant;
        try
        {
            instant = value.ToDateTimeOffset();
        }
        catch (InvalidOperationException)
        {
            fail(field, value, "is not a valid timestamp");
            return null;
        }

        if (instant < Earliest || instant > latest)
        {
            fail(field, instant.ToString("O"), "is outside 1990 to tomorrow");
            return null;
        }

        return instant;
    }
}
