using Alc.Core.Cost;

namespace Alc.Campaigns.Pipeline;

/// <summary>
/// The round pipeline's port to whoever answers in-process (the simulated oracle). People answer through the
/// engine's ingestion instead, which applies each answer with the same <see cref="AnswerStep"/>.
/// </summary>
public interface IAnswerer
{
    /// <summary>The verdict on <paramref name="query"/> given image <paramref name="image"/>'s labels as they are now; the label is used only for <see cref="QueryVerdict.Correct"/>.</summary>
    (QueryVerdict Verdict, byte Label, double Seconds) Answer(CampaignImage image, PlannedQuery query);
}
