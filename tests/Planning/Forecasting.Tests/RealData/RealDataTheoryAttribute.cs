namespace BackOfficeCloud.Planning.Forecasting.Tests.RealData;

/// <summary>A theory on the shared real data; skipped with a message when it is absent (see <see cref="RealDataFolder"/>).</summary>
public sealed class RealDataTheoryAttribute : TheoryAttribute
{
    public RealDataTheoryAttribute()
    {
        if (RealDataFolder.Path is null)
        {
            Skip = RealDataFactAttribute.MissingMessage;
        }
    }
}
