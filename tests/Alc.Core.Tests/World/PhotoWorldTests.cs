using System.Security.Cryptography;
using Alc.Core.World;

namespace Alc.Core.Tests.World;

/// <summary>The photo world over a small in-memory catalog of drawn 8×8 "photos" (the real one reads Fashion-MNIST).</summary>
public sealed class PhotoWorldTests
{
    private static ItemPhoto Photo(int label, Func<int, int, bool> lit) =>
        new([.. Enumerable.Range(0, 64).Select(p => lit(p % 8, p / 8) ? (byte)200 : (byte)0)], 8, label);

    private static readonly ItemPhoto Square = Photo(0, (x, y) => x is >= 1 and <= 6 && y is >= 1 and <= 6);
    private static readonly ItemPhoto Bar = Photo(1, (x, _) => x is >= 3 and <= 4);

    private static PhotoCatalog Catalog(params ItemPhoto[] shots) => new(["square", "bar"], [Square, Bar], shots);

    // No SAM corruption: every object has exactly its own mask, so pseudo labels show the classifier's decisions alone.
    private static readonly PhotoWorldOptions Clean = new()
    {
        World = WorldPresets.Get("heavy-tailed", 3) with
        {
            Train = 8, Val = 2, Size = 48, Classes = 3, MissRate = 0, LeakRate = 0, ErodeRate = 0, SplitRate = 0, MergeRate = 0,
            HallucinationRate = 0, FragmentRate = 0, AreaMedian = 0.05, AreaSigma = 0.5,
        },
        ShotsPerClass = 1,
    };

    private static string Digest(IEnumerable<WorldImage> images)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var image in images)
        {
            hash.AppendData(image.Rgb);
            hash.AppendData(image.GroundTruth);
            hash.AppendData(image.Pseudo);
            hash.AppendData([.. image.Superpixels.SelectMany(BitConverter.GetBytes)]);
        }

        return Convert.ToHexString(hash.GetHashAndReset());
    }

    [Fact]
    public void The_same_seed_gives_the_same_bytes()
    {
        var catalog = Catalog(Square, Bar);
        string first = Digest(PhotoWorld.Generate(Clean, catalog));
        Assert.Equal(first, Digest(PhotoWorld.Generate(Clean, catalog)));
        Assert.NotEqual(first, Digest(PhotoWorld.Generate(Clean with { World = Clean.World with { Seed = 4 } }, catalog)));
    }

    [Fact]
    public void The_photo_world_is_pinned_byte_for_byte()
    {
        // A change to the scene, the classifier or the SAM simulation that moves any byte must be deliberate.
        var world = WorldPresets.Photo(5, 2) with { World = WorldPresets.Photo(5, 2).World with { Train = 6, Val = 2, Size = 40 }, ShotsPerClass = 1 };
        Assert.Equal("1EB7C041DC9C76F5D0909E08F66DC41D0C6E425342CF467D2BA5C9EE492E7AB7", Digest(PhotoWorld.Generate(world, Catalog(Square, Bar))));
    }

    [Fact]
    public void Ground_truth_is_the_silhouettes_and_a_right_classifier_gives_right_labels()
    {
        var images = PhotoWorld.Generate(Clean, Catalog(Square, Bar)).ToList();
        Assert.Equal(["train", "train", "train", "train", "train", "train", "train", "train", "val", "val"], images.Select(i => i.Split));
        Assert.Contains(images, i => i.GroundTruth.Contains((byte)1));
        Assert.Contains(images, i => i.GroundTruth.Contains((byte)2));
        foreach (var image in images)
        {
            Assert.Equal(image.GroundTruth, image.Pseudo);
            // Each mask carries one pseudo label, as Grounded-SAM paints whole masks.
            Assert.All(image.Superpixels.Zip(image.Pseudo).GroupBy(x => x.First), mask => Assert.Single(mask.Select(x => x.Second).Distinct()));
            Assert.Equal(48 * 48 * 3, image.Rgb.Length);
        }
    }

    [Fact]
    public void Pseudo_labels_come_from_the_classifier()
    {
        // Shots with swapped layouts: the classifier calls every square a bar and every bar a square.
        var swapped = Catalog(Bar with { Label = 0 }, Square with { Label = 1 });
        foreach (var image in PhotoWorld.Generate(Clean, swapped))
        {
            for (int p = 0; p < image.GroundTruth.Length; p++)
            {
                byte expected = image.GroundTruth[p] switch { 1 => 2, 2 => 1, _ => 0 };
                Assert.Equal(expected, image.Pseudo[p]);
            }
        }
    }

    [Fact]
    public void Options_that_do_not_fit_the_catalog_are_refused()
    {
        var catalog = Catalog(Square, Bar);
        var classes = Assert.Throws<ArgumentException>(() => PhotoWorld.Generate(Clean with { World = Clean.World with { Classes = 5 } }, catalog).ToList());
        Assert.Contains("3 classes (background + the catalog's 2), not 5", classes.Message, StringComparison.Ordinal);
        var shots = Assert.Throws<ArgumentException>(() => PhotoWorld.Generate(Clean with { ShotsPerClass = 2 }, catalog).ToList());
        Assert.Contains("1 shot photos of class 'square'", shots.Message, StringComparison.Ordinal);
        var bad = Assert.Throws<ArgumentException>(() => PhotoWorld.Generate(Clean, catalog with { Items = [new ItemPhoto([1, 2, 3], 2, 0)] }).ToList());
        Assert.Contains("side 2, 3 pixels", bad.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_classes_are_background_then_the_catalog_in_voc_colours()
    {
        var classes = PhotoWorld.Classes(Catalog(Square, Bar));
        Assert.Equal(["background", "square", "bar"], classes.Select(c => c.Name));
        Assert.Equal(["#000000", "#800000", "#008000"], classes.Select(c => c.Color));
    }
}
