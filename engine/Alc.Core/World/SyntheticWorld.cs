using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// The seeded benchmark world (DESIGN.md §4): images of objects on a background, their ground truth,
/// SAM-like superpixels (one mask per object, the background split into a few regions, masks that leak,
/// erode, over-split or merge) and Grounded-SAM-like pseudo labels (whole-object confusions along the
/// confusable pairs, missed objects labelled background without a mask of their own, hallucinated objects).
/// Every image depends only on (seed, options, index), so worlds are byte-identical across runs and machines.
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
        double[]? radii = logNormal ? [.. Enumerable.Range(0, objectCount).Select(_ => Radius(random, options, options.AreaMedian, options.AreaSigma)).OrderDescending()] : null;
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

        // 2. SAM-like masks: the background as 2–4 Voronoi regions, then objects largest first (smaller on top).
        var superpixels = BackgroundRegions(random, size, out int nextId);
        var maskLabel = new Dictionary<int, int>();
        for (int id = 1; id < nextId; id++)
        {
            maskLabel[id] = 0;
        }

        var area = new int[objectCount];
        foreach (int o in owner)
        {
            if (o >= 0)
            {
                area[o]++;
            }
        }

        var objectMaskId = new int[objectCount];
        var order = Enumerable.Range(0, objectCount).Where(o => area[o] > 0).OrderByDescending(o => area[o]).ThenBy(o => o).ToArray();
        var mask = new bool[n];
        foreach (int o in order)
        {
            // Draw every decision up front so the random stream does not depend on which branch runs.
            bool missed = random.Chance(options.MissRate);
            bool confused = random.Chance(options.ConfusionRate);
            bool merge = random.Chance(options.MergeRate);
            bool leak = random.Chance(options.LeakRate);
            bool erode = random.Chance(options.ErodeRate);
            bool split2 = random.Chance(options.SplitRate);
            int steps = random.Next(1, 4);
            double splitAngle = random.Uniform(0, Math.PI);
            if (missed)
            {
                continue; // no mask: its pixels stay in a background region and are labelled background
            }

            for (int p = 0; p < n; p++)
            {
                mask[p] = owner[p] == o;
            }

            int label = confused ? Confuse(random, objectClass[o], classes) : objectClass[o];
            int? mergedInto = merge ? order.Where(q => q != o && objectMaskId[q] > 0)
                .Cast<int?>().FirstOrDefault(q => MaskOps.Touches(mask, size, p => owner[p] == q!.Value)) : null;
            if (leak)
            {
                MaskOps.Dilate(mask, size, steps);
            }
            else if (erode)
            {
                MaskOps.Erode(mask, size, Math.Min(steps, 2));
            }

            int id;
            if (mergedInto is int other)
            {
                id = objectMaskId[other]; // one mask over two objects, keeping the first object's label
            }
            else
            {
                id = nextId++;
                maskLabel[id] = label;
            }

            objectMaskId[o] = id;
            int secondId = 0;
            if (split2 && mergedInto is null)
            {
                secondId = nextId++;
                maskLabel[secondId] = label;
            }

            var (cx, cy) = Centroid(mask, size);
            double cos = Math.Cos(splitAngle), sin = Math.Sin(splitAngle);
            for (int p = 0; p < n; p++)
            {
                if (!mask[p])
                {
                    continue;
                }

                bool secondHalf = secondId > 0 && (((p % size) - cx) * cos) + (((p / size) - cy) * sin) >= 0;
                superpixels[p] = secondHalf ? secondId : id;
            }
        }

        // 3. Hallucinations: a mask and a class where there is no such object.
        int hallucinations = (int)options.HallucinationRate + (random.Chance(options.HallucinationRate % 1) ? 1 : 0);
        for (int h = 0; h < hallucinations; h++)
        {
            if (logNormal)
            {
                double r = Radius(random, options, options.AreaMedian, options.AreaSigma);
                Shapes.Random(random, size, shape, r, r);
            }
            else
            {
                Shapes.Random(random, size, shape, 0.06, 0.14);
            }

            int id = nextId++;
            maskLabel[id] = random.Next(1, classes);
            for (int p = 0; p < n; p++)
            {
                if (shape[p] && owner[p] < 0)
                {
                    superpixels[p] = id;
                }
            }
        }

        // 3b. SAM fragments: tiny masks cut out of whichever mask lies under them, keeping its label.
        int fragments = logNormal ? (int)options.FragmentRate + (random.Chance(options.FragmentRate % 1) ? 1 : 0) : 0;
        for (int f = 0; f < fragments; f++)
        {
            double r = Radius(random, options, FragmentMedian, FragmentSigma);
            Shapes.Random(random, size, shape, r, r);
            var (fx, fy) = Centroid(shape, size);
            int parent = superpixels[(Math.Clamp((int)fy, 0, size - 1) * size) + Math.Clamp((int)fx, 0, size - 1)];
            int id = nextId++;
            maskLabel[id] = maskLabel[parent];
            for (int p = 0; p < n; p++)
            {
                if (shape[p] && superpixels[p] == parent)
                {
                    superpixels[p] = id;
                }
            }
        }

        // 4. Pseudo labels: each mask carries its label (Grounded-SAM paints whole masks).
        var pseudo = new byte[n];
        for (int p = 0; p < n; p++)
        {
            pseudo[p] = (byte)maskLabel[superpixels[p]];
        }

        return new WorldImage(stem, split, size, rgb, gt, pseudo, Compact(superpixels));
    }

    // SAM's fragments: median 0.1 % of the image, a narrow spread.
    private const double FragmentMedian = 0.001;
    private const double FragmentSigma = 0.8;

    // A log-normal area (share of the image, at least MinArea px, at most half) as the radius Shapes draws with:
    // the shapes' mean aspect (0.78) and ellipse area π r² a.
    private static double Radius(SeededRandom random, WorldOptions options, double median, double sigma)
    {
        double n = (double)options.Size * options.Size;
        double area = Math.Clamp(Math.Exp(Math.Log(median) + (sigma * random.Gaussian())), options.MinArea / n, 0.5);
        return Math.Sqrt(area / (Math.PI * 0.78));
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

    private static int[] BackgroundRegions(SeededRandom random, int size, out int nextId)
    {
        int regions = random.Next(2, 5);
        var seeds = Enumerable.Range(0, regions).Select(_ => (x: random.Uniform(0, size), y: random.Uniform(0, size))).ToArray();
        var ids = new int[size * size];
        for (int p = 0; p < ids.Length; p++)
        {
            double x = p % size, y = p / size, best = double.MaxValue;
            for (int k = 0; k < regions; k++)
            {
                double d = ((x - seeds[k].x) * (x - seeds[k].x)) + ((y - seeds[k].y) * (y - seeds[k].y));
                if (d < best)
                {
                    best = d;
                    ids[p] = k + 1;
                }
            }
        }

        nextId = regions + 1;
        return ids;
    }

    private static (double X, double Y) Centroid(bool[] mask, int size)
    {
        double sx = 0, sy = 0;
        int count = 0;
        for (int p = 0; p < mask.Length; p++)
        {
            if (mask[p])
            {
                sx += p % size;
                sy += p / size;
                count++;
            }
        }

        return count == 0 ? (0, 0) : (sx / count, sy / count);
    }

    // Renumber the ids that survived painting to 1..k in order of first appearance.
    private static int[] Compact(int[] ids)
    {
        var map = new Dictionary<int, int>();
        var result = new int[ids.Length];
        for (int p = 0; p < ids.Length; p++)
        {
            if (!map.TryGetValue(ids[p], out int dense))
            {
                dense = map.Count + 1;
                map[ids[p]] = dense;
            }

            result[p] = dense;
        }

        return result;
    }
}
