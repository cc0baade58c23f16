using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;

namespace Alc.Core.Numerics;

/// <summary>
/// Splits one pixel's L class values into ⌈L/8⌉ 256-bit chunks without copying: full chunks are loaded in
/// place; when L is not a multiple of 8 the last chunk is loaded over the last 8 values (overlapping the
/// previous chunk) and its overlapping lanes are masked to zero. Sums, dot products and maxima over the
/// chunks therefore equal those over the L values (probabilities are ≥ 0, so a zero lane never wins a max).
/// For L &lt; 8 the values are copied into a zero-padded chunk. Accumulators kept "in chunk space"
/// (<see cref="Chunks"/>·8 floats) are mapped back to classes with <see cref="ClassOfLane"/>.
/// </summary>
internal readonly struct ClassChunks
{
    public ClassChunks(int classes)
    {
        Classes = classes;
        Chunks = (classes + 7) / 8;
        Padded = classes < 8;
        LastOffset = Padded ? 0 : classes - 8;
        int overlap = Padded ? 0 : (Chunks * 8) - classes;
        // Lanes below `overlap` of the last chunk repeat classes of the previous chunk: zero them.
        LastMask = Vector256.GreaterThanOrEqual(Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7), Vector256.Create(overlap)).AsSingle();
    }

    /// <summary>L.</summary>
    public int Classes { get; }

    /// <summary>⌈L/8⌉.</summary>
    public int Chunks { get; }

    /// <summary>Whether L &lt; 8 (values are copied into one zero-padded chunk).</summary>
    public bool Padded { get; }

    /// <summary>Offset of the last chunk's first lane in the pixel's values.</summary>
    public int LastOffset { get; }

    /// <summary>All-ones for the last chunk's lanes that are new classes, zero for repeated ones.</summary>
    public Vector256<float> LastMask { get; }

    /// <summary>
    /// Chunk <paramref name="k"/> of the pixel whose values start at <paramref name="f"/>. When
    /// <see cref="Padded"/>, <paramref name="f"/> must be a zero-padded copy of at least 8 values.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Vector256<float> Load(ReadOnlySpan<float> f, int k)
    {
        ref float start = ref MemoryMarshal.GetReference(f);
        if (Padded)
        {
            return Vector256.LoadUnsafe(ref start);
        }

        return k < Chunks - 1
            ? Vector256.LoadUnsafe(ref start, (nuint)(k * 8))
            : Vector256.LoadUnsafe(ref start, (nuint)LastOffset) & LastMask;
    }

    /// <summary>The class held by lane <paramref name="lane"/> of chunk <paramref name="k"/>, or −1 for a zeroed lane.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public int ClassOfLane(int k, int lane)
    {
        if (Padded)
        {
            return lane < Classes ? lane : -1;
        }

        if (k < Chunks - 1)
        {
            return (k * 8) + lane;
        }

        int c = LastOffset + lane;
        return c >= (Chunks - 1) * 8 ? c : -1;
    }

    /// <summary>The largest lane value.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static float HorizontalMax(Vector256<float> v)
    {
        // MaxNative (maxps): the values are finite, so IEEE NaN/±0 handling of Max is not needed.
        Vector128<float> m = Vector128.MaxNative(v.GetLower(), v.GetUpper());
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(2, 3, 0, 1)));
        m = Vector128.MaxNative(m, Vector128.Shuffle(m, Vector128.Create(1, 0, 3, 2)));
        return m.ToScalar();
    }

    /// <summary>Index of the first lane equal to <paramref name="value"/>, or −1.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static int FirstLaneEqual(Vector256<float> v, float value)
    {
        uint bits = Vector256.Equals(v, Vector256.Create(value)).ExtractMostSignificantBits();
        return bits == 0 ? -1 : BitOperations.TrailingZeroCount(bits);
    }
}
