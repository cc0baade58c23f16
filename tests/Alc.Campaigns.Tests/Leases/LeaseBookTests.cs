using Alc.Campaigns.Leases;
using Alc.Core;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Campaigns.Tests.Leases;

/// <summary>
/// The book's cached querying round over a real SQLite file: read once, kept while the round queries, dropped by any
/// close (also one written straight through the repository, as a round with no queries is), so the next round is seen.
/// </summary>
public sealed class LeaseBookTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alc-leasebook-").FullName;
    private readonly EngineDatabase _database;
    private readonly RoundRepository _rounds;

    public LeaseBookTests()
    {
        _database = new EngineDatabase(Path.Combine(_folder, "alc.db"));
        _database.Migrate();
        _rounds = new RoundRepository(_database, new JobRepository(_database, TimeProvider.System), TimeProvider.System);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
    }

    [Fact]
    public void The_querying_round_is_kept_until_a_close_and_the_next_round_is_seen_after_it()
    {
        var (project, image) = Project();
        var book = new LeaseBook(new QueryRepository(_database), _rounds, TimeProvider.System);
        Assert.Null(book.QueryingRound(project));

        var first = Querying(project, image, 3);
        Assert.Equal(first.Id, book.QueryingRound(project)!.Id);
        // Kept: later reads return the same row, not a new read from disk.
        Assert.Same(book.QueryingRound(project), book.QueryingRound(project));

        _rounds.Close(_rounds.Get(first.Id)!, new RoundMetricsRow());
        Assert.Null(book.QueryingRound(project));
        var second = Querying(project, image, 2);
        Assert.Equal((second.Id, 2), (book.QueryingRound(project)!.Id, book.QueryingRound(project)!.Number));

        // A close that fails (the round is not querying) still drops the cache; the next read finds the round querying again.
        Assert.Throws<StorageConflictException>(() => _rounds.Close(first, new RoundMetricsRow()));
        Assert.Equal(second.Id, book.QueryingRound(project)!.Id);
    }

    private (long Project, long Image) Project()
    {
        var datasets = new DatasetRepository(_database, TimeProvider.System);
        string blob = new('a', 64);
        long dataset = datasets.Create("d", [new ClassInfo(0, "bg", "#000000"), new ClassInfo(1, "x", "#800000")],
            [new ImageRow { Stem = "i", Split = "train", Width = 10, Height = 10, ImageBlob = blob, PseudoBlob = blob, SuperpixelBlob = blob }]);
        long project = new ProjectRepository(_database, TimeProvider.System).Create(dataset, "p", "{}", ProjectOracle.None);
        return (project, datasets.Images(dataset)[0].Id);
    }

    private RoundRow Querying(long project, long image, int queries)
    {
        var (round, _) = _rounds.Start(project);
        _rounds.CompleteTraining(round, new string('b', 64));
        _rounds.CompleteScoring(_rounds.Get(round.Id)!, Enumerable.Range(0, queries).Select(i => new NewQuery(image, i, i, 0, 100 - i)).ToList(), 0.5);
        return _rounds.Get(round.Id)!;
    }
}
