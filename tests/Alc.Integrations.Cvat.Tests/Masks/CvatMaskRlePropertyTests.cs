using Alc.Integrations.Cvat.Masks;
using CsCheck;

namespace Alc.Integrations.Cvat.Tests.Masks;

/// <summary>Random masks of random sizes: decoding inverts encoding, runs cover the box exactly, the tight box is tight.</summary>
public sealed class CvatMaskRlePropertyTests
{
    /// <summary>Masks 1..40 pixels a side, densities from empty to full.</summary>
    private static readonly Gen<(int Width, int Height, bool[] Mask)> Masks =
        Gen.Select(Gen.Int[1, 40], Gen.Int[1, 40], Gen.Int[0, 100])
            .SelectMany((w, h, percent) => Gen.Int[0, 99].Array[w * h]
                .Select(rolls => (w, h, rolls.Select(r => r < percent).ToArray())));

    /// <summary>A random mask with a random box inside its image.</summary>
    private static readonly Gen<(int Width, int Height, bool[] Mask, CvatBox Box)> MasksWithBoxes =
        Masks.SelectMany(m => Gen.Select(Gen.Int[0, m.Width - 1], Gen.Int[0, m.Width - 1], Gen.Int[0, m.Height - 1], Gen.Int[0, m.Height - 1])
            .Select((x1, x2, y1, y2) => (m.Width, m.Height, m.Mask,
                new CvatBox(Math.Min(x1, x2), Math.Min(y1, y2), Math.Max(x1, x2), Math.Max(y1, y2)))));

    [Fact]
    public void DecodeInvertsTightEncode() =>
        Masks.Sample(m =>
        {
            int[]? points = CvatMaskRle.Encode(m.Mask, m.Width, m.Height);
            if (points is null)
            {
                Assert.DoesNotContain(true, m.Mask);
                return;
            }

            Assert.Equal(m.Mask, CvatMaskRle.Decode([.. points.Select(p => (double)p)], m.Width, m.Height));
        });

    [Fact]
    public void DecodeOfAGivenBoxIsTheMaskInsideIt() =>
        MasksWithBoxes.Sample(m =>
        {
            int[] points = CvatMaskRle.Encode(m.Mask, m.Width, m.Height, m.Box);
            bool[] expected = [.. m.Mask.Select((set, i) => set && m.Box.Contains(i % m.Width, i / m.Width))];
            Assert.Equal(expected, CvatMaskRle.Decode([.. points.Select(p => (double)p)], m.Width, m.Height));
            Assert.Equal(m.Box, CvatMaskRle.BoxOf([.. points.Select(p => (double)p)]));
        });

    [Fact]
    public void RunsSumToTheBoxAreaAndOnlyTheFirstMayBeEmpty() =>
        MasksWithBoxes.Sample(m =>
        {
            int[] points = CvatMaskRle.Encode(m.Mask, m.Width, m.Height, m.Box);
            int[] runs = points[..^4];
            Assert.Equal([m.Box.Left, m.Box.Top, m.Box.Right, m.Box.Bottom], points[^4..]);
            Assert.Equal(m.Box.Width * m.Box.Height, runs.Sum());
            Assert.All(runs.Skip(1), r => Assert.True(r > 0));
        });

    [Fact]
    public void TightBoxIsTheExtentOfTheSetPixels() =>
        Masks.Sample(m =>
        {
            int[]? points = CvatMaskRle.Encode(m.Mask, m.Width, m.Height);
            var set = Enumerable.Range(0, m.Mask.Length).Where(i => m.Mask[i]).Select(i => (X: i % m.Width, Y: i / m.Width)).ToList();
            if (set.Count == 0)
            {
                Assert.Null(points);
                return;
            }

            Assert.NotNull(points);
            Assert.Equal([set.Min(p => p.X), set.Min(p => p.Y), set.Max(p => p.X), set.Max(p => p.Y)], points[^4..]);
        });
}
