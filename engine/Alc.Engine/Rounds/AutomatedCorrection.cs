using Alc.Core.Correction;
using Alc.Training;

namespace Alc.Engine.Rounds;

/// <summary>
/// Step "answers → automated correction" of a round, run after the round's answers are applied and before θ_t is
/// trained. One inference pass of θ_(t−1), then the options' <see cref="CorrectionMethod"/>: A²LC's LCM
/// (<see cref="LcmCorrection"/>) or confident pixels with a calibrated τ (<see cref="ConfidentPixelCorrection"/>).
/// Only unqueried superpixels change. Deterministic for a given seed.
/// </summary>
public static class AutomatedCorrection
{
    /// <summary>Runs the step and returns what it changed (judged against ground truth where the images have it).</summary>
    /// <param name="images">The campaign's training images (labels mutated).</param>
    /// <param name="model">θ_(t−1), the model that selected this round's queries.</param>
    /// <param name="answers">Every answer so far, with its round.</param>
    /// <param name="round">This round t ≥ 1.</param>
    /// <param name="options">The correction settings.</param>
    /// <param name="excludeZeroId">Leave superpixel id 0 alone (the strategy's pool setting).</param>
    /// <param name="seed">Seeds the MLP.</param>
    /// <param name="cancellationToken">Stops between images.</param>
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, ISegmentationPredictor model, IReadOnlyList<AnsweredSuperpixel> answers,
        int round, LabelCorrectionOptions options, bool excludeZeroId, long seed, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(model);
        return Run(images, _ => model, answers, round, options, excludeZeroId, seed, cancellationToken);
    }

    /// <summary>As the other overload, with each image judged by the model <paramref name="modelFor"/> names for its key (for example <see cref="OutOfFoldModels.For"/>).</summary>
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, Func<int, ISegmentationPredictor> modelFor, IReadOnlyList<AnsweredSuperpixel> answers,
        int round, LabelCorrectionOptions options, bool excludeZeroId, long seed, CancellationToken cancellationToken = default) =>
        Run(images, modelFor, answers, round, options, excludeZeroId, seed, checkCount: 0, checks: [], cancellationToken);

    /// <summary>
    /// As the other overloads; with <see cref="CorrectionMethod.ConfidentPixels"/> it also adds to <paramref name="checks"/>
    /// up to <paramref name="checkCount"/> region checks on what it was unsure of, for the caller to ask.
    /// </summary>
    public static AutoCorrectionRecord Run(IReadOnlyList<CampaignImage> images, Func<int, ISegmentationPredictor> modelFor, IReadOnlyList<AnsweredSuperpixel> answers,
        int round, LabelCorrectionOptions options, bool excludeZeroId, long seed, int checkCount, List<RegionCheck> checks, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(checks);
        ArgumentNullException.ThrowIfNull(images);
        ArgumentNullException.ThrowIfNull(modelFor);
        ArgumentNullException.ThrowIfNull(answers);
        ArgumentNullException.ThrowIfNull(options);
        var inference = CorrectionInference.Run(images, modelFor, superpixelMeans: options.Method == CorrectionMethod.Lcm, cancellationToken);
        int classes = images.Count == 0 ? 0 : modelFor(images[0].Key).ClassCount;
        return options.Method == CorrectionMethod.Lcm
            ? LcmCorrection.Run(images, inference, answers, round, options, excludeZeroId, classes, seed)
            : ConfidentPixelCorrection.Run(images, inference, options, excludeZeroId, checkCount, checks);
    }
}
