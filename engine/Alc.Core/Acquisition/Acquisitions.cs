namespace Alc.Core.Acquisition;

/// <summary>Creates acquisitions by their configuration names.</summary>
public static class Acquisitions
{
    /// <summary>SIM (eq. 9), the paper's acquisition.</summary>
    public const string Sim = "sim";

    /// <summary>A²LC's adaptively balanced acquisition.</summary>
    public const string Abc = "abc";

    /// <summary>Every name <see cref="Create"/> accepts.</summary>
    public static IReadOnlyList<string> Names { get; } = [Sim, "lcil", "cil", "softmin", "aiou", "margin", "entropy", "random", Abc];

    /// <summary>The acquisition called <paramref name="name"/> (case-insensitive).</summary>
    /// <param name="name">One of <see cref="Names"/>.</param>
    /// <param name="seed">Seed for <c>random</c>.</param>
    /// <param name="classWeights">Class weights: for class-balanced <c>margin</c> (see <see cref="ClassBalance"/>) or for <c>abc</c> (see <see cref="AbcClassWeights"/>).</param>
    /// <exception cref="ArgumentException">Unknown name; the message lists the known ones.</exception>
    public static IAcquisition Create(string name, long seed = 0, IReadOnlyList<double>? classWeights = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        return name.Trim().ToLowerInvariant() switch
        {
            Sim => new SimAcquisition(),
            "lcil" => new LcilAcquisition(),
            "cil" => new CilAcquisition(),
            "softmin" => new SoftMinAcquisition(),
            "aiou" => new AIoUAcquisition(),
            "margin" => new MarginAcquisition(classWeights),
            "entropy" => new EntropyAcquisition(),
            "random" => new RandomAcquisition(seed),
            Abc => new AbcAcquisition(classWeights),
            _ => throw new ArgumentException($"Unknown acquisition '{name}'. Known: {string.Join(", ", Names)}.", nameof(name)),
        };
    }
}
