using Alc.Core.Correction;

namespace Alc.Core.Tests.Correction;

public class TailClassGuardTests
{
    [Fact]
    public void The_rarer_half_cannot_be_a_target_and_the_rarest_class_cannot_be_left()
    {
        // Pixels per class (500, 10, 300, 50): by rarity 1, 3, 2, 0 → rarer half {1, 3}, rarest 1.
        var guard = TailClassGuard.FromCounts([500, 10, 300, 50]);
        Assert.Equal(1, guard.Rarest);
        Assert.True(guard.IsRare(1) && guard.IsRare(3) && !guard.IsRare(0) && !guard.IsRare(2));
        Assert.True(guard.Allows(0, 2));
        Assert.True(guard.Allows(3, 0)); // rare but not the rarest: may be relabelled into a frequent class
        Assert.False(guard.Allows(0, 3)); // into the rarer half
        Assert.False(guard.Allows(1, 0)); // away from the rarest
        Assert.False(guard.Allows(2, 1));
    }

    [Fact]
    public void Ties_go_to_the_lower_class_and_an_odd_count_keeps_the_middle_class_frequent()
    {
        var guard = TailClassGuard.FromCounts([5, 5, 9]);
        Assert.Equal(0, guard.Rarest);
        Assert.True(guard.IsRare(0));
        Assert.False(guard.IsRare(1));
        Assert.False(guard.IsRare(2));
    }
}
