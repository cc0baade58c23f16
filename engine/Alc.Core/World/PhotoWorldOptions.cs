namespace Alc.Core.World;

/// <summary>Parameters of the photo world: the scene and SAM settings of <see cref="WorldOptions"/> plus the weak detector's.</summary>
public sealed record PhotoWorldOptions
{
    /// <summary>
    /// Seed, sizes, objects per image, the object-size law and SAM's corruption rates. <see cref="WorldOptions.Classes"/>
    /// must be the catalog's classes + 1; <see cref="WorldOptions.ConfusionRate"/> is unused: the classifier decides each label.
    /// </summary>
    public WorldOptions World { get; init; } = new();

    /// <summary>
    /// Photos per class known to the few-shot nearest-neighbour classifier that plays Grounded-SAM's detector:
    /// fewer shots, more (real) confusions.
    /// </summary>
    public int ShotsPerClass { get; init; } = 50;

    /// <summary>Intensity (0–255) from which a photo's pixel belongs to the item's silhouette: its ground truth.</summary>
    public int SilhouetteThreshold { get; init; } = 24;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate(PhotoCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        World.Validate();
        catalog.Validate();
        if (World.Classes != catalog.ClassNames.Count + 1)
        {
            throw new ArgumentException($"The photo world has {catalog.ClassNames.Count + 1} classes (background + the catalog's {catalog.ClassNames.Count}), not {World.Classes}.");
        }

        if (ShotsPerClass is < 1 or > 1000)
        {
            throw new ArgumentException($"--shots must be 1..1000 per class (got {ShotsPerClass}).");
        }

        if (SilhouetteThreshold is < 1 or > 254)
        {
            throw new ArgumentException($"The silhouette threshold must be 1..254 (got {SilhouetteThreshold}).");
        }

        for (int c = 0; c < catalog.ClassNames.Count; c++)
        {
            int shots = catalog.Shots.Count(s => s.Label == c);
            if (shots < ShotsPerClass)
            {
                throw new ArgumentException($"The catalog has {shots} shot photos of class '{catalog.ClassNames[c]}'; the classifier needs {ShotsPerClass}.");
            }
        }
    }
}
