using Alc.Core.Correction;
using Alc.Training;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>
/// Stage "auto-correct" of a round (<see cref="Pipeline.RoundStage.AutoCorrect"/>). Confident pixels
/// (<see cref="ConfidentPixelCorrection"/>, calibrated τ) run before the round's queries are selected, judged by the
/// out-of-fold models or θ_(t−1); A²LC's LCM (<see cref="LcmCorrection"/>) learns from the round's own answers, so the
/// bench runs it after them. One inference pass of the judges, then the options' <see cref="CorrectionMethod"/>.
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
