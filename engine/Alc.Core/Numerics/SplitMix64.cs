namespace Alc.Core.Numerics;

/// <summary>SplitMix64 finaliser: a stateless, platform-independent hash for seeded, order-free randomness.</summary>
internal static class SplitMix64
{
    public static ulong Mix(ulong z)
    {
        z += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }

    /// <summary>A uniform double in [0, 1) determined by the three keys.</summary>
    public static double Uniform(long seed, long a, long b)
    {
        ulong h = Mix(Mix(Mix((ulong)seed) ^ (ulong)a) ^ (ulong)b);
        return (h >> 11) * (1.0 / (1UL << 53));
    }
}
