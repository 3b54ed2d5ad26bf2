namespace BackOfficeCloud.TestKit;

/// <summary>A tenant id of its own for each test, so tests run in parallel without seeing each other.</summary>
public static class UniqueTenant
{
    public static string Next(string prefix = "t") => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
}
