namespace Alc.Core.World;

/// <summary>
/// Parameters of the seeded benchmark world (docs/design.md, "The benchmark world"; docs/worlds.md). The error rates
/// imitate Grounded-SAM's failure modes; their defaults are calibrated so that D0's Data mIoU lands in 0.50–0.65 (paper Table 6).
/// </summary>
public sealed record WorldOptions
{
    /// <summary>Seed: the same seed and options give byte-identical worlds.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Training images.</summary>
    public int Train { get; init; } = 240;

    /// <summary>Validation images.</summary>
    public int Val { get; init; } = 60;

    /// <summary>Side of the square images in pixels.</summary>
    public int Size { get; init; } = 128;

    /// <summary>Classes L including background (id 0); at most <see cref="WorldClasses.MaxClasses"/>.</summary>
    public int Classes { get; init; } = 8;

    /// <summary>Fewest objects per image.</summary>
    public int MinObjects { get; init; } = 2;

    /// <summary>Most objects per image.</summary>
    public int MaxObjects { get; init; } = 5;

    /// <summary>How object sizes are drawn: <see cref="ObjectSizeLaw.Uniform"/> radii (the v1 world) or <see cref="ObjectSizeLaw.LogNormal"/> areas.</summary>
    public ObjectSizeLaw ObjectSizes { get; init; } = ObjectSizeLaw.Uniform;

    /// <summary>Median object area as a share of the image, for <see cref="ObjectSizeLaw.LogNormal"/> (e^μ of ln area).</summary>
    public double AreaMedian { get; init; } = 0.0058;

    /// <summary>σ of ln(area) for <see cref="ObjectSizeLaw.LogNormal"/>: the tail's weight.</summary>
    public double AreaSigma { get; init; } = 2.44;

    /// <summary>Smallest object, in pixels, for <see cref="ObjectSizeLaw.LogNormal"/> (smaller draws are raised to it).</summary>
    public int MinArea { get; init; } = 12;

    /// <summary>
    /// Expected tiny SAM fragments per image (<see cref="ObjectSizeLaw.LogNormal"/> only): small masks cut out of an
    /// object's or the background's mask, carrying its pseudo label — SAM's over-segmentation into many tiny masks.
    /// </summary>
    public double FragmentRate { get; init; }

    /// <summary>Probability that a detected object gets a wrong class (its confusable partner when it has one).</summary>
    public double ConfusionRate { get; init; } = 0.25;

    /// <summary>Probability that an object is missed: no mask, labelled background.</summary>
    public double MissRate { get; init; } = 0.12;

    /// <summary>Expected hallucinated objects per image: a mask and a class where there is only background.</summary>
    public double HallucinationRate { get; init; } = 0.25;

    /// <summary>Probability that a mask leaks 1–3 px across the object's boundary.</summary>
    public double LeakRate { get; init; } = 0.25;

    /// <summary>Probability that a mask is eroded 1–2 px inside the object's boundary.</summary>
    public double ErodeRate { get; init; } = 0.15;

    /// <summary>Probability that an object is over-split into two masks.</summary>
    public double SplitRate { get; init; } = 0.15;

    /// <summary>Probability that an object's mask merges with a touching object's mask.</summary>
    public double MergeRate { get; init; } = 0.1;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        static void Require(bool ok, string message)
        {
            if (!ok)
            {
                throw new ArgumentException(message);
            }
        }

        Require(Train >= 1, $"--train must be ≥ 1 (got {Train}).");
        Require(Val >= 0, $"--val must be ≥ 0 (got {Val}).");
        Require(Size is >= 16 and <= 4096, $"--size must be 16..4096 (got {Size}).");
        Require(Classes is >= 2 and <= WorldClasses.MaxClasses, $"--classes must be 2..{WorldClasses.MaxClasses} (got {Classes}).");
        Require(MinObjects >= 1 && MaxObjects >= MinObjects && MaxObjects <= 32, $"Objects per image must satisfy 1 ≤ min ≤ max ≤ 32 (got {MinObjects}..{MaxObjects}).");
        foreach (var (name, p) in new[] { ("confusion", ConfusionRate), ("miss", MissRate), ("leak", LeakRate), ("erode", ErodeRate), ("split", SplitRate), ("merge", MergeRate) })
        {
            Require(p is >= 0 and <= 1, $"The {name} rate must be in [0, 1] (got {p}).");
        }

        Require(AreaMedian is > 0 and <= 0.5, $"The median object area must be in (0, 0.5] of the image (got {AreaMedian}).");
        Require(AreaSigma is >= 0 and <= 4, $"The σ of ln(area) must be in [0, 4] (got {AreaSigma}).");
        Require(MinArea >= 1 && MinArea <= Size * Size / 4, $"The smallest object area must be 1..{Size * Size / 4} px (got {MinArea}).");
        Require(FragmentRate is >= 0 and <= 32, $"The fragment rate must be in [0, 32] per image (got {FragmentRate}).");
        Require(HallucinationRate is >= 0 and <= 8, $"The hallucination rate must be in [0, 8] per image (got {HallucinationRate}).");
    }
}
