using Alc.Campaigns.AutoCorrection;
using Alc.Core.Acquisition;

namespace Alc.Campaigns;

/// <summary>Which candidates a round considers.</summary>
public enum PoolKind
{
    /// <summary>The diversified pixel pool, eq. 3–6: one representative pixel per superpixel.</summary>
    Diversified,

    /// <summary>PixelPick: top 5% uncertain pixels per image, sampled (paper Table 8).</summary>
    PixelPick,

    /// <summary>No pool: every pixel is a candidate (the paper's Table 3 ablation).</summary>
    None,
}

/// <summary>Whether each round retrains from the initial weights (paper) or continues from the last model.</summary>
public enum RetrainPolicy
{
    /// <summary>Train θ_t from the initial weights on D_t (the paper's choice).</summary>
    FromInitial,

    /// <summary>Fine-tune θ_(t−1) on D_t.</summary>
    Continue,
}

/// <summary>How a campaign picks and applies corrections: the project's strategy.</summary>
public sealed record CorrectionStrategy
{
    /// <summary>
    /// The automated correction of <see cref="Default"/>: two out-of-fold models trained for 4× θ_t's iterations (each
    /// image judged by a model that never saw its labels) relabel the connected regions of unqueried pixels they predict
    /// as another class with confidence ≥ 0.95, and 60 % of each round's budget asks region checks on the biggest regions
    /// they are less sure of (≥ 0.3).
    /// </summary>
    public static Alc.Core.Correction.LabelCorrectionOptions DefaultAutoCorrection { get; } = new()
    {
        Method = Alc.Core.Correction.CorrectionMethod.ConfidentPixels,
        OutOfFoldModels = 2,
        SeedThreshold = 0.95,
        GrowThreshold = 0.95,
        JudgeIterationScale = 4,
        CheckShare = 0.6,
        CheckThreshold = 0.3,
    };

    /// <summary>
    /// The strategy for a project that names none (bench name <c>default</c>): SIM acquisition, expansion to the
    /// superpixel, and automated correction by <see cref="DefaultAutoCorrection"/>. See docs/a2lc.md for the measurements behind it.
    /// </summary>
    public static CorrectionStrategy Default { get; } = new() { Acquisition = Acquisitions.Sim, AutoCorrection = DefaultAutoCorrection };

    /// <summary>Acquisition name (see <see cref="Alc.Core.Acquisition.Acquisitions.Names"/>).</summary>
    public string Acquisition { get; init; } = Acquisitions.Sim;

    /// <summary>Candidate pool.</summary>
    public PoolKind Pool { get; init; } = PoolKind.Diversified;

    /// <summary>B, queries per round.</summary>
    public int Budget { get; init; } = 100;

    /// <summary>ε of eq. 12; 0 expands to the whole superpixel.</summary>
    public double Epsilon { get; init; }

    /// <summary>Expand answers to the superpixel (eq. 12); false labels only the queried pixel (ablation).</summary>
    public bool Expansion { get; init; } = true;

    /// <summary>Never query superpixel id 0 ("no object" in Grounded-SAM maps).</summary>
    public bool ExcludeZeroId { get; init; }

    /// <summary>At most this many queries per image and round; null for none (the paper).</summary>
    public int? PerImageCap { get; init; }

    /// <summary>Pixels PixelPick samples per image.</summary>
    public int PixelPickSamples { get; init; } = 10;

    /// <summary>Retraining policy between rounds.</summary>
    public RetrainPolicy Retrain { get; init; } = RetrainPolicy.FromInitial;

    /// <summary>Seed of the seeded parts (random acquisition, PixelPick sampling).</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Automated correction after each round's answers (A²LC's LCM), or null for none.</summary>
    public Alc.Core.Correction.LabelCorrectionOptions? AutoCorrection { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        AutoCorrection?.Validate();
        _ = Alc.Core.Acquisition.Acquisitions.Create(Acquisition);
        if (Budget < 1)
        {
            throw new ArgumentException($"The budget B must be ≥ 1 (got {Budget}).");
        }

        if (double.IsNaN(Epsilon) || Epsilon > 1)
        {
            throw new ArgumentException($"ε must be ≤ 1 (got {Epsilon}).");
        }

        if (PerImageCap is < 1)
        {
            throw new ArgumentException($"The per-image cap must be ≥ 1 (got {PerImageCap}).");
        }
    }
}
