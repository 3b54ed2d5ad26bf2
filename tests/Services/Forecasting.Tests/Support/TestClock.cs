namespace BackOfficeCloud.Forecasting.Tests.Support;

/// <summary>The real clock until a test sets <see cref="Now"/>; timers stay real either way.</summary>
public sealed class TestClock : TimeProvider
{
    private DateTimeOffset? _now;

    public DateTimeOffset? Now
    {
        get => _now;
        set => _now = value;
    }

    public override DateTimeOffset GetUtcNow() => _now ?? base.GetUtcNow();
}
