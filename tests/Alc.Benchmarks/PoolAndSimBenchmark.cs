using System.Numerics.Tensors;
using Alc.Core;
using Alc.Core.Acquisition;
using Alc.Core.Pool;
using BenchmarkDotNet.Attributes;

namespace Alc.Benchmarks;

/// <summary>
/// Diversified pool (eq. 3–6) + SIM (eq. 9) over one 512×512 image with 21 classes (22 MB of
/// probabilities), against a plain <see cref="TensorPrimitives.Sum(ReadOnlySpan{float})"/> over the same
/// array in the same run. <c>hot</c> reuses one image, which then sits in this machine's 32 MB L3;
/// <c>cold</c> rotates through 8 images (176 MB), so every call streams its array from DRAM.
/// </summary>
[MemoryDiagnoser]
public class PoolAndSimBenchmark
{
    private const int ColdImages = 8;
    private ScoringImage[] _images = [];
    private int _next;
    private readonly SimAcquisition _sim = new();
    private double[] _scores = [];

    /// <summary>Number of classes L.</summary>
    public const int Classes = 21;

    /// <summary>sam: 30 large Voronoi regions; slic: ~2,000 grid cells.</summary>
    [Params("sam", "slic")]
    public string Layout { get; set; } = "sam";

    /// <summary>hot: one image (L3-resident); cold: 8 images in rotation (DRAM).</summary>
    [Params("hot", "cold")]
    public string Cache { get; set; } = "hot";

    [GlobalSetup]
    public void Setup()
    {
        int count = Cache == "cold" ? ColdImages : 1;
        _images = Enumerable.Range(1, count).Select(seed => SyntheticScoringImage.Create(Layout, Classes, seed)).ToArray();
        _scores = new double[_images.Max(i => i.Superpixels.Index.Count)];
    }

    private ScoringImage Next()
    {
        var image = _images[_next];
        _next = (_next + 1) % _images.Length;
        return image;
    }

    [Benchmark(Baseline = true, Description = "TensorPrimitives.Sum")]
    public float Sum() => TensorPrimitives.Sum(Next().Probabilities.Values);

    [Benchmark(Description = "Pool + SIM")]
    public double PoolAndSim()
    {
        var pool = DiversifiedPool.Build(Next());
        _sim.Score(pool, _scores);
        return _scores[0];
    }
}
