using Alc.Core.Maps;
using Alc.Core.Superpixels;

namespace Alc.Core.Tests.Superpixels;

public class SlicTests
{
    private static byte[] Image(int width, int height, Func<int, int, (byte R, byte G, byte B)> colour)
    {
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                var (r, g, b) = colour(x, y);
                int i = 3 * ((y * width) + x);
                rgb[i] = r;
                rgb[i + 1] = g;
                rgb[i + 2] = b;
            }
        }

        return rgb;
    }

    private static byte[] Uniform(int width, int height, byte value) => Image(width, height, (_, _) => (value, value, value));

    // A deterministic 12×10 test card: ramps, a parabola and a vertical edge at x = 6.
    private static byte[] TestCard() => Image(12, 10, (x, y) =>
        ((byte)(((x * 37) + (y * 11)) % 256), (byte)(((x * x * 5) + (y * 23)) % 256), (byte)((x < 6 ? 200 : 40) + (y * 3))));

    private static int[] Flatten(int[][] rows) => rows.SelectMany(r => r).ToArray();

    [Fact]
    public void TwoColourHalvesGiveExactlyTwoSegmentsSplitAtTheColourEdge()
    {
        // 8×4, n = 2: seeds at (x, y) = (2, 2) and (6, 2), S = 4. The first pass is purely spatial (centroid
        // colours start at 0) and gives column 4 to the left seed on a tie; its mean then mixes in blue, so the
        // second pass hands column 4 to the right seed, and the split sits on the colour edge from then on.
        byte[] rgb = Image(8, 4, (x, _) => x < 4 ? ((byte)255, (byte)0, (byte)0) : ((byte)0, (byte)0, (byte)255));

        int[] ids = Slic.Segment(rgb, 8, 4, new SlicOptions { SegmentCount = 2 });

        for (int p = 0; p < ids.Length; p++)
        {
            Assert.Equal(p % 8 < 4 ? 1 : 2, ids[p]);
        }
    }

    [Fact]
    public void AUniformImageGivesTheRegularSeedGrid()
    {
        // 9×9, n = 9: S = 3, seeds at 1, 4, 7 on both axes; only space matters, so each seed owns its 3×3 block.
        int[] ids = Slic.Segment(Uniform(9, 9, 77), 9, 9, new SlicOptions { SegmentCount = 9 });

        for (int p = 0; p < ids.Length; p++)
        {
            int x = p % 9, y = p / 9;
            Assert.Equal(1 + (3 * (y / 3)) + (x / 3), ids[p]);
        }
    }

    [Fact]
    public void EquidistantPixelsGoToTheLowerSeed()
    {
        // 8×8, n = 4: seeds at 2 and 6 on both axes; row and column 4 are equidistant and go to the lower seed
        // (scikit-image updates only on a strictly smaller distance), so the blocks are 5 and 3 pixels wide.
        int[] ids = Slic.Segment(Uniform(8, 8, 7), 8, 8, new SlicOptions { SegmentCount = 4 });

        for (int p = 0; p < ids.Length; p++)
        {
            int x = p % 8, y = p / 8;
            Assert.Equal(1 + (y < 5 ? 0 : 2) + (x < 5 ? 0 : 1), ids[p]);
        }
    }

    [Fact]
    public void AConstantImageIsRescaledToBlackWhateverItsValue()
    {
        int[] dark = Slic.Segment(Uniform(13, 7, 3), 13, 7, new SlicOptions { SegmentCount = 5 });
        int[] light = Slic.Segment(Uniform(13, 7, 250), 13, 7, new SlicOptions { SegmentCount = 5 });

        Assert.Equal(dark, light);
    }

    [Fact]
    public void MatchesScikitImageOnATestCard()
    {
        // skimage.segmentation.slic(card, n_segments=6, compactness=10, start_label=1), scikit-image 0.19.3.
        int[] expected = Flatten(
        [
            [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3],
            [1, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3],
            [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3],
            [1, 1, 1, 1, 2, 2, 2, 2, 2, 3, 3, 3],
            [1, 1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3],
            [1, 1, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3],
            [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3],
            [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3],
            [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3],
            [2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3],
        ]);

        int[] ids = Slic.Segment(TestCard(), 12, 10, new SlicOptions { SegmentCount = 6 });

        Assert.Equal(expected, ids);
    }

    [Fact]
    public void MatchesScikitImageOnATestCardWithLowCompactness()
    {
        // skimage.segmentation.slic(card, n_segments=10, compactness=1, start_label=1), scikit-image 0.19.3.
        int[] expected = Flatten(
        [
            [1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 3],
            [1, 1, 1, 4, 2, 2, 2, 5, 5, 5, 3, 3],
            [1, 1, 4, 4, 2, 2, 2, 5, 5, 5, 3, 6],
            [4, 4, 4, 2, 2, 7, 2, 5, 5, 5, 3, 6],
            [4, 4, 2, 2, 2, 7, 5, 5, 5, 5, 3, 6],
            [2, 2, 2, 8, 7, 7, 5, 5, 9, 3, 3, 6],
            [8, 8, 8, 8, 7, 7, 5, 5, 9, 3, 3, 6],
            [8, 8, 8, 7, 7, 7, 5, 5, 9, 3, 6, 6],
            [8, 8, 7, 7, 7, 7, 7, 9, 9, 3, 6, 6],
            [7, 7, 7, 7, 7, 7, 7, 9, 3, 3, 6, 6],
        ]);

        int[] ids = new int[120];
        int largest = Slic.Segment(TestCard(), 12, 10, ids, new SlicOptions { SegmentCount = 10, Compactness = 1 });

        Assert.Equal(expected, ids);
        Assert.Equal(9, largest);
    }

    [Fact]
    public void WithoutConnectivityTheSeedNumbersComeBackAsScikitImageGivesThem()
    {
        // Same call with enforce_connectivity=False: seed numbers 1..12, and seed 1 also owns a stray pixel at (5, 7).
        int[] expected = Flatten(
        [
            [1, 1, 1, 1, 5, 10, 8, 4, 7, 11, 4, 12],
            [1, 1, 1, 5, 10, 10, 8, 7, 11, 3, 12, 12],
            [1, 1, 5, 5, 10, 9, 8, 7, 11, 3, 12, 8],
            [5, 5, 5, 10, 10, 6, 8, 7, 11, 3, 12, 8],
            [5, 5, 10, 10, 9, 6, 7, 7, 11, 4, 12, 8],
            [10, 10, 10, 9, 6, 6, 7, 11, 3, 12, 12, 8],
            [9, 9, 9, 9, 6, 2, 7, 11, 3, 12, 12, 8],
            [9, 9, 9, 6, 6, 1, 7, 11, 3, 12, 8, 8],
            [9, 9, 6, 6, 2, 5, 11, 3, 3, 12, 8, 12],
            [6, 6, 6, 6, 2, 5, 11, 3, 12, 12, 8, 12],
        ]);

        int[] ids = new int[120];
        int largest = Slic.Segment(TestCard(), 12, 10, ids, new SlicOptions { SegmentCount = 10, Compactness = 1, EnforceConnectivity = false });

        Assert.Equal(expected, ids);
        Assert.Equal(12, largest);
    }

    [Fact]
    public void AOneByOneImageIsOneSuperpixelWithIdOne()
    {
        int[] ids = new int[1];

        int largest = Slic.Segment(new byte[] { 10, 20, 30 }, 1, 1, ids);

        Assert.Equal([1], ids);
        Assert.Equal(1, largest);
    }

    [Fact]
    public void ThinStripsAreSegmentedAlongTheirLength()
    {
        byte[] rgb = Image(30, 1, (x, _) => ((byte)(x * 8), 0, 0));

        int[] ids = Slic.Segment(rgb, 30, 1, new SlicOptions { SegmentCount = 3 });

        Assert.All(ids, id => Assert.InRange(id, 1, 3));
        Assert.Equal(ids.OrderBy(id => id), ids); // connected pieces of a strip are runs, numbered left to right
    }

    [Fact]
    public void RepeatedRunsAndDirtyBuffersGiveTheSameIds()
    {
        byte[] rgb = new byte[40 * 30 * 3];
        new Random(7).NextBytes(rgb);
        var options = new SlicOptions { SegmentCount = 25, Compactness = 5 };
        int[] first = Slic.Segment(rgb, 40, 30, options);
        int[] dirty = Enumerable.Repeat(-5, 40 * 30).ToArray();

        Slic.Segment(rgb, 40, 30, dirty, options);

        Assert.Equal(first, dirty);
        Assert.Equal(first, Slic.Segment(rgb, 40, 30, options));
    }

    [Fact]
    public void SegmentMapWrapsTheIdsAndIdZeroNeverOccurs()
    {
        byte[] rgb = new byte[32 * 24 * 3];
        new Random(11).NextBytes(rgb);
        int[] ids = new int[32 * 24];
        int largest = Slic.Segment(rgb, 32, 24, ids);

        SuperpixelMap map = Slic.SegmentMap(rgb, 32, 24);

        Assert.Equal(32, map.Width);
        Assert.Equal(24, map.Height);
        Assert.Equal(ids, map.Ids.ToArray());
        Assert.Equal(Enumerable.Range(1, largest), map.Index.Ids.ToArray());
    }

    [Fact]
    public void DefaultOptionsAreScikitImagesDefaults()
    {
        SlicOptions options = SlicOptions.Default;

        Assert.Equal(100, options.SegmentCount);
        Assert.Equal(10.0, options.Compactness);
        Assert.Equal(10, options.MaxIterations);
        Assert.True(options.EnforceConnectivity);
        Assert.Equal(0.5, options.MinSizeFactor);
        Assert.Equal(3.0, options.MaxSizeFactor);
    }

    [Fact]
    public void ALargeMinimumSizeMergesEverythingIntoOneSuperpixel()
    {
        byte[] rgb = new byte[20 * 20 * 3];
        new Random(3).NextBytes(rgb);

        int[] ids = new int[400];
        int largest = Slic.Segment(rgb, 20, 20, ids, new SlicOptions { SegmentCount = 16, MinSizeFactor = 100 });

        Assert.Equal(1, largest);
        Assert.All(ids, id => Assert.Equal(1, id));
    }

    [Theory]
    [InlineData(2, 2, 11, "Expected 12 values (3 per pixel) for a 2×2 image, got 11.")]
    [InlineData(0, 2, 0, "Image size 0×2 is out of range")]
    [InlineData(3, -1, 9, "Image size 3×-1 is out of range")]
    public void RejectsPixelBuffersThatDisagreeWithTheSize(int width, int height, int length, string message)
    {
        byte[] rgb = new byte[length];

        var error = Assert.Throws<ArgumentException>(() => Slic.Segment(rgb, width, height));

        Assert.Equal("rgb", error.ParamName);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RejectsAnIdBufferOfTheWrongLength()
    {
        var error = Assert.Throws<ArgumentException>(() => Slic.Segment(new byte[12], 2, 2, new int[5]));

        Assert.Equal("ids", error.ParamName);
        Assert.Contains("Expected 4 ids for a 2×2 image, got 5.", error.Message, StringComparison.Ordinal);
    }

    public static TheoryData<Func<SlicOptions>, string, string> InvalidOptions => new()
    {
        { () => new SlicOptions { SegmentCount = 0 }, nameof(SlicOptions.SegmentCount), "SegmentCount must be ≥ 1, got 0." },
        { () => new SlicOptions { SegmentCount = -3 }, nameof(SlicOptions.SegmentCount), "SegmentCount must be ≥ 1, got -3." },
        { () => new SlicOptions { Compactness = 0 }, nameof(SlicOptions.Compactness), "Compactness must be a finite number > 0, got 0." },
        { () => new SlicOptions { Compactness = double.NaN }, nameof(SlicOptions.Compactness), "Compactness must be a finite number > 0, got NaN." },
        { () => new SlicOptions { MaxIterations = 0 }, nameof(SlicOptions.MaxIterations), "MaxIterations must be ≥ 1, got 0." },
        { () => new SlicOptions { MinSizeFactor = -0.5 }, nameof(SlicOptions.MinSizeFactor), "MinSizeFactor must be a finite number ≥ 0, got -0.5." },
        { () => new SlicOptions { MaxSizeFactor = 0 }, nameof(SlicOptions.MaxSizeFactor), "MaxSizeFactor must be a finite number > 0, got 0." },
        { () => new SlicOptions { MaxSizeFactor = double.PositiveInfinity }, nameof(SlicOptions.MaxSizeFactor), $"MaxSizeFactor must be a finite number > 0, got {double.PositiveInfinity}." },
    };

    [Theory]
    [MemberData(nameof(InvalidOptions))]
    public void RejectsInvalidOptionsWhenTheyAreSet(Func<SlicOptions> create, string parameter, string message)
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(create);

        Assert.Equal(parameter, error.ParamName);
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }
}
