using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Core.Oracle;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Answers;

/// <summary>
/// The <c>gt</c> oracle of a project: answers every open query of a querying round from ground truth, in the order the
/// round asks them, through the same <see cref="AnswerIngestion"/> people's answers take.
/// </summary>
public sealed class GroundTruthAnswerer(QueryRepository queries, AnswerIngestion ingestion)
{
    /// <summary>The annotator name the oracle's answers carry.</summary>
    public const string Annotator = "oracle";

    /// <summary>Answers round <paramref name="round"/>'s open queries.</summary>
    /// <exception cref="InvalidOperationException">A training image has no ground truth.</exception>
    public async Task AnswerAsync(RoundRow round, CampaignState state, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(round);
        ArgumentNullException.ThrowIfNull(state);
        if (!state.HasTrainTruth)
        {
            throw new InvalidOperationException("The project's oracle is gt but some training images have no ground truth.");
        }

        var oracle = new SimulatedOracle(state.ClassCount, new OracleOptions { Seed = state.Settings.Seed });
        var open = queries.ForRound(round.Id).Where(q => !q.Answered).ToList();
        var answers = new List<AnswerCommand>(open.Count);
        foreach (var q in open)
        {
            var image = state.ById[q.ImageId];
            var answer = oracle.Answer(image.Key, q.Pixel, (byte)q.ShownLabel, image.GroundTruth!.Labels, image.Labels, image.Superpixels);
            answers.Add(new AnswerCommand(q.Id, answer.Verdict, answer.Verdict == QueryVerdict.Correct ? answer.Label : null, (long)Math.Round(answer.Seconds * 1000)));
        }

        // Keys name the chunk's first query, so a resumed job never reuses a key for a different chunk.
        foreach (var chunk in answers.Chunk(AnswerIngestion.MaxBatch))
        {
            await ingestion.SubmitAsync(new SubmitAnswers(round.ProjectId, $"oracle-round-{round.Id}-q{chunk[0].QueryId}", Annotator, chunk), cancellationToken);
        }
    }
}
