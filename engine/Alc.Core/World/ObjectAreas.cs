using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>Object areas drawn from the log-normal law of <see cref="ObjectSizeLaw.LogNormal"/>, shared by the benchmark worlds.</summary>
internal static class ObjectAreas
{
    /// <summary>A log-normal area as a share of the image (one Gaussian draw), raised to <see cref="WorldOptions.MinArea"/> px and capped at half the image.</summary>
    public static double Share(SeededRandom random, WorldOptions options, double median, double sigma)
    {
        double n = (double)options.Size * options.Size;
        return Math.Clamp(Math.Exp(Math.Log(median) + (sigma * random.Gaussian())), options.MinArea / n, 0.5);
    }

    /// <summary>
    /// <see cref="Share"/> as the radius <see cref="Shapes.Random"/> draws with: the shapes' mean aspect (0.78) and an
    /// ellipse's area π r² a.
    /// </summary>
    public static double Radius(SeededRandom random, WorldOptions options, double median, double sigma) =>
        Math.Sqrt(Share(random, options, median, sigma) / (Math.PI * 0.78));
}
