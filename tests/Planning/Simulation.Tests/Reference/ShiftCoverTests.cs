using BackOfficeCloud.Planning.Simulation.Reference;

namespace BackOfficeCloud.Planning.Simulation.Tests.Reference;

public class ShiftCoverTests
{
    [Fact]
    public void Starts_the_missing_shifts_at_the_first_short_interval_and_keeps_them_inside_the_day()
    {
        // Two shifts at 1 cover 1-2; one more is needed at 2 (covering 3 too); the one needed at 4 must start at 3 to end by 5.
        var starts = ShiftCover.Cover([0, 2, 3, 1, 1], 0, 5, 2);

        Assert.Equal([0, 2, 1, 1, 0], starts);
        Assert.Equal([0, 0, 0, 2, 0], ShiftCover.Cover([0, 0, 0, 0, 2], 0, 5, 2));
    }
}
