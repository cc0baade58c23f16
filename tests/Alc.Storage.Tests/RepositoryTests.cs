using Alc.Core;
using Alc.Core.Cost;
using Alc.Storage.Answers;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Dapper;

namespace Alc.Storage.Tests;

/// <summary>The repositories' transactions: state machine transitions, all-or-nothing answer batches and their group commit.</summary>
public sealed class RepositoryTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly EngineDatabase _database;
    private readonly TimeProvider _clock = TimeProvider.System;

    public RepositoryTests()
    {
        _database = new EngineDatabase(_temp["alc.db"]);
        _database.Migrate();
    }

    public void Dispose() => _temp.Dispose();

    private (long Project, RoundRow Round, IReadOnlyList<QueryRow> Queries) Querying(int queries)
    {
        var datasets = new DatasetRepository(_database, _clock);
        string blob = new string('a', 64);
        long dataset = datasets.Create("d", [new ClassInfo(0, "bg", "#000000"), new ClassInfo(1, "x", "#800000")],
            [new ImageRow { Stem = "i", Split = "train", Width = 10, Height = 10, ImageBlob = blob, PseudoBlob = blob, SuperpixelBlob = blob }]);
        long image = datasets.Images(dataset)[0].Id;
        long project = new ProjectRepository(_database, _clock).Create(dataset, "p", "{}", ProjectOracle.None);
        var rounds = new RoundRepository(_database, new JobRepository(_database, _clock), _clock);
        var (round, _) = rounds.Start(project);
        rounds.CompleteTraining(round, blob);
        rounds.CompleteScoring(rounds.Get(round.Id)!, Enumerable.Range(0, queries).Select(i => new NewQuery(image, i, i, 0, 100 - i)).ToList(), 0.5);
        return (project, rounds.Get(round.Id)!, new QueryRepository(_database).ForRound(round.Id));
    }

    [Fact]
    public void A_round_moves_training_scoring_querying_and_refuses_out_of_order_steps()
    {
        var (project, round, queries) = Querying(3);
        var rounds = new RoundRepository(_database, new JobRepository(_database, _clock), _clock);
        Assert.Equal(RoundStatus.Querying, round.State);
        Assert.Equal([0, 1, 2], queries.Select(q => q.Pixel));
        Assert.Throws<StorageConflictException>(() => rounds.Start(project));
        Assert.Throws<StorageConflictException>(() => rounds.CompleteScoring(round, [], null));
        Assert.False(rounds.Abandon(round.Id));
        rounds.Close(round, new RoundMetricsRow { Clicks = 0 });
        Assert.Equal(0.5, rounds.Metrics(project).Single().ModelMiou);
        var (next, job) = rounds.Start(project);
        Assert.Equal((2, JobStatus.Queued), (next.Number, job.State));
        Assert.True(rounds.Abandon(next.Id));
        Assert.Null(new JobRepository(_database, _clock).Get(job.Id)!.RoundId);
    }

    [Fact]
    public void A_queued_job_counts_the_jobs_ahead_of_it_and_a_running_job_s_progress_never_goes_back()
    {
        var datasets = new DatasetRepository(_database, _clock);
        string blob = new string('a', 64);
        long dataset = datasets.Create("d", [new ClassInfo(0, "bg", "#000000")],
            [new ImageRow { Stem = "i", Split = "train", Width = 10, Height = 10, ImageBlob = blob, PseudoBlob = blob, SuperpixelBlob = blob }]);
        var projects = new ProjectRepository(_database, _clock);
        var jobs = new JobRepository(_database, _clock);
        var rounds = new RoundRepository(_database, jobs, _clock);
        var (_, first) = rounds.Start(projects.Create(dataset, "a", "{}", ProjectOracle.None));
        var (_, second) = rounds.Start(projects.Create(dataset, "b", "{}", ProjectOracle.None));
        var (_, third) = rounds.Start(projects.Create(dataset, "c", "{}", ProjectOracle.None));
        Assert.Equal((0, 1, 2), (first.JobsAhead, second.JobsAhead, third.JobsAhead));

        Assert.True(jobs.MarkRunning(first.Id));
        Assert.Equal((null, 1, 2), (jobs.Get(first.Id)!.JobsAhead, jobs.Get(second.Id)!.JobsAhead, jobs.Get(third.Id)!.JobsAhead));
        jobs.ReportProgress(first.Id, 0.6, "train", 0.9, "training");
        jobs.ReportProgress(first.Id, 0.4, "measure", 0.1, "measuring");
        var running = jobs.Get(first.Id)!;
        Assert.Equal((0.6, "measure", 0.1, "measuring"), (running.Progress, running.Stage, running.StageProgress, running.Message));
        jobs.ReportProgress(first.Id, double.NaN, "select", double.PositiveInfinity, "selecting");
        Assert.Equal((0.6, 0.0), (jobs.Get(first.Id)!.Progress, jobs.Get(first.Id)!.StageProgress));

        Assert.True(jobs.MarkCancelled(second.Id));
        Assert.Equal(1, jobs.Get(third.Id)!.JobsAhead);
        Assert.True(jobs.MarkSucceeded(first.Id, "done"));
        Assert.Equal(0, jobs.Get(third.Id)!.JobsAhead);
    }

    [Fact]
    public void An_answer_batch_commits_whole_or_not_at_all()
    {
        var (project, round, rows) = Querying(3);
        var answers = new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock);
        answers.Commit(Batch("k1", rows[0].Id));
        Assert.Throws<StorageConflictException>(() => answers.Commit(Batch("k2", rows[1].Id, rows[0].Id)));
        Assert.Throws<StorageConflictException>(() => answers.Commit(Batch("k1", rows[2].Id)));
        Assert.Single(answers.ForProject(project));
        Assert.Null(answers.FindIdempotent("k2"));
        Assert.False(new QueryRepository(_database).Get(rows[1].Id)!.Answered);
        using var connection = _database.Open();
        Assert.Equal(1, connection.ExecuteScalar<long>("SELECT count(*) FROM applied_corrections;"));
    }

    [Fact]
    public void A_group_commit_stores_each_batch_in_its_own_savepoint_so_a_conflicting_batch_fails_alone()
    {
        var (project, _, rows) = Querying(4);
        var answers = new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock);
        answers.Commit(Batch("k0", rows[0].Id));

        // k1 and k3 are fine; k2 answers an answered query, k4 reuses a stored key: both roll back alone.
        var errors = answers.CommitGroup([Batch("k1", rows[1].Id), Batch("k2", rows[2].Id, rows[0].Id), Batch("k3", rows[3].Id), Batch("k0", rows[2].Id)]);
        Assert.Null(errors[0]);
        Assert.IsType<StorageConflictException>(errors[1]);
        Assert.Null(errors[2]);
        Assert.Contains("Idempotency-Key 'k0'", Assert.IsType<StorageConflictException>(errors[3]).Message, StringComparison.Ordinal);
        Assert.Equal([rows[0].Id, rows[1].Id, rows[3].Id], answers.ForProject(project).Select(a => a.QueryId));
        Assert.False(new QueryRepository(_database).Get(rows[2].Id)!.Answered);
        Assert.Null(answers.FindIdempotent("k2"));
        using var connection = _database.Open();
        Assert.Equal(3, connection.ExecuteScalar<long>("SELECT count(*) FROM applied_corrections;"));
    }

    [Fact]
    public async Task The_committer_stores_every_concurrent_batch_once_and_completes_only_after_it_is_stored()
    {
        var (project, _, rows) = Querying(200);
        var answers = new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock);
        using (var committer = new AnswerCommitter(answers))
        {
            await committer.CommitAsync(Batch("k-first", rows[0].Id));
            var writes = rows.Skip(1).Select(r => Task.Run(async () =>
            {
                await committer.CommitAsync(Batch($"k{r.Id}", r.Id));
                // Completed means stored: a fresh read sees it at once.
                Assert.NotNull(answers.FindIdempotent($"k{r.Id}"));
            })).ToList();
            // Queued among the others, a batch that answers a stored query fails alone.
            var conflict = committer.CommitAsync(Batch("k-dup", rows[0].Id));
            await Task.WhenAll(writes);
            await Assert.ThrowsAsync<StorageConflictException>(() => conflict);
        }

        Assert.Equal(rows.Select(r => r.Id).Order(), answers.ForProject(project).Select(a => a.QueryId).Order());
        Assert.Null(answers.FindIdempotent("k-dup"));
    }

    [Fact]
    public async Task A_disposed_committer_writes_what_was_queued_and_refuses_more()
    {
        var (project, _, rows) = Querying(20);
        var answers = new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock);
        var committer = new AnswerCommitter(answers);
        var queued = rows.Select(r => committer.CommitAsync(Batch($"k{r.Id}", r.Id))).ToList();
        committer.Dispose();
        await Task.WhenAll(queued);
        Assert.Equal(20, answers.ForProject(project).Count);
        Assert.Throws<ObjectDisposedException>(() => { _ = committer.CommitAsync(Batch("late", rows[0].Id)); });
    }

    private static AnswerBatch Batch(string key, params long[] ids) => new()
    {
        IdempotencyKey = key,
        RequestHash = "h-" + key,
        ResponseJson = "{}",
        Annotator = "a",
        Answers = ids.Select(id => new NewAnswer(id, QueryVerdict.Confirm, null, 10, 0)).ToList(),
    };

    [Fact]
    public void A_rounds_automated_correction_and_region_checks_are_stored_with_its_queries_or_not_at_all()
    {
        var (project, round, _) = Querying(1);
        var rounds = new RoundRepository(_database, new JobRepository(_database, _clock), _clock);
        rounds.Close(round, new RoundMetricsRow());
        var (next, _) = rounds.Start(project);
        rounds.CompleteTraining(next, new string('c', 64));
        next = rounds.Get(next.Id)!;
        long image = new QueryRepository(_database).ForRound(round.Id)[0].ImageId;
        var auto = new NewAutoCorrection(12, new string('d', 64), "{\"pixels\":12}");
        NewQuery[] queries = [new(image, 5, 1, 0, 40, RegionBlob: new string('e', 64)), new(image, 6, 2, 1, 30)];

        // A failing transition stores neither the queries nor the automated correction.
        Assert.Throws<StorageConflictException>(() => rounds.CompleteScoring(round, queries, null, auto));
        Assert.Empty(rounds.AutoCorrections(project));

        rounds.CompleteScoring(next, queries, 0.4, auto);
        var stored = Assert.Single(rounds.AutoCorrections(project));
        Assert.Equal((next.Id, 2, 12L, auto.ChangesBlob, auto.RecordJson), (stored.RoundId, stored.RoundNumber, stored.ChangedPixels, stored.ChangesBlob, stored.RecordJson));
        var rows = new QueryRepository(_database).ForRound(next.Id);
        Assert.Equal([new string('e', 64), null], rows.Select(q => q.RegionBlob));

        // An answer to a region check carries its region into the log D_t is replayed from.
        new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock).Commit(new AnswerBatch
        {
            IdempotencyKey = "k",
            RequestHash = "h",
            ResponseJson = "{}",
            Annotator = "a",
            Answers = [new NewAnswer(rows[0].Id, QueryVerdict.Correct, 1, 10, 3)],
        });
        Assert.Equal(new string('e', 64), new AnswerRepository(_database, new RoundRepository(_database, new JobRepository(_database, _clock), _clock), _clock).ForProject(project).Single(a => a.RoundId == next.Id).RegionBlob);
    }
}
