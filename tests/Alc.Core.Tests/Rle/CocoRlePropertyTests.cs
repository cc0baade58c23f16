using Alc.Core.Rle;
using CsCheck;

namespace Alc.Core.Tests.Rle;

/// <summary>Round trips and agreement with the plain reference computations on random masks.</summary>
public sealed class CocoRlePropertyTests
{
    /// <summary>Random masks from sparse to dense, 1..40 pixels a side, with values 0..3 (nonzero = set).</summary>
    private static readonly Gen<(int Width, int Height, byte[] Mask)> Masks =
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[0, 100])
            .SelectMany((w, h, percent) => Gen.Int[0, 99].Array[w * h]
                .Select(rolls => (w, h, rolls.Select(r => r < percent ? (byte)(1 + (r % 3)) : (byte)0).ToArray())));

    /// <summary>Two masks of one size.</summary>
    private static readonly Gen<(int Width, int Height, byte[] A, byte[] B)> MaskPairs =
        Gen.Select(Gen.Int[1, 30], Gen.Int[1, 30])
            .SelectMany((w, h) => Gen.Select(Gen.Byte[0, 1].Array[w * h], Gen.Byte[0, 1].Array[w * h])
                .Select((a, b) => (w, h, a, b)));

    [Fact]
    public void DecodeInvertsEncode() =>
        Masks.Sample(m =>
        {
            var rle = CocoRle.Encode(m.Mask, m.Width, m.Height);
            Assert.Equal(RleReference.Binary(m.Mask), rle.Decode());
        });

    [Fact]
    public void EncodeMatchesTheReferenceColumnMajorRuns() =>
        Masks.Sample(m =>
        {
            var rle = CocoRle.Encode(m.Mask, m.Width, m.Height);
            Assert.Equal(RleReference.Counts(m.Mask, m.Width, m.Height), rle.Counts.ToArray());
            Assert.Equal(m.Mask.Count(v => v != 0), rle.Area);
            Assert.Equal(RleReference.Box(m.Mask, m.Width), rle.BoundingBox());
        });

    [Fact]
    public void CountsStringRoundTripsForMasks() =>
        Masks.Sample(m =>
        {
            var rle = CocoRle.Encode(m.Mask, m.Width, m.Height);
            Assert.Equal(rle, CocoRle.FromCountsString(rle.ToCountsString(), m.Width, m.Height));
        });

    [Fact]
    public void CountsStringRoundTripsForLargeArbitraryCounts()
    {
        // Any counts (zeros and huge runs included) as a 1-pixel-wide mask whose height is their sum.
        var counts = Gen.Frequency((3, Gen.UInt[0, 40]), (2, Gen.UInt[0, 70_000]), (1, Gen.UInt[0, 1u << 26])).Array[1, 24]
            .Where(c => c.Sum(v => (long)v) is > 0 and <= int.MaxValue / 2);
        counts.Sample(c =>
        {
            var rle = new CocoRle(1, (int)c.Sum(v => (long)v), c);
            Assert.Equal(rle, CocoRle.FromCountsString(rle.ToCountsString(), rle.Width, rle.Height));
        });
    }

    [Fact]
    public void DecodeIntoPaintsExactlyTheSetPixels() =>
        Masks.Sample(m =>
        {
            var rle = CocoRle.Encode(m.Mask, m.Width, m.Height);
            byte[] map = new byte[m.Mask.Length];
            Array.Fill(map, (byte)7);
            rle.DecodeInto(map, 200);
            for (int p = 0; p < map.Length; p++)
            {
                Assert.Equal(m.Mask[p] != 0 ? 200 : 7, map[p]);
            }
        });

    [Fact]
    public void MergeAndIoUMatchPixelwiseLogic() =>
        MaskPairs.Sample(m =>
        {
            var a = CocoRle.Encode(m.A, m.Width, m.Height);
            var b = CocoRle.Encode(m.B, m.Width, m.Height);
            byte[] or = [.. m.A.Zip(m.B, (x, y) => (byte)(x | y))];
            byte[] and = [.. m.A.Zip(m.B, (x, y) => (byte)(x & y))];
            Assert.Equal(CocoRle.Encode(or, m.Width, m.Height), a.Union(b));
            Assert.Equal(CocoRle.Encode(and, m.Width, m.Height), a.Intersect(b));

            int intersection = and.Count(v => v != 0), union = or.Count(v => v != 0);
            Assert.Equal(intersection == 0 ? 0.0 : (double)intersection / union, CocoRle.IoU(a, b));
        });

    [Fact]
    public void IntegerRectanglePolygonCoversItsPixels()
    {
        // A polygon on whole pixel coordinates [x0, x1] × [y0, y1] covers x0 ≤ x < x1, y0 ≤ y < y1 (clipped),
        // whichever vertex it starts at and whichever way it turns.
        var rectangles = Gen.Select(Gen.Int[1, 20], Gen.Int[1, 20], Gen.Int[-3, 22], Gen.Int[-3, 22], Gen.Int[1, 10], Gen.Int[1, 10], Gen.Int[0, 7]);
        rectangles.Sample((w, h, x0, y0, rw, rh, order) =>
        {
            int x1 = x0 + rw, y1 = y0 + rh;
            double[][] corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1]];
            if (order >= 4)
            {
                Array.Reverse(corners);
            }

            double[] xy = [.. Enumerable.Range(0, 4).SelectMany(i => corners[(i + order) % 4])];
            byte[] expected = new byte[w * h];
            for (int y = Math.Max(y0, 0); y < Math.Min(y1, h); y++)
            {
                for (int x = Math.Max(x0, 0); x < Math.Min(x1, w); x++)
                {
                    expected[(y * w) + x] = 1;
                }
            }

            var rle = CocoRle.FromPolygon(xy, w, h);
            Assert.Equal(expected, rle.Decode());
            Assert.Equal(CocoRle.Encode(expected, w, h), rle);
            Assert.Equal(rle, CocoRle.FromBoundingBox(x0, y0, rw, rh, w, h));
        });
    }
}
