namespace BackOfficeCloud.Planning.Staffing.Tests.RealData;

/// <summary>
/// A test on the Anonymous Bank call log in the shared real data ($BOCLOUD_DATA, else ../shared/data beside the
/// repository); skipped with a message when the file is absent.
/// </summary>
public sealed class BankCallsFactAttribute : FactAttribute
{
    public const string FileName = "anonymous_bank_calls_1999_02.csv";

    public BankCallsFactAttribute()
    {
        if (FilePath is null)
        {
            Skip = $"Real data {FileName} not found: put shared/data beside the repository or set BOCLOUD_DATA.";
        }
    }

    public static string? FilePath { get; } = Locate();

    private static string? Locate()
    {
        var folder = Environment.GetEnvironmentVariable("BOCLOUD_DATA");
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); string.IsNullOrEmpty(folder) && dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "BackOfficeCloud.sln")))
            {
                folder = Path.Combine(dir.FullName, "..", "shared", "data");
            }
        }

        var file = folder is null ? null : Path.Combine(folder, FileName);
        return file is not null && File.Exists(file) ? file : null;
    }
}
