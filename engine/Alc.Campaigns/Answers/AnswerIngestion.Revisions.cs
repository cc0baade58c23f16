using System.Text.Json;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Answers;

/// <content>
/// Answers from a labeling tool's annotations: a first revision is accepted like a one-answer batch; a newer revision of
/// the same annotation replaces the stored answer in place (its place in the log, so D_t is what a replay from the
/// database gives); withdrawing removes the annotation's answers while their round is querying. Both edits are written
/// before D_t changes in memory, under the project's lock and after the project's other writes are on disk; what they
/// replace is kept in the answer history.
/// </content>
public sealed partial class AnswerIngestion
{
    /// <summary>Stores a labeling tool's answer: the query's first answer, or a newer revision of the same source's answer.</summary>
    /// <exception cref="CampaignValidationException">The answer, source or revision is malformed.</exception>
    /// <exception cref="CampaignNotFoundException">The project or query does not exist.</exception>
    /// <exception cref="CampaignConflictException">
    /// The delivery was already applied (same source and revision), a newer revision is stored, the query was answered
    /// from elsewhere, its round is not querying, or it is leased to another annotator.
    /// </exception>
    public async Task<SourcedReceipt> RecordAsync(SourcedAnswer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(request.Answer);
        if (string.IsNullOrWhiteSpace(request.Source) || request.Source.Length > 200)
        {
            throw new CampaignValidationException("An answer's source is required (1–200 characters).");
        }

        if (string.IsNullOrWhiteSpace(request.Revision) || request.Revision.Length > 100)
        {
            throw new CampaignValidationException("An answer's revision is required (1–100 characters).");
        }

        long projectId = request.ProjectId;
        string key = SourceKey(projectId, request.Source, request.Revision);
        var batch = new SubmitAnswers(projectId, $"{request.Source}@{request.Revision}", request.Annotator, [request.Answer]);
        string hash = Hash(projectId, batch);
        // The accepted answer's write is awaited outside the lock, like a batch's.
        var outcome = await DrainedAsync(projectId, async state =>
        {
            if (_inFlight.ContainsKey(key) || answers.FindIdempotent(key) is not null)
            {
                throw new CampaignConflictException(
                    $"{request.Source} revision {request.Revision} was already applied; nothing changed (a replayed delivery).");
            }

            // A query outside the querying round, or not yet answered, takes the batch path (which also names what is wrong with it).
            var round = leases.QueryingRound(projectId);
            var stored = round is { State: RoundStatus.Querying } && leases.For(round).Find(request.Answer.QueryId) is not null
                ? answers.ForQuery(request.Answer.QueryId)
                : null;
            if (stored is not null)
            {
                return Task.FromResult(new SourcedReceipt(true, Revise(state, request, stored, key, hash)));
            }

            return await AcceptAsync(state, key, hash, batch, (request.Source, request.Revision)) is { } accepted
                ? accepted.ContinueWith(t => new SourcedReceipt(false, t.GetAwaiter().GetResult()), CancellationToken.None,
                    TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default)
                : null;
        }, cancellationToken);
        return await outcome;
    }

    /// <summary>The idempotency key a sourced answer is stored under: <see cref="AnswerRepository.FindIdempotent"/> finds a delivery already applied.</summary>
    public static string SourceKey(long projectId, string source, string revision) => $"project-{projectId}/{source}@{revision}";

    /// <summary>Withdraws what <paramref name="source"/> answered in the querying round; answers of closed rounds are kept.</summary>
    /// <exception cref="CampaignValidationException">The source is malformed.</exception>
    /// <exception cref="CampaignNotFoundException">The project does not exist.</exception>
    public async Task<WithdrawalReceipt> WithdrawAsync(long projectId, string source, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(source) || source.Length > 200)
        {
            throw new CampaignValidationException("An answer's source is required (1–200 characters).");
        }

        return await DrainedAsync(projectId, state =>
        {
            var querying = leases.QueryingRound(projectId) is { State: RoundStatus.Querying } q ? q : null;
            var stored = answers.ForSource(projectId, source);
            var open = stored.Where(a => a.RoundId == querying?.Id).Select(a => a.Id).ToHashSet();
            int kept = stored.Count - open.Count;
            if (open.Count == 0)
            {
                return Task.FromResult<WithdrawalReceipt?>(new WithdrawalReceipt(0, kept, querying is null ? null : leases.For(querying).Remaining));
            }

            var (derived, _) = states.Derive(projectId, a => open.Contains(a.Id) ? null : a, tracked: -1);
            answers.Withdraw([.. open]);
            states.Replace(projectId, derived);
            leases.Reload(querying!.Id);
            return Task.FromResult<WithdrawalReceipt?>(new WithdrawalReceipt(open.Count, kept, leases.For(querying).Remaining));
        }, cancellationToken);
    }

    // Runs under the project's lock with every write on disk: replaces the stored answer in the database, then D_t.
    private AnswerReceipt Revise(CampaignState state, SourcedAnswer request, AnswerRow stored, string key, string hash)
    {
        var answer = request.Answer;
        if (stored.Source != request.Source)
        {
            throw new CampaignConflictException(
                $"Query {answer.QueryId} was already answered by {stored.Annotator}{(stored.Source is null ? "" : $" ({stored.Source})")}; " +
                "an annotation can revise only its own answer.");
        }

        if (string.CompareOrdinal(request.Revision, stored.Revision) <= 0)
        {
            throw new CampaignConflictException(
                $"{request.Source} revision {request.Revision} is older than the stored revision {stored.Revision}; nothing changed.");
        }

        var round = leases.QueryingRound(state.Project.Id);
        if (round is null || round.State != RoundStatus.Querying || round.Id != stored.RoundId)
        {
            throw new CampaignConflictException(
                $"Query {answer.QueryId}'s round is no longer querying; its answer is part of that round's model and metrics and cannot be revised.");
        }

        if (string.IsNullOrWhiteSpace(request.Annotator) || request.Annotator.Length > 200)
        {
            throw new CampaignValidationException("annotator is required (1–200 characters).");
        }

        if (Problem(answer, state.ClassCount) is { } problem)
        {
            throw new CampaignValidationException("The answer is invalid; nothing was stored.",
                new Dictionary<string, string[]> { ["answers[0]"] = [problem] });
        }

        var replacement = stored with { Verdict = answer.Verdict, Label = answer.Label, ElapsedMs = answer.ElapsedMs, Annotator = request.Annotator };
        var (derived, changed) = states.Derive(state.Project.Id, a => a.Id == stored.Id ? replacement : a, stored.Id);
        var receipt = new AnswerReceipt(1, answer.Verdict == QueryVerdict.Correct ? 1 : 0, changed, round.Number, leases.For(round).Remaining, false);
        answers.Revise(new AnswerRevision(stored.Id, key, hash, JsonSerializer.Serialize(receipt, Json), request.Annotator, answer.Verdict, answer.Label,
            answer.ElapsedMs, changed, request.Revision));
        states.Replace(state.Project.Id, derived);
        return receipt;
    }
}
