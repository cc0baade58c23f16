using Alc.Core.Numerics;

namespace Alc.Core.Tests.Numerics;

public class SeededRandomTests
{
    [Fact]
    public void The_sequence_depends_only_on_seed_and_stream()
    {
        var a = new SeededRandom(5, 2);
        var b = new SeededRandom(5, 2);
        var c = new SeededRandom(5, 3);
        var first = Enumerable.Range(0, 8).Select(_ => a.NextUInt64()).ToArray();
        Assert.Equal(first, Enumerable.Range(0, 8).Select(_ => b.NextUInt64()));
        Assert.NotEqual(first, Enumerable.Range(0, 8).Select(_ => c.NextUInt64()));
    }

    [Fact]
    public void Integers_are_uniform_in_range_and_gaussians_are_standard()
    {
        var random = new SeededRandom(1);
        var counts = new int[7];
        for (int i = 0; i < 70_000; i++)
        {
            counts[random.Next(7)]++;
        }

        // Expected 10,000 each, σ = √(70000·(1/7)·(6/7)) = 92.6 → ±4σ.
        Assert.All(counts, n => Assert.InRange(n, 10_000 - 371, 10_000 + 371));
        var draws = Enumerable.Range(0, 40_000).Select(_ => random.Gaussian()).ToArray();
        Assert.InRange(draws.Average(), -0.02, 0.02); // σ/√n = 0.005
        Assert.InRange(draws.Select(d => d * d).Average(), 0.97, 1.03);
        Assert.All(Enumerable.Range(0, 1000).Select(_ => random.Next(3, 5)), v => Assert.InRange(v, 3, 4));
    }
}
