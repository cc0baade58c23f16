namespace Alc.Core.World;

/// <summary>
/// Named benchmark worlds, so reports stay reproducible when the defaults move: <c>v1</c> is the world of the reports
/// up to now (2–5 objects of similar size); <c>heavy-tailed</c> draws object areas from a log-normal fitted to COCO's
/// published area split (41 % of objects under 32² px, 34 % between 32² and 96², 24 % above, at 640×480: P(a &lt; 0.33 %)
/// = 0.41, P(a &lt; 3.0 %) = 0.75 of the image, giving median 0.58 % and σ = 2.44 of ln area), 1–12 objects per image
/// (COCO's mean is 7.3 per image), tiny hallucinated masks and SAM-like fragments; <c>fashion</c> is the photo world
/// (<see cref="PhotoWorld"/>) with the heavy-tailed scene law and SAM corruptions, real Fashion-MNIST photos and a
/// few-shot classifier as the detector.
/// </summary>
public static class WorldPresets
{
    /// <summary>The preset names.</summary>
    public static IReadOnlyList<string> Names { get; } = ["v1", "heavy-tailed", Fashion];

    /// <summary>The photo world's preset name.</summary>
    public const string Fashion = "fashion";

    /// <summary>The photo world's options with <paramref name="seed"/> for a catalog of <paramref name="itemClasses"/> classes.</summary>
    public static PhotoWorldOptions Photo(long seed = 1, int itemClasses = 10) => new()
    {
        World = Get("heavy-tailed", seed) with { Classes = itemClasses + 1, ConfusionRate = 0 },
    };

    /// <summary>The options of a preset with <paramref name="seed"/>; sizes and counts can be overridden with <c>with</c>.</summary>
    /// <exception cref="ArgumentException">Unknown preset.</exception>
    public static WorldOptions Get(string name, long seed = 1) => name switch
    {
        "v1" => new WorldOptions { Seed = seed },
        "heavy-tailed" => new WorldOptions
        {
            Seed = seed,
            ObjectSizes = ObjectSizeLaw.LogNormal,
            AreaMedian = 0.0058,
            AreaSigma = 2.44,
            MinObjects = 1,
            MaxObjects = 12,
            HallucinationRate = 0.5,
            ConfusionRate = 0.18,
            FragmentRate = 3.0,
        },
        Fashion => Photo(seed).World,
        _ => throw new ArgumentException($"Unknown world preset '{name}'; the presets are {string.Join(", ", Names)}."),
    };
}
