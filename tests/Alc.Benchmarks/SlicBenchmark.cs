using Alc.Core.Superpixels;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;

namespace Alc.Benchmarks;

/// <summary>
/// SLIC on a 512×512 synthetic photograph-like image (smooth shading, flat discs, mild noise) with about
/// 2000 superpixels, scikit-image's other defaults. Throughput is reported in megapixels per second.
/// </summary>
/// <remarks>
/// Run alone with <c>dotnet run -c Release --project tests/Alc.Benchmarks -- --filter '*Slic*' --job short</c>
/// once Program.cs hands its arguments to BenchmarkSwitcher.
/// </remarks>
[MemoryDiagnoser]
[Config(typeof(SlicBenchmarkConfig))]
public class SlicBenchmark
{
    /// <summary>Image side in pixels.</summary>
    public const int Side = 512;

    private readonly SlicOptions _options = new() { SegmentCount = 2000 };
    private byte[] _rgb = [];
    private int[] _ids = [];

    /// <summary>Builds the image (fixed seed) and the output buffer.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _rgb = SyntheticImage(Side, Side, seed: 42);
        _ids = new int[Side * Side];
    }

    /// <summary>Segments the image into the preallocated id buffer; returns the superpixel count.</summary>
    [Benchmark]
    public int Segment() => Slic.Segment(_rgb, Side, Side, _ids, _options);

    /// <summary>A deterministic RGB test image: shaded background, a few flat discs and ±8 noise.</summary>
    public static byte[] SyntheticImage(int width, int height, int seed)
    {
        var random = new Random(seed);
        (int X, int Y, int R, byte[] Colour)[] discs =
        [
            (120, 140, 70, [200, 40, 40]),
            (360, 110, 90, [40, 160, 60]),
            (260, 330, 120, [50, 60, 190]),
            (430, 420, 50, [230, 210, 60]),
            (90, 420, 60, [150, 90, 200]),
        ];
        byte[] rgb = new byte[width * height * 3];
        for (int y = 0; y < height; y++)
        {
            for (int x = 0; x < width; x++)
            {
                double shade = Math.Sin(x / 37.0) * Math.Cos(y / 53.0);
                Span<double> c = [128 + (90 * shade), (x + y) * 255.0 / (width + height), 100 + (60 * Math.Sin((x - y) / 71.0))];
                foreach (var (cx, cy, r, colour) in discs)
                {
                    if (((x - cx) * (x - cx)) + ((y - cy) * (y - cy)) <= r * r)
                    {
                        c[0] = colour[0];
                        c[1] = colour[1];
                        c[2] = colour[2];
                    }
                }

                int i = 3 * ((y * width) + x);
                for (int k = 0; k < 3; k++)
                {
                    rgb[i + k] = (byte)Math.Clamp(c[k] + random.Next(-8, 9), 0, 255);
                }
            }
        }

        return rgb;
    }

    private sealed class SlicBenchmarkConfig : ManualConfig
    {
        public SlicBenchmarkConfig() => AddColumn(new MegapixelsPerSecondColumn(Side * Side));
    }
}
