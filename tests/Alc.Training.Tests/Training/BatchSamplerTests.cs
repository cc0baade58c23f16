using Alc.Core.Numerics;

namespace Alc.Training.Tests.Training;

public class BatchSamplerTests
{
    [Fact]
    public void Every_image_comes_once_per_epoch_across_batch_boundaries()
    {
        var sampler = new BatchSampler(10, new SeededRandom(4));

        // 3 batches of 4 = one epoch of 10 and 2 of the next.
        int[] drawn = [.. sampler.Next(4), .. sampler.Next(4), .. sampler.Next(4)];

        Assert.Equal(Enumerable.Range(0, 10), drawn[..10].Order());
        Assert.Equal(2, drawn[10..].Distinct().Count());
    }

    [Fact]
    public void A_split_smaller_than_the_batch_still_fills_it()
    {
        int[] batch = new BatchSampler(3, new SeededRandom(4)).Next(8);

        Assert.Equal(8, batch.Length);
        Assert.Equal([0, 1, 2], batch[..3].Order());
    }

    [Fact]
    public void The_same_seed_draws_the_same_batches()
    {
        var a = new BatchSampler(50, new SeededRandom(8));
        var b = new BatchSampler(50, new SeededRandom(8));
        var c = new BatchSampler(50, new SeededRandom(9));

        int[][] fromA = [.. Enumerable.Range(0, 20).Select(_ => a.Next(8))];

        Assert.Equal(fromA, Enumerable.Range(0, 20).Select(_ => b.Next(8)));
        Assert.NotEqual(fromA, Enumerable.Range(0, 20).Select(_ => c.Next(8)));
    }
}
