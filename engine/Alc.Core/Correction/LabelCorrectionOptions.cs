namespace Alc.Core.Correction;

/// <summary>
/// Settings of A²LC's automated correction (LCM): the MLP, its training, the confidence threshold τ per round and how a
/// confident prediction is applied (docs/design.md, "A²LC's label-correction module"). The defaults are A²LC's, except
/// the learning rate (1e-3, not A²LC's 1e-4: at 1e-4 the 100 epochs on a round's ~10² answers leave the MLP too unsure to
/// ever pass τ = 0.99; see docs/a2lc.md) and the τ schedule, which A²LC leaves unstated (0.99 + 0.002 per round, at
/// most 0.999).
/// </summary>
public sealed record LabelCorrectionOptions
{
    /// <summary>How labels are picked for change: A²LC's MLP (the settings below up to the tail guards) or confident pixels (the calibration settings).</summary>
    public CorrectionMethod Method { get; init; } = CorrectionMethod.Lcm;

    /// <summary>
    /// Judge each image with a model that never saw its labels: k ≥ 2 trains k fold models on the round's current labels
    /// D_(t−1) before its queries are selected (k extra trainings per round); 0 uses θ_(t−1), which was trained on every image.
    /// </summary>
    public int OutOfFoldModels { get; init; }

    /// <summary>
    /// The out-of-fold models' training iterations as a multiple of θ_t's. Each judge sees (k − 1)/k of the images and
    /// must generalise to the rest, and what it is unsure of is never corrected, so a judge trained as briefly as θ_t
    /// leaves errors untouched on a world its model learns slowly (docs/a2lc.md, run 4).
    /// </summary>
    public double JudgeIterationScale { get; init; } = 1;

    /// <summary>ConfidentPixels: τ, the confidence f(ŷ) at which a pixel seeds a change.</summary>
    public double SeedThreshold { get; init; } = 0.95;

    /// <summary>ConfidentPixels: τ_grow ≤ τ, the confidence down to which a change grows from its seeds through connected pixels of the same predicted class.</summary>
    public double GrowThreshold { get; init; } = 0.95;

    /// <summary>ConfidentPixels: share of each round's budget B spent on region checks (<c>RegionCheck</c>) instead of acquisition queries.</summary>
    public double CheckShare { get; init; }

    /// <summary>ConfidentPixels: the confidence every pixel of a checked region needs.</summary>
    public double CheckThreshold { get; init; } = 0.5;

    /// <summary>ConfidentPixels: the fewest pixels a region needs to be worth a check.</summary>
    public int MinCheckPixels { get; init; } = 16;

    /// <summary>Region checks of a round with budget <paramref name="budget"/>: ⌊B·share⌉, at most B − 1.</summary>
    public int ChecksFor(int budget) => Math.Clamp((int)Math.Round(budget * CheckShare, MidpointRounding.AwayFromZero), 0, Math.Max(0, budget - 1));

    /// <summary>Hidden layer widths (L→256→128→64→L).</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [256, 128, 64];

    /// <summary>Adam learning rate.</summary>
    public double LearningRate { get; init; } = 1e-3;

    /// <summary>Passes over the training set.</summary>
    public int Epochs { get; init; } = 100;

    /// <summary>Samples per Adam step.</summary>
    public int BatchSize { get; init; } = 16;

    /// <summary>τ in round 1.</summary>
    public double Threshold { get; init; } = 0.99;

    /// <summary>Added to τ each round after the first.</summary>
    public double ThresholdStep { get; init; } = 0.002;

    /// <summary>τ never exceeds this.</summary>
    public double ThresholdMax { get; init; } = 0.999;

    /// <summary>Which answered superpixels train the MLP.</summary>
    public CorrectionTrainingSet TrainingSet { get; init; } = CorrectionTrainingSet.ThisRound;

    /// <summary>Which pixels of a relabelled superpixel change.</summary>
    public RelabelScope Scope { get; init; } = RelabelScope.Superpixel;

    /// <summary>A²LC's tail-class guards (see <see cref="TailClassGuard"/>).</summary>
    public bool TailGuards { get; init; } = true;

    /// <summary>τ_t = min(ThresholdMax, Threshold + (t − 1)·ThresholdStep) for round <paramref name="round"/> ≥ 1.</summary>
    public double ThresholdAt(int round) => Math.Min(ThresholdMax, Threshold + (Math.Max(1, round) - 1) * ThresholdStep);

    /// <summary>The judges' iterations for θ_t's <paramref name="iterations"/>: ⌊iterations·scale⌉, at least 1.</summary>
    public int JudgeIterations(int iterations) => Math.Max(1, (int)Math.Round(iterations * JudgeIterationScale, MidpointRounding.AwayFromZero));

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (HiddenSizes.Any(h => h < 1) || !(LearningRate > 0) || Epochs < 1 || BatchSize < 1)
        {
            throw new ArgumentException("The correction MLP needs hidden widths ≥ 1, a learning rate > 0, ≥ 1 epoch and a batch ≥ 1.");
        }

        if (!(Threshold is > 0 and <= 1) || double.IsNaN(ThresholdStep) || !(ThresholdMax is > 0 and <= 1))
        {
            throw new ArgumentException($"τ must lie in (0, 1] (got {Threshold}, step {ThresholdStep}, max {ThresholdMax}).");
        }

        if (!(SeedThreshold is > 0 and <= 1) || !(GrowThreshold > 0 && GrowThreshold <= SeedThreshold) || OutOfFoldModels is < 0 or 1 ||
            !(CheckShare is >= 0 and < 1) || !(CheckThreshold is > 0 and <= 1) || MinCheckPixels < 1)
        {
            throw new ArgumentException($"Confident pixels need 0 < τ_grow ≤ τ ≤ 1 (got {GrowThreshold}, {SeedThreshold}), 0 or ≥ 2 out-of-fold models (got {OutOfFoldModels}), a check share in [0, 1), a check threshold in (0, 1] and ≥ 1 pixel per check.");
        }

        if (!(JudgeIterationScale is > 0 and <= 100))
        {
            throw new ArgumentException($"The judges' iteration scale must lie in (0, 100] (got {JudgeIterationScale}).");
        }
    }
}
