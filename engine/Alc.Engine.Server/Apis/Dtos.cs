using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Core;
using Alc.Engine.Server.Contracts;
using Alc.Storage;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;

namespace Alc.Engine.Server.Apis;

/// <summary>Stored rows as API contracts.</summary>
internal static class Dtos
{
    public static DateTimeOffset Time(string text) => StorageClock.Parse(text);

    public static DateTimeOffset? OptionalTime(string? text) => text is null ? null : StorageClock.Parse(text);

    public static ClassDto Class(ClassInfo c) => new(c.Id, c.Name, c.Color);

    public static DatasetDto Dataset(DatasetRow row, DatasetRepository datasets)
    {
        var counts = datasets.ImageCounts(row.Id);
        return new DatasetDto(row.Id, row.Name, datasets.Classes(row.Id).Select(Class).ToList(),
            counts.GetValueOrDefault("train"), counts.GetValueOrDefault("val"), Time(row.CreatedAt));
    }

    public static ImageDto Image(ImageRow row) => new(row.Id, row.DatasetId, row.Stem, row.Split, row.Width, row.Height, row.GtBlob is not null);

    public static JobDto Job(JobRow row) => new(row.Id, row.Kind, row.ProjectId, row.RoundId, row.DatasetId, row.ResultDatasetId, Enum.Parse<JobState>(row.State.ToString()),
        row.Progress, row.IsFinished || row.Stage is null ? null : Enum.Parse<JobStage>(row.Stage, ignoreCase: true), row.StageProgress, row.JobsAhead,
        row.Message, row.Error, Time(row.CreatedAt), OptionalTime(row.StartedAt), OptionalTime(row.FinishedAt));

    public static RoundDto Round(RoundRow row, QueryRepository queries, RoundRepository rounds)
    {
        var (total, answered) = queries.Counts(row.Id);
        return new RoundDto(row.Id, row.ProjectId, row.Number, Enum.Parse<RoundState>(row.State.ToString()), total, answered,
            rounds.Job(row.Id)?.Id, Time(row.CreatedAt), OptionalTime(row.ClosedAt));
    }

    public static ProjectDto Project(ProjectRow row, RoundRepository rounds, QueryRepository queries, ProjectMetricsDto metrics)
    {
        var latest = rounds.Latest(row.Id);
        return new ProjectDto(row.Id, row.Name, row.DatasetId, WireMapping.Oracle(row.Oracle),
            WireMapping.Dto(ProjectSettings.FromJson(row.StrategyJson)), latest is null ? null : Round(latest, queries, rounds), MetricsReport.Totals(metrics),
            Time(row.CreatedAt));
    }

    public static QueryDto Query(QueryRow row, QueryLease? lease, int width, int height, IReadOnlyList<ClassInfo> classes, BlobStore blobs) =>
        new(row.Id, row.ProjectId, row.RoundNumber, row.ImageId, row.Pixel % width, row.Pixel / width,
            row.RegionBlob is null ? QueryKind.Pixel : QueryKind.Region, row.SuperpixelId, row.ShownLabel,
            row.ShownLabel < classes.Count ? classes[row.ShownLabel].Name : "ignore", row.Score, lease?.Owner, lease?.ExpiresAt,
            row.Answered, row.RegionBlob is null ? null : Region(AutoCorrectionBlobs.DecodeRegion(blobs.Get(row.RegionBlob)), width, height));

    private static QueryRegionDto Region(int[] pixels, int width, int height)
    {
        var rle = Alc.Core.Rle.CocoRle.Encode(RegionMask.Draw(width * height, pixels, (byte)1), width, height);
        var box = rle.BoundingBox();
        return new QueryRegionDto(pixels.Length, [height, width], rle.ToCountsString(), [box.X, box.Y, box.Width, box.Height]);
    }
}
