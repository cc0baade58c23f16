using Alc.Core.Maps;
using Alc.Core.Numerics;

namespace Alc.Core.World;

/// <summary>
/// The benchmark world of real photographs: real product photos (Fashion-MNIST items) composited onto textured
/// backgrounds at log-normal scales, largest first so small items stay in front; ground truth from the items'
/// silhouettes; pseudo labels from a few-shot classifier applied to each item as it appears at its scale (a real model
/// with real confusions, not a confusion table); SAM-like masks with the synthetic world's corruptions
/// (<see cref="SamSimulation"/>). Every image depends only on (seed, options, catalog, index): worlds are byte-identical.
/// </summary>
public static class PhotoWorld
{
    /// <summary>All images: the training split first, then validation.</summary>
    public static IEnumerable<WorldImage> Generate(PhotoWorldOptions options, PhotoCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate(catalog);
        var world = options.World;
        var classifier = FewShotClassifier.Fit(catalog.Shots, catalog.ClassNames.Count, options.ShotsPerClass, world.Seed);
        for (int i = 0; i < world.Train + world.Val; i++)
        {
            bool train = i < world.Train;
            string split = train ? "train" : "val";
            int number = train ? i : i - world.Train;
            yield return GenerateImage(options, catalog, classifier, i, $"{split}_{number:D4}", split);
        }
    }

    /// <summary>The world's classes: background (0), then the catalog's classes, with VOC palette colours.</summary>
    public static IReadOnlyList<ClassInfo> Classes(PhotoCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        return [.. catalog.ClassNames.Prepend("background").Select((name, c) =>
        {
            var (r, g, b) = VocPalette.Color(c);
            return new ClassInfo(c, name, $"#{r:x2}{g:x2}{b:x2}");
        })];
    }

    private static WorldImage GenerateImage(PhotoWorldOptions photo, PhotoCatalog catalog, FewShotClassifier classifier, int index, string stem, string split)
    {
        var options = photo.World;
        var random = new SeededRandom(options.Seed, index + 1);
        int size = options.Size, n = size * size;
        var rgb = Backgrounds.Paint(random, size);

        // 1. Items and their areas, drawn up front; painted largest first.
        int objectCount = random.Next(options.MinObjects, options.MaxObjects + 1);
        var items = new (ItemPhoto Photo, double Area)[objectCount];
        for (int o = 0; o < objectCount; o++)
        {
            var item = catalog.Items[random.Next(catalog.Items.Count)];
            double area = options.ObjectSizes == ObjectSizeLaw.LogNormal
                ? ObjectAreas.Share(random, options, options.AreaMedian, options.AreaSigma)
                : random.Uniform(0.02, 0.15);
            items[o] = (item, area);
        }

        items = [.. items.OrderByDescending(i => i.Area)];
        var owner = new int[n];
        Array.Fill(owner, -1);
        var objectClass = new int[objectCount];
        var side = new int[objectCount];
        for (int o = 0; o < objectCount; o++)
        {
            var (item, area) = items[o];
            objectClass[o] = item.Label + 1;
            // The photo's side that gives the drawn silhouette area: area · n = fill · side².
            double fill = Math.Max(0.05, item.Pixels.Count(v => v >= photo.SilhouetteThreshold) / (double)item.Pixels.Length);
            side[o] = Math.Clamp((int)Math.Round(Math.Sqrt(area * n / fill)), 3, size);
            int x0 = random.Next(size - side[o] + 1), y0 = random.Next(size - side[o] + 1);
            double tint = random.Uniform(0, 1);
            var (tr, tg, tb) = (random.Uniform(50, 255), random.Uniform(50, 255), random.Uniform(50, 255));
            Composite(rgb, owner, size, item, photo.SilhouetteThreshold, o, x0, y0, side[o], tint, (tr, tg, tb));
        }

        var gt = new byte[n];
        for (int p = 0; p < n; p++)
        {
            gt[p] = owner[p] < 0 ? (byte)0 : (byte)objectClass[owner[p]];
        }

        // 2. Lighting and sensor noise over the whole scene.
        double light = random.Uniform(0.85, 1.15);
        var bytes = new byte[rgb.Length];
        for (int i = 0; i < rgb.Length; i++)
        {
            bytes[i] = (byte)Math.Clamp(Math.Round((rgb[i] * light) + (6 * random.Gaussian())), 0, 255);
        }

        // 3. The detector's label: the classifier on the item as it appears, shrunk to its size on the image and back.
        var (superpixels, pseudo) = SamSimulation.Run(random, options, owner, objectClass, (o, _) =>
        {
            var (item, _) = items[o];
            var seen = side[o] >= item.Side ? item.Pixels : Resample.Square(Resample.Square(item.Pixels, item.Side, side[o]), side[o], item.Side);
            return classifier.Predict(seen) + 1;
        });
        return new WorldImage(stem, split, size, bytes, gt, pseudo, superpixels);
    }

    // Paints one item: its silhouette (intensity ≥ threshold) owns the pixels; fainter edge pixels blend into what lies below.
    private static void Composite(double[] rgb, int[] owner, int size, ItemPhoto item, int threshold, int o, int x0, int y0, int side, double tint,
        (double R, double G, double B) colour)
    {
        double scale = (double)item.Side / side;
        for (int y = 0; y < side; y++)
        {
            for (int x = 0; x < side; x++)
            {
                double v = Resample.At(item.Pixels, item.Side, ((x + 0.5) * scale) - 0.5, ((y + 0.5) * scale) - 0.5);
                if (v <= 0)
                {
                    continue;
                }

                int p = ((y0 + y) * size) + x0 + x;
                double alpha = Math.Min(1, v / threshold);
                // The photo's shading kept, its grey tinted towards the item's colour by `tint`.
                double shade = v / 255;
                double r = ((1 - tint) * v) + (tint * colour.R * shade), g = ((1 - tint) * v) + (tint * colour.G * shade), b = ((1 - tint) * v) + (tint * colour.B * shade);
                rgb[3 * p] = ((1 - alpha) * rgb[3 * p]) + (alpha * r);
                rgb[(3 * p) + 1] = ((1 - alpha) * rgb[(3 * p) + 1]) + (alpha * g);
                rgb[(3 * p) + 2] = ((1 - alpha) * rgb[(3 * p) + 2]) + (alpha * b);
                if (v >= threshold)
                {
                    owner[p] = o;
                }
            }
        }
    }
}
