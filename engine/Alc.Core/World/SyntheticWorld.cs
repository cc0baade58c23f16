using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// The seeded benchmark world (docs/design.md, "The benchmark world"; docs/worlds.md): images of objects on a
/// background, their ground truth, SAM-like superpixels (one mask per object, the background split into a few
/// regions, masks that leak, erode, over-split or merge) and Grounded-SAM-like pseudo labels (whole-object
/// confusions along the confusable pairs, missed objects labelled background without a mask of their own,
/// hallucinated objects). Every image depends only on (seed, options, index), so worlds are byte-identical across
/// runs and machines.
/// </summary>
public static class SyntheticWorld
{
    /// <summary>All images: the training split first, then validation.</summary>
    public static IEnumerable<WorldImage> Generate(WorldOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var appearance = new ClassAppearance(options.Classes, options.Seed);
        for (int i = 0; i < options.Train + options.Val; i++)
        {
            bool train = i < options.Train;
            string split = train ? "train" : "val";
            int number = train ? i : i - options.Train;
            yield return GenerateImage(options, appearance, i, $"{split}_{number:D4}", split);
        }
    }

    private static WorldImage GenerateImage(WorldOptions options, ClassAppearance appearance, int index, string stem, string split)
    {
        var random = new SeededRandom(options.Seed, index + 1);
        int size = options.Size, n = size * size, classes = options.Classes;

        // 1. Ground truth: objects painted in order, later ones occluding earlier ones.
        int objectCount = random.Next(options.MinObjects, options.MaxObjects + 1);
        var owner = new int[n];
        Array.Fill(owner, -1);
        var objectClass = new int[objectCount];
        var shape = new bool[n];
        bool logNormal = options.ObjectSizes == ObjectSizeLaw.LogNormal;
        // Log-normal areas are painted largest first, so small objects stay in front of large ones.
        double[]? radii = logNormal ? [.. Enumerable.Range(0, objectCount).Select(_ => ObjectAreas.Radius(random, options, options.AreaMedian, options.AreaSigma)).OrderDescending()] : null;
        for (int o = 0; o < objectCount; o++)
        {
            objectClass[o] = random.Next(1, classes);
            if (radii is null)
            {
                Shapes.Random(random, size, shape, 0.08, 0.22);
            }
            else
            {
                Shapes.Random(random, size, shape, radii[o], radii[o]);
            }

            for (int p = 0; p < n; p++)
            {
                if (shape[p])
                {
                    owner[p] = o;
                }
            }
        }

        var gt = new byte[n];
        for (int p = 0; p < n; p++)
        {
            gt[p] = owner[p] < 0 ? (byte)0 : (byte)objectClass[owner[p]];
        }

        byte[] rgb = Paint(random, appearance, gt, owner, size);

        var (superpixels, pseudo) = SamSimulation.Run(random, options, owner, objectClass,
            (o, confused) => confused ? Confuse(random, objectClass[o], classes) : objectClass[o]);
        return new WorldImage(stem, split, size, rgb, gt, pseudo, superpixels);
    }

    private static int Confuse(SeededRandom random, int c, int classes)
    {
        int partner = WorldClasses.Partner(c, classes);
        if (partner > 0)
        {
            return partner;
        }

        // No partner: any other object class (or background when there is none).
        return classes <= 2 ? 0 : 1 + ((c - 1 + random.Next(1, classes - 1)) % (classes - 1));
    }

    private static byte[] Paint(SeededRandom random, ClassAppearance appearance, byte[] gt, int[] owner, int size)
    {
        double light = random.Uniform(0.85, 1.15);
        var jitter = new double[owner.Max() + 2];
        for (int o = 0; o < jitter.Length; o++)
        {
            jitter[o] = random.Uniform(-10, 10);
        }

        var rgb = new byte[gt.Length * 3];
        for (int p = 0; p < gt.Length; p++)
        {
            int x = p % size, y = p / size;
            var (r, g, b) = appearance.At(gt[p], x, y);
            double shade = jitter[owner[p] + 1] + (8 * Math.Sin((x + (2 * y)) / (double)size * Math.PI));
            rgb[3 * p] = Channel((r + shade) * light, random);
            rgb[(3 * p) + 1] = Channel((g + shade) * light, random);
            rgb[(3 * p) + 2] = Channel((b + shade) * light, random);
        }

        return rgb;
    }

    private static byte Channel(double value, SeededRandom random) =>
        (byte)Math.Clamp(Math.Round(value + (14 * random.Gaussian())), 0, 255);

}
