namespace BackOfficeCloud.Messaging.Tests.Support;

/// <summary>A clock that always says <paramref name="now"/>.</summary>
public sealed class FixedTime(DateTimeOffset now) : TimeProvider
{
    public override DateTimeOffset GetUtcNow() => now;
}
