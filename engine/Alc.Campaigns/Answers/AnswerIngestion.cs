using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Answers;

/// <summary>
/// Accepts a batch of answers for a project: all of it or nothing. Under the project's lock every answer is checked
/// (the query exists, is in the querying round, is not answered, is leased to the annotator or free; the verdict and
/// class id are consistent), marked answered in the round's <see cref="RoundLeases"/> and applied to D_t; the batch
/// is then written by the <see cref="AnswerCommitter"/> together with its idempotency record — and, when it answers
/// the round's last query, the round's closing — sharing one fsync with the batches that arrived meanwhile. The
/// receipt is returned only once the write is on disk: a 2xx means durable. If a write fails, D_t and the round's leases are
/// re-derived from the database before the project takes another batch.
/// </summary>
public sealed partial class AnswerIngestion(CampaignStates states, BlobStore blobs, RoundRepository rounds, QueryRepository queries, AnswerRepository answers,
    AnswerCommitter committer, LeaseBook leases, TimeProvider clock)
{
    /// <summary>Largest batch accepted.</summary>
    public const int MaxBatch = 1000;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// How long a written batch stays in memory under its key. The stored-key lookup runs before the project's lock is
    /// taken; a batch written after that lookup is still found here, unless the lock took longer than this to get, and
    /// then the lookup is repeated under the lock.
    /// </summary>
    internal static readonly TimeSpan WrittenRetention = TimeSpan.FromSeconds(10);

    // Accepted batches by scoped key, while their write is under way and for WrittenRetention after it: a retry of one
    // waits for it (or reads its receipt) instead of racing it.
    private readonly ConcurrentDictionary<string, InFlight> _inFlight = new();

    // Per project, the writes under way (awaited before a round closes or a failed write is repaired).
    private readonly ConcurrentDictionary<long, ConcurrentDictionary<Task<AnswerReceipt>, byte>> _writing = new();

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

        // The one disk read of an answer, done before the lock so batches of the project don't queue behind it.
        long lookedUp = clock.GetTimestamp();
        if (Replay(key, hash) is { } stored)
        {
            return stored;
        }

        while (true)
        {
            var state = states.Get(projectId);
            Task<AnswerReceipt> receipt;
            using (await state.LockAsync(cancellationToken))
            {
                if (!await UsableAsync(state, projectId))
                {
                    continue;
                }

                if (_inFlight.TryGetValue(key, out var inFlight))
                {
                    receipt = inFlight.Hash == hash
                        ? inFlight.Receipt
                        : throw new IdempotencyKeyReusedException("This Idempotency-Key was already used with a different body; use a new key for a new batch.");
                }
                else if (clock.GetElapsedTime(lookedUp) >= WrittenRetention && Replay(key, hash) is { } raced)
                {
                    return raced;
                }
                else if (await AcceptAsync(state, key, hash, request) is { } accepted)
                {
                    receipt = accepted;
                }
                else
                {
                    continue;
                }
            }

            return await receipt;
        }
    }

    /// <summary>
    /// Closes querying round <paramref name="number"/> with the metrics of the answers it has, under the project's
    /// lock and after every accepted answer of it is written.
    /// </summary>
    /// <exception cref="CampaignNotFoundException">The project or round does not exist.</exception>
    /// <exception cref="CampaignConflictException">The round is not querying.</exception>
    public Task CloseRoundAsync(long projectId, int number, CancellationToken cancellationToken) =>
        DrainedAsync<object>(projectId, state =>
        {
            var round = rounds.Get(projectId, number) ?? throw new CampaignNotFoundException($"Round {number} of project {projectId}");
            if (round.State != RoundStatus.Querying)
            {
                throw new CampaignConflictException($"Round {number} is {StoredText.Of(round.State)}; only a querying round can be closed" +
                    (round.State == RoundStatus.Closed ? "." : $"; to stop a round that is still training or scoring, cancel its job (POST /jobs/{rounds.Job(round.Id)?.Id}/cancel)."));
            }

            rounds.Close(round, RoundMetricsCalculator.Compute(state, round, queries.ForRound(round.Id), RoundMetricsCalculator.StoredAnswers(answers, round.Id)));
            leases.Forget(round);
            return Task.FromResult<object?>(round);
        }, cancellationToken);

    /// <summary>
    /// Runs <paramref name="work"/> under the project's lock once every accepted write of the project is on disk, so it
    /// reads the database as complete; again on a fresh state when the state was dropped or a failed write repaired
    /// meanwhile, or when <paramref name="work"/> returns null.
    /// </summary>
    private async Task<T> DrainedAsync<T>(long projectId, Func<CampaignState, Task<T?>> work, CancellationToken cancellationToken)
        where T : class
    {
        while (true)
        {
            var state = states.Get(projectId);
            using (await state.LockAsync(cancellationToken))
            {
                if (!await UsableAsync(state, projectId))
                {
                    continue;
                }

                await DrainAsync(projectId);
                if (!state.Poisoned && await work(state) is { } done)
                {
                    return done;
                }
            }
        }
    }

    // False when the caller must take the project's state again: it was dropped, or a failed write was just repaired.
    private async Task<bool> UsableAsync(CampaignState state, long projectId)
    {
        if (state.Retired)
        {
            return false;
        }

        if (!state.Poisoned)
        {
            return true;
        }

        // A write failed after its batch was applied here: once the project's other writes finish, re-derive the answered flags
        // (before the state is dropped, so nobody can use the new state while they reload) and D_t.
        await DrainAsync(projectId);
        if (rounds.Latest(projectId) is { } latest)
        {
            leases.Reload(latest.Id);
        }

        states.Invalidate(projectId);
        return false;
    }

    // Runs under the project's lock. Null when a failed write was found while draining (the caller starts over).
    private async Task<Task<AnswerReceipt>?> AcceptAsync(CampaignState state, string key, string hash, SubmitAnswers request,
        (string Source, string Revision)? sourced = null)
    {
        // The querying round comes from memory; only when there is none is the latest round read, to say what it is.
        var round = leases.QueryingRound(state.Project.Id) ?? rounds.Latest(state.Project.Id);
        if (round is null || round.State != RoundStatus.Querying)
        {
            throw new CampaignConflictException(round is null
                ? "The project has no round yet; start one with POST /projects/{id}/rounds."
                : $"Round {round.Number} is {StoredText.Of(round.State)}; answers are accepted only while a round is querying.");
        }

        var roundLeases = leases.For(round);
        var rows = Validate(state, roundLeases, round, request);
        bool closes = roundLeases.Remaining == 0;
        if (closes)
        {
            // The round's metrics are computed from the stored answers: every earlier batch must be written first.
            await DrainAsync(state.Project.Id);
            if (state.Poisoned)
            {
                return null;
            }
        }

        AnswerBatch batch;
        AnswerReceipt response;
        try
        {
            (batch, response) = Apply(state, roundLeases, round, key, hash, request, rows, closes);
            batch = batch with { Source = sourced?.Source, Revision = sourced?.Revision };
        }
        catch
        {
            state.Poisoned = true;
            throw;
        }

        var receipt = WriteAsync(state, batch, response, closes ? round : null);
        _inFlight[key] = new InFlight(hash, receipt);
        var writing = _writing.GetOrAdd(state.Project.Id, _ => new());
        writing[receipt] = 0;
        _ = receipt.ContinueWith(t =>
        {
            writing.TryRemove(t, out _);
            var entry = new KeyValuePair<string, InFlight>(key, new InFlight(hash, t));

            // A failed write stored nothing, so a retry must be taken afresh; a written one is kept while a lookup made
            // before it may still be deciding (twice the retention, so no timer slack can beat that lookup's check).
            if (t.IsCompletedSuccessfully)
            {
                _ = Task.Delay(WrittenRetention * 2, clock).ContinueWith(_ => _inFlight.TryRemove(entry), TaskScheduler.Default);
            }
            else
            {
                _inFlight.TryRemove(entry);
            }
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        return receipt;
    }

    private (AnswerBatch Batch, AnswerReceipt Response) Apply(CampaignState state, RoundLeases roundLeases, RoundRow round, string key, string hash,
        SubmitAnswers request, List<QueryRow> rows, bool closes)
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

        (RoundRow, RoundMetricsRow)? close = null;
        if (closes)
        {
            var earlier = RoundMetricsCalculator.StoredAnswers(answers, round.Id);
            var all = earlier.Concat(request.Answers.Select(a => (a.QueryId, a.Verdict, a.Label, a.ElapsedMs))).ToList();
            close = (round, RoundMetricsCalculator.Compute(state, round, queries.ForRound(round.Id), all));
        }

        int remaining = roundLeases.Remaining;
        var response = new AnswerReceipt(rows.Count, request.Answers.Count(a => a.Verdict == QueryVerdict.Correct), changed, round.Number,
            remaining, closes);
        var batch = new AnswerBatch
        {
            IdempotencyKey = key,
            RequestHash = hash,
            ResponseJson = JsonSerializer.Serialize(response, Json),
            Annotator = request.Annotator,
            Answers = stored,
            Close = close,
        };
        return (batch, response);
    }

    // Awaits the group commit outside the lock; a failed write marks D_t as ahead of the database.
    private async Task<AnswerReceipt> WriteAsync(CampaignState state, AnswerBatch batch, AnswerReceipt response, RoundRow? closesRound)
    {
        try
        {
            await committer.CommitAsync(batch).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            state.Poisoned = true;
            if (ex is StorageConflictException)
            {
                throw;
            }

            throw new InvalidOperationException("The answers were accepted but could not be written; nothing was stored. Retry with the same Idempotency-Key.", ex);
        }

        if (closesRound is { } closed)
        {
            leases.Forget(closed);
        }

        return response;
    }

    private async Task DrainAsync(long projectId)
    {
        if (!_writing.TryGetValue(projectId, out var writing))
        {
            return;
        }

        foreach (var write in writing.Keys.ToList())
        {
            try
            {
                await write.ConfigureAwait(false);
            }
            catch (Exception)
            {
                // Its own request reports the failure; here only its completion matters (Poisoned says the rest).
            }
        }
    }

    private List<QueryRow> Validate(CampaignState state, RoundLeases roundLeases, RoundRow round, SubmitAnswers request)
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
            string? problem = !seen.Add(a.QueryId) ? $"query {a.QueryId} is answered twice in this batch" : Problem(a, state.ClassCount);
            if (problem is not null)
            {
                format[$"answers[{i}]"] = [problem];
            }
        }

        if (format.Count > 0)
        {
            throw new CampaignValidationException("Some answers are invalid; nothing was stored.", format);
        }

        // Queries of the querying round come from memory; only ids outside it are looked up, to say what they are.
        var outside = request.Answers.Where(a => roundLeases.Find(a.QueryId) is null).Select(a => a.QueryId).ToList();
        var elsewhere = outside.Count == 0 ? [] : queries.Get(outside).ToDictionary(q => q.Id);
        var missing = new Dictionary<string, string[]>();
        var conflicts = new Dictionary<string, string[]>();
        for (int i = 0; i < request.Answers.Count; i++)
        {
            long id = request.Answers[i].QueryId;
            if (roundLeases.Find(id) is not null)
            {
                continue;
            }

            if (!elsewhere.TryGetValue(id, out var q) || q.ProjectId != state.Project.Id)
            {
                missing[$"answers[{i}]"] = [$"query {id} does not exist in project {state.Project.Id}"];
            }
            else
            {
                conflicts[$"answers[{i}]"] = [$"query {id} belongs to round {q.RoundNumber}, not the querying round {round.Number}"];
            }
        }

        if (missing.Count > 0)
        {
            throw new CampaignNotFoundException("Some answers name unknown queries; nothing was stored.", missing);
        }

        if (conflicts.Count == 0)
        {
            var ids = request.Answers.Select(a => a.QueryId).ToList();
            foreach (var (i, problem) in roundLeases.TryAccept(ids, request.Annotator, clock.GetUtcNow()))
            {
                conflicts[$"answers[{i}]"] = [problem];
            }
        }

        if (conflicts.Count > 0)
        {
            throw new CampaignConflictException("Some answers conflict with the queries' state; nothing was stored.", conflicts);
        }

        return request.Answers.Select(a => roundLeases.Find(a.QueryId)!).ToList();
    }

    // What is wrong with one answer on its own (verdict, class id, elapsed time), or null.
    private static string? Problem(AnswerCommand a, int classCount) => a.Verdict switch
    {
        _ when !Enum.IsDefined(a.Verdict) => "verdict must be confirm, correct or unsure",
        QueryVerdict.Correct when a.Label is null => "a correct verdict needs the right class id in label",
        QueryVerdict.Correct when a.Label < 0 || a.Label >= classCount => $"class id {a.Label} is out of range (this dataset has ids 0..{classCount - 1})",
        not QueryVerdict.Correct when a.Label is not null => $"label is only given with verdict correct (got {StoredText.Of(a.Verdict)})",
        _ when a.ElapsedMs is < 0 or > AnswerCommand.MaxElapsedMs => $"elapsedMs must be 0..{AnswerCommand.MaxElapsedMs} (a day)",
        _ => null,
    };

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

    private sealed record InFlight(string Hash, Task<AnswerReceipt> Receipt);
}
