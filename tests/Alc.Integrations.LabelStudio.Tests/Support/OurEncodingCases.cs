namespace Alc.Integrations.LabelStudio.Tests.Support;

/// <summary>
/// The masks whose encodings by our <c>BrushRle.Encode</c> were decoded by rle-pack for
/// <c>ours-decoded-by-rle-pack.json</c>; rebuilt by name, so the test checks today's encoder against what
/// rle-pack read then. Changing a mask here means regenerating that fixture (golden/README.md).
/// </summary>
public static class OurEncodingCases
{
    /// <summary>Every case: name, size and mask (1 = set).</summary>
    public static IReadOnlyList<(string Name, int Width, int Height, byte[] Mask)> All { get; } =
    [
        ("hand-2x1", 2, 1, [1, 0]),
        ("one-pixel-clear", 1, 1, [0]),
        ("stripes", 9, 6, Build(9, 6, (x, _) => x / 2 % 2 == 0)),
        ("disk", 31, 27, Build(31, 27, (x, y) => ((x - 15) * (x - 15)) + ((y - 13) * (y - 13)) <= 100)),
        ("random-sparse", 23, 19, Random(23, 19, seed: 7, percentSet: 15)),
        ("random-dense", 17, 29, Random(17, 29, seed: 8, percentSet: 70)),
        ("full-exactly-65536-bytes", 128, 128, Build(128, 128, (_, _) => true)),
        ("long-run-then-one-clear", 200, 90, Build(200, 90, (x, y) => x != 199 || y != 89)),
        ("one-set-after-long-clear", 300, 70, Build(300, 70, (x, y) => x == 299 && y == 69)),
    ];

    /// <summary>The case called <paramref name="name"/>.</summary>
    public static (string Name, int Width, int Height, byte[] Mask) Named(string name) =>
        All.Single(c => c.Name == name);

    private static byte[] Build(int width, int height, Func<int, int, bool> set)
    {
        byte[] mask = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                mask[(y * width) + x] = set(x, y) ? (byte)1 : (byte)0;
            }
        }

        return mask;
    }

    private static byte[] Random(int width, int height, int seed, int percentSet)
    {
#pragma warning disable CA5394 // A seeded, reproducible test mask, not security.
        var random = new Random(seed);
        return Build(width, height, (_, _) => random.Next(100) < percentSet);
#pragma warning restore CA5394
    }
}
