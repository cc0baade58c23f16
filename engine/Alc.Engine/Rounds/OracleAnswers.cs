using Alc.Core.Cost;
using Alc.Core.Maps;
using Alc.Core.Metrics;
using Alc.Core.Oracle;

namespace Alc.Engine.Rounds;

/// <summary>
/// A simulated campaign's answering: asks the oracle a correction query or a region check, records the cost in the
/// ledger and the quality of what changed, applies the answer to D_t, and keeps the answer log the automated correction reads.
/// </summary>
internal sealed class OracleAnswers(IReadOnlyList<CampaignImage> train, SimulatedOracle oracle, CorrectionStrategy strategy, int classCount)
{
    private readonly Dictionary<int, CampaignImage> _byKey = train.ToDictionary(i => i.Key);

    public AnnotationLedger Ledger { get; } = new(classCount);

    /// <summary>Every answer so far with its round.</summary>
    public List<AnsweredSuperpixel> Log { get; } = [];

    /// <summary>Pixels changed by answers so far.</summary>
    public long Corrected { get; private set; }

    public CampaignImage Image(int key) => _byKey[key];

    /// <summary>Asks a correction query showing <paramref name="shown"/> and expands the answer.</summary>
    public void Ask(CorrectionQuery query, byte shown, int round, CorrectionQuality quality, ProbabilityMap? probabilities)
    {
        var image = _byKey[query.ImageKey];
        var answer = oracle.Answer(image.Key, query.Pixel, shown, image.GroundTruth!.Labels, image.Labels, image.Superpixels);
        Ledger.Record(answer.Verdict, answer.Seconds);
        quality.AddQuery(shown, image.GroundTruth.Labels[query.Pixel]);
        var result = AnswerApplier.Apply(image, query with { ShownLabel = shown }, answer.Verdict, answer.Label, strategy, probabilities);
        quality.AddExpansion(result, image.Labels, image.GroundTruth.Labels);
        Corrected += result.Changed;
        Log.Add(new AnsweredSuperpixel(image.Key, query.SuperpixelId, round, answer.Verdict, shown, answer.Label));
    }

    /// <summary>Asks a region check (same oracle, cost and quality ledgers); returns the pixels it changed and of those the ones now right.</summary>
    public (long Changed, long Right) Ask(RegionCheck check, CorrectionQuality quality)
    {
        var image = _byKey[check.ImageKey];
        var truth = image.GroundTruth!;
        var answer = oracle.Answer(image.Key, check.Pixel, check.ShownLabel, truth.Labels, image.Labels, image.Superpixels);
        Ledger.Record(answer.Verdict, answer.Seconds);
        quality.AddQuery(check.ShownLabel, truth.Labels[check.Pixel]);
        var result = check.Apply(image, answer.Verdict, answer.Label);
        quality.AddExpansion(result, image.Labels, truth.Labels);
        Corrected += result.Changed;
        return (result.Changed, result.ChangedPixels.Count(p => truth[p] == image.Labels[p]));
    }
}
