using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Answers;

/// <summary>
/// Accepts a batch of answers for a project: all of it or nothing. Every answer is checked (the query exists, is in
/// the querying round, is not answered, is leased to the annotator or free; the verdict and class id are consistent)
/// before anything changes; the batch is then expanded onto D_t and committed in one transaction together with its
/// idempotency record, and — when it answers the round's last query — the round's closing. A 2xx means durable.
/// </summary>
public sealed class AnswerIngestion(CampaignStates states, BlobStore blobs, RoundRepository rounds, QueryRepository queries, AnswerRepository answers, TimeProvider clock)
{
    /// <summary>Largest batch accepted.</summary>
    public const int MaxBatch = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Stores the batch, or returns the stored receipt when its idempotency key was already used for the same batch.</summary>
    /// <exception cref="CampaignValidationException">The batch is malformed (the errors name each bad answer).</exception>
    /// <exception cref="CampaignNotFoundException">The project, or a query the batch names, does not exist.</exception>
    /// <exception cref="CampaignConflictException">The round is not querying, or a query is answered or leased to another.</exception>
    /// <exception cref="IdempotencyKeyReusedException">The key was used for a different batch.</exception>
    public async Task<AnswerReceipt> SubmitAsync(SubmitAnswers request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        long projectId = request.ProjectId;
        string idempotencyKey = request.IdempotencyKey;
        if (string.IsNullOrWhiteSpace(idempotencyKey) || idempotencyKey.Length > 200)
        {
            throw new CampaignValidationException("The Idempotency-Key is required (1–200 characters): it makes a retried submission safe.");
        }

        // Keys are scoped to the project, so two projects' clients cannot collide.
        string key = $"project-{projectId}/{idempotencyKey}";
        string hash = Hash(projectId, request);
        var state = states.Get(projectId);
        if (Replay(key, hash) is { } earlier)
        {
            return earlier;
        }

        using (await state.LockAsync(cancellationToken))
        {
            if (Replay(key, hash) is { } raced)
            {
                return raced;
            }

            var round = rounds.Latest(projectId);
            if (round is null || round.State != RoundStatus.Querying)
            {
                throw new CampaignConflictException(round is null
                    ? "The project has no round yet; start one with POST /projects/{id}/rounds."
                    : $"Round {round.Number} is {StoredText.Of(round.State)}; answers are accepted only while a round is querying.");
            }

            var rows = Validate(state, round, request);
            return Commit(state, round, key, hash, request, rows);
        }
    }

    private AnswerReceipt Commit(CampaignState state, RoundRow round, string key, string hash, SubmitAnswers request, List<QueryRow> rows)
    {
        try
        {
            var stored = new List<NewAnswer>(request.Answers.Count);
            long changed = 0;
            for (int i = 0; i < rows.Count; i++)
            {
                var item = request.Answers[i];
                var query = rows[i];
                int pixels = state.Apply(query.ImageId, query.Pixel, query.SuperpixelId, query.ShownLabel, item.Verdict, item.Label,
                    query.RegionBlob is null ? null : AutoCorrectionBlobs.DecodeRegion(blobs.Get(query.RegionBlob)));
                changed += pixels;
                stored.Add(new NewAnswer(query.Id, item.Verdict, item.Label, item.ElapsedMs, pixels));
            }

            int remaining = queries.Remaining(round.Id) - rows.Count;
            (RoundRow, RoundMetricsRow)? close = null;
            if (remaining == 0)
            {
                var earlier = RoundMetricsCalculator.StoredAnswers(answers, round.Id);
                var all = earlier.Concat(request.Answers.Select(a => (a.QueryId, a.Verdict, a.Label, a.ElapsedMs))).ToList();
                close = (round, RoundMetricsCalculator.Compute(state, round, queries.ForRound(round.Id), all));
            }

            var response = new AnswerReceipt(rows.Count, request.Answers.Count(a => a.Verdict == QueryVerdict.Correct), changed, round.Number,
                remaining, remaining == 0);
            answers.Commit(new AnswerBatch
            {
                IdempotencyKey = key,
                RequestHash = hash,
                ResponseJson = JsonSerializer.Serialize(response, Json),
                Annotator = request.Annotator,
                Answers = stored,
                Close = close,
            });
            return response;
        }
        catch
        {
            // D_t in memory may hold answers that did not commit: re-derive it from the database next time.
            states.Invalidate(state.Project.Id);
            throw;
        }
    }

