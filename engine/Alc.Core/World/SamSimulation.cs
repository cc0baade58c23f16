using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// Grounded-SAM's output simulated over a painted scene, shared by the benchmark worlds: SAM-like masks (the background
/// as 2–4 regions; one mask per object, largest first, that may be missed, leak, erode, over-split or merge;
/// hallucinated masks; tiny fragments) and the pseudo label each mask carries. Who labels an object is the caller's:
/// a confusion rule in <see cref="SyntheticWorld"/>, a real few-shot classifier in <see cref="PhotoWorld"/>.
/// </summary>
internal static class SamSimulation
{
    /// <summary>Masks and pseudo labels for a scene of <paramref name="objectClass"/>.Length objects.</summary>
    /// <param name="random">The image's stream; draws follow a fixed order so worlds stay byte-identical.</param>
    /// <param name="options">Rates of the corruptions and the size law of hallucinations and fragments.</param>
    /// <param name="owner">Object index per pixel, −1 for background.</param>
    /// <param name="objectClass">True class per object.</param>
    /// <param name="labelOf">The detector's class for object o, given whether the world's confusion draw fired for it.</param>
    /// <returns>Compact mask ids (1..k, full coverage) and the pseudo label per pixel.</returns>
    public static (int[] Superpixels, byte[] Pseudo) Run(SeededRandom random, WorldOptions options, int[] owner, int[] objectClass, Func<int, bool, int> labelOf)
    {
        int size = options.Size, n = size * size, classes = options.Classes, objectCount = objectClass.Length;
        bool logNormal = options.ObjectSizes == ObjectSizeLaw.LogNormal;
        var shape = new bool[n];
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

            int label = labelOf(o, confused);
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
                double r = ObjectAreas.Radius(random, options, options.AreaMedian, options.AreaSigma);
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
            double r = ObjectAreas.Radius(random, options, FragmentMedian, FragmentSigma);
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

        return (Compact(superpixels), pseudo);
    }

    // SAM's fragments: median 0.1 % of the image, a narrow spread.
    private const double FragmentMedian = 0.001;
    private const double FragmentSigma = 0.8;

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
