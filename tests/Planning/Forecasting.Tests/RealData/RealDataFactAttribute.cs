namespace BackOfficeCloud.Planning.Forecasting.Tests.RealData;

/// <summary>A test on the shared real data (../shared/data beside the repository, or $BOCLOUD_DATA); skipped with a message when it is absent.</summary>
public sealed class RealDataFactAttribute : FactAttribute
{
    public const string MissingMessage = "Real data not found: put it in ../shared/data beside the repository or set BOCLOUD_DATA.";

    public RealDataFactAttribute()
    {
        if (RealDataFolder.Path is null)
        {
            Skip = MissingMessage;
        }
    }
}

internal static class RealDataFolder
{
    /// <summary>$BOCLOUD_DATA, else shared/data beside the repository root (the folder holding BackOfficeCloud.sln).</summary>
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var fromEnvironment = Environment.GetEnvironmentVariable("BOCLOUD_DATA");
        if (!string.IsNullOrEmpty(fromEnvironment))
        {
            return Directory.Exists(fromEnvironment) ? fromEnvironment : null;
        }

        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "BackOfficeCloud.sln")))
            {
                var data = System.IO.Path.Combine(dir.FullName, "..", "shared", "data");
                return Directory.Exists(data) ? data : null;
            }
        }

        return null;
    }
}
