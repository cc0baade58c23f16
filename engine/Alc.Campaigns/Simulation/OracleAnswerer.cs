using Alc.Campaigns.Pipeline;
using Alc.Core.Cost;
using Alc.Core.Oracle;

namespace Alc.Campaigns.Simulation;

/// <summary>The simulated oracle as the pipeline's answerer: answers from ground truth, looking at the image's labels as they are when asked.</summary>
/// <param name="oracle">The seeded oracle (pixel rule, or the authors' majority rule).</param>
public sealed class OracleAnswerer(SimulatedOracle oracle) : IAnswerer
{
    /// <inheritdoc />
    public (QueryVerdict Verdict, byte Label, double Seconds) Answer(CampaignImage image, PlannedQuery query)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(query);
        var truth = image.GroundTruth ?? throw new InvalidOperationException($"Image '{image.Stem}' has no ground truth for the simulated oracle.");
        var answer = oracle.Answer(image.Key, query.Pixel, query.ShownLabel, truth.Labels, image.Labels, image.Superpixels);
        return (answer.Verdict, answer.Label, answer.Seconds);
    }
}
