using Alc.Core.Numerics;

namespace Alc.Training;

/// <summary>
/// Which images each step trains on: epochs of seeded random permutations, consumed batch by batch and continued
/// across epoch boundaries, so every image is seen once per epoch and a split smaller than a batch still fills it.
/// </summary>
internal sealed class BatchSampler
{
    private readonly SeededRandom _random;
    private readonly int[] _order;
    private int _next;

    /// <summary>A sampler over <paramref name="count"/> images drawing from <paramref name="random"/>.</summary>
    public BatchSampler(int count, SeededRandom random)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        _random = random;
        _order = new int[count];
        _next = count;
    }

    /// <summary>The next <paramref name="batchSize"/> image indices.</summary>
    public int[] Next(int batchSize)
    {
        int[] batch = new int[batchSize];
        for (int k = 0; k < batchSize; k++)
        {
            if (_next == _order.Length)
            {
                Shuffle();
            }

            batch[k] = _order[_next++];
        }

        return batch;
    }

    private void Shuffle()
    {
        for (int i = 0; i < _order.Length; i++)
        {
            _order[i] = i;
        }

        for (int i = _order.Length - 1; i > 0; i--)
        {
            int j = _random.Next(i + 1);
            (_order[i], _order[j]) = (_order[j], _order[i]);
        }

        _next = 0;
    }
}
