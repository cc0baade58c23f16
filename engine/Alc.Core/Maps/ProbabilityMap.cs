using System.Numerics.Tensors;

namespace Alc.Core.Maps;

/// <summary>
/// The model's softmax output f(x) for one image, pixel-major: the L class probabilities of pixel p are
/// <c>Values[p·L .. p·L+L)</c>. Every value is finite and in [0, 1] and each pixel's values sum to 1
/// within <see cref="SumTolerance"/>.
/// </summary>
/// <remarks>The map takes ownership of the array it is given.</remarks>
public sealed class ProbabilityMap
{
    /// <summary>How far a pixel's probabilities may sum from 1 (float softmax rounding plus slack).</summary>
    public const float SumTolerance = 1e-3f;

    private readonly float[] _values;

    /// <summary>Wraps <paramref name="values"/> after validating sizes, ranges and per-pixel sums.</summary>
    /// <exception cref="ArgumentException">Sizes disagree, the class count is out of range, or a pixel holds a value outside [0, 1], NaN, or probabilities that do not sum to 1.</exception>
    public ProbabilityMap(int width, int height, int classCount, float[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (classCount is < 1 or > LabelMap.MaxClasses)
        {
            throw new ArgumentException($"Class count {classCount} is out of range: 1..{LabelMap.MaxClasses}.", nameof(classCount));
        }

        MapValidation.RequireSize(width, height, values.LongLength, classCount, nameof(values));
        var span = values.AsSpan();
        // Fast path: one vectorised pass finds whether any value is out of range or NaN (NaN fails both comparisons).
        float min = TensorPrimitives.Min(span);
        float max = TensorPrimitives.Max(span);
        if (!(min >= 0f) || !(max <= 1f + SumTolerance))
        {
            for (int i = 0; i < span.Length; i++)
            {
                float v = span[i];
                if (!(v >= 0f && v <= 1f + SumTolerance))
                {
                    throw new ArgumentException(
                        $"Pixel {MapValidation.Describe(i / classCount, width)} has probability {v} for class {i % classCount}; values must be finite and in [0, 1].",
                        nameof(values));
                }
            }
        }

        for (int p = 0, o = 0; o < span.Length; p++, o += classCount)
        {
            float sum = TensorPrimitives.Sum(span.Slice(o, classCount));
            if (MathF.Abs(sum - 1f) > SumTolerance)
            {
                throw new ArgumentException(
                    $"Pixel {MapValidation.Describe(p, width)} has probabilities summing to {sum}; softmax outputs must sum to 1 (±{SumTolerance}).",
                    nameof(values));
            }
        }

        Width = width;
        Height = height;
        ClassCount = classCount;
        _values = values;
    }

    /// <summary>Image width in pixels.</summary>
    public int Width { get; }

    /// <summary>Image height in pixels.</summary>
    public int Height { get; }

    /// <summary>Number of classes L.</summary>
    public int ClassCount { get; }

    /// <summary>Number of pixels (width·height).</summary>
    public int PixelCount => Width * Height;

    /// <summary>All values, pixel-major (L per pixel).</summary>
    public ReadOnlySpan<float> Values => _values;

    /// <summary>f(x) for the pixel at linear index <paramref name="pixel"/>: L probabilities.</summary>
    public ReadOnlySpan<float> At(int pixel) => _values.AsSpan(pixel * ClassCount, ClassCount);
}