    private List<QueryRow> Validate(CampaignState state, RoundRow round, SubmitAnswers request)
    {
        if (string.IsNullOrWhiteSpace(request.Annotator) || request.Annotator.Length > 200)
        {
            throw new CampaignValidationException("annotator is required (1–200 characters).");
        }

        if (request.Answers is null || request.Answers.Count == 0 || request.Answers.Count > MaxBatch)
        {
            throw new CampaignValidationException($"answers must hold 1–{MaxBatch} answers.");
        }

        var format = new Dictionary<string, string[]>();
        var seen = new HashSet<long>();
        for (int i = 0; i < request.Answers.Count; i++)
        {
            var a = request.Answers[i];
            string? problem = a.Verdict switch
            {
                _ when !seen.Add(a.QueryId) => $"query {a.QueryId} is answered twice in this batch",
                _ when !Enum.IsDefined(a.Verdict) => "verdict must be confirm, correct or unsure",
                QueryVerdict.Correct when a.Label is null => "a correct verdict needs the right class id in label",
                QueryVerdict.Correct when a.Label < 0 || a.Label >= state.ClassCount => $"class id {a.Label} is out of range (this dataset has ids 0..{state.ClassCount - 1})",
                not QueryVerdict.Correct when a.Label is not null => $"label is only given with verdict correct (got {StoredText.Of(a.Verdict)})",
                _ when a.ElapsedMs is < 0 or > AnswerCommand.MaxElapsedMs => $"elapsedMs must be 0..{AnswerCommand.MaxElapsedMs} (a day)",
                _ => null,
            };
            if (problem is not null)
            {
                format[$"answers[{i}]"] = [problem];
            }
        }

        if (format.Count > 0)
        {
            throw new CampaignValidationException("Some answers are invalid; nothing was stored.", format);
        }

        var byId = queries.Get(request.Answers.Select(a => a.QueryId).ToList()).ToDictionary(q => q.Id);
        var missing = new Dictionary<string, string[]>();
        var conflicts = new Dictionary<string, string[]>();
        string now = StorageClock.ToText(clock.GetUtcNow());
        for (int i = 0; i < request.Answers.Count; i++)
        {
            long id = request.Answers[i].QueryId;
            if (!byId.TryGetValue(id, out var q) || q.ProjectId != state.Project.Id)
            {
                missing[$"answers[{i}]"] = [$"query {id} does not exist in project {state.Project.Id}"];
                continue;
            }

            bool held = q.LeaseOwner is not null && string.CompareOrdinal(q.LeaseExpiresAt, now) > 0;
            string? conflict = q switch
            {
                _ when q.RoundId != round.Id => $"query {id} belongs to round {q.RoundNumber}, not the querying round {round.Number}",
                { Answered: true } => $"query {id} is already answered",
                _ when held && q.LeaseOwner != request.Annotator => $"query {id} is leased to another annotator until {q.LeaseExpiresAt}",
                _ when !held && q.LeaseOwner == request.Annotator => $"your lease on query {id} expired at {q.LeaseExpiresAt}; lease it again with POST /projects/{{id}}/leases",
                _ => null,
            };
            if (conflict is not null)
            {
                conflicts[$"answers[{i}]"] = [conflict];
            }
        }

        if (missing.Count > 0)
        {
            throw new CampaignNotFoundException("Some answers name unknown queries; nothing was stored.", missing);
        }

        if (conflicts.Count > 0)
        {
            throw new CampaignConflictException("Some answers conflict with the queries' state; nothing was stored.", conflicts);
        }

        return request.Answers.Select(a => byId[a.QueryId]).ToList();
    }

    private AnswerReceipt? Replay(string key, string hash)
    {
        if (answers.FindIdempotent(key) is not var (storedHash, responseJson))
        {
            return null;
        }

        if (storedHash != hash)
        {
            throw new IdempotencyKeyReusedException("This Idempotency-Key was already used with a different body; use a new key for a new batch.");
        }

        return JsonSerializer.Deserialize<AnswerReceipt>(responseJson, Json);
    }

    // The hash covers the batch in one fixed JSON shape (verdicts as their numbers), so a key's stored hash stays valid across versions.
    private static string Hash(long projectId, SubmitAnswers request) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{projectId}\n{JsonSerializer.Serialize(new HashedBatch(request.Annotator,
            request.Answers.Select(a => new HashedAnswer(a.QueryId, (int)a.Verdict, a.Label, a.ElapsedMs)).ToList()), Json)}")));

    private sealed record HashedBatch(string Annotator, IReadOnlyList<HashedAnswer> Answers);

    private sealed record HashedAnswer(long QueryId, int Verdict, int? Label, long ElapsedMs);
}
