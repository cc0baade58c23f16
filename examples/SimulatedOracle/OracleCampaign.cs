using Alc.Client;
using Alc.Core.Cost;
using Alc.Core.Maps;
using Alc.Core.Oracle;
using Alc.Imaging.Maps;

namespace Alc.Examples.SimulatedOracle;

/// <summary>
/// Runs a whole correction campaign against a running engine exactly as a labeling tool would — start a round,
/// follow its job, lease the queries, answer them, repeat — with <see cref="Alc.Core.Oracle.SimulatedOracle"/> answering from the
/// dataset's ground truth (served by the engine). A last training round measures θ of the final labels, so the
/// rows match <c>alc-engine bench</c>'s: with the same seed and settings the numbers are equal.
/// </summary>
public sealed class OracleCampaign(IAlcApi api, OracleCampaignOptions options)
{
    private const string Annotator = "simulated-oracle";

    /// <summary>Runs the campaign over dataset <paramref name="datasetId"/> (which must have ground truth); returns rounds 0..R.</summary>
    public async Task<IReadOnlyList<OracleCampaignRound>> RunAsync(long datasetId, IProgress<string>? progress = null, CancellationToken cancellationToken = default)
    {
        var dataset = await api.GetDatasetAsync(datasetId, cancellationToken).ContentOrThrow();
        int classes = dataset.Classes.Count;
        var train = await TrainImages(datasetId, cancellationToken);
        progress?.Report($"reading the ground truth of {train.Count} images");
        var truth = new Dictionary<long, LabelMap>();
        foreach (var image in train)
        {
            truth[image.Id] = await LabelMap(api.GetImageLabelsAsync(datasetId, image.Id, "gt", cancellationToken), classes);
        }

        // The bench numbers images by their place in the train split; the oracle's seeded mistakes use that number.
        var keys = train.Select((image, index) => (image.Id, index)).ToDictionary(p => p.Id, p => p.index);
        var oracle = new Alc.Core.Oracle.SimulatedOracle(classes, options.Oracle with { Seed = options.Seed });
        var project = await api.CreateProjectAsync(new CreateProjectRequest
        {
            Name = options.Project,
            DatasetId = datasetId,
            Acquisition = options.Acquisition,
            Budget = options.Budget,
            Seed = options.Seed,
            Model = options.Model,
            Iterations = options.Iterations,
            LearningRate = options.LearningRate,
            CropSize = options.CropSize,
            BatchSize = options.BatchSize,
            Oracle = OracleKind.None,
        }, cancellationToken).ContentOrThrow();

        for (int round = 1; round <= options.Rounds + 1; round++)
        {
            progress?.Report(round <= options.Rounds ? $"round {round}: training and selecting" : "training on the final labels");
            var started = await api.StartRoundAsync(project.Id, cancellationToken).ContentOrThrow();
            var job = await api.WaitForJobAsync(started.Job.Id, cancellationToken: cancellationToken);
            if (job.State != JobState.Succeeded)
            {
                throw new AlcApiException($"round {round}: job {job.Id} {job.State}: {job.Error ?? job.Message}");
            }

            if (round > options.Rounds)
            {
                // This round exists only to train and measure θ on the final labels; nobody answers it.
                await api.CloseRoundAsync(project.Id, started.Round.Number, cancellationToken).ContentOrThrow();
                break;
            }

            progress?.Report($"round {round}: answering");
            await AnswerRound(project.Id, datasetId, round, classes, oracle, truth, keys, cancellationToken);
        }

        var metrics = await api.GetMetricsAsync(project.Id, cancellationToken).ContentOrThrow();
        return Rows(metrics, classes);
    }

    private async Task AnswerRound(long projectId, long datasetId, int round, int classes, Alc.Core.Oracle.SimulatedOracle oracle, Dictionary<long, LabelMap> truth,
        Dictionary<long, int> keys, CancellationToken cancellationToken)
    {
        // The paper rule looks at the queried superpixel's current labels; one query per superpixel, so D_t at the round's start is what it sees.
        var labels = new Dictionary<long, LabelMap>();
        var superpixels = new Dictionary<long, SuperpixelMap>();
        while (true)
        {
            var batch = await api.LeaseQueriesAsync(projectId, new LeaseRequest { Annotator = Annotator, Count = options.LeaseCount }, cancellationToken).ContentOrThrow();
            if (batch.Queries.Count == 0)
            {
                return;
            }

            var answers = new List<AnswerItem>();
            foreach (var query in batch.Queries)
            {
                var gt = truth[query.ImageId];
                int pixel = (query.Y * gt.Width) + query.X;
                LabelMap? current = null;
                SuperpixelMap? ids = null;
                if (options.Oracle.Mode == OracleMode.Paper)
                {
                    current = labels.TryGetValue(query.ImageId, out var l) ? l
                        : labels[query.ImageId] = await LabelMap(api.GetProjectImageLabelsAsync(projectId, query.ImageId, cancellationToken), classes);
                    ids = superpixels.TryGetValue(query.ImageId, out var s) ? s
                        : superpixels[query.ImageId] = await Superpixels(api.GetImageSuperpixelsAsync(datasetId, query.ImageId, cancellationToken));
                }

                var answer = oracle.Answer(keys[query.ImageId], pixel, (byte)query.ShownLabel, gt.Labels, current, ids);
                answers.Add(new AnswerItem
                {
                    QueryId = query.Id,
                    Verdict = answer.Verdict switch { QueryVerdict.Confirm => Verdict.Confirm, QueryVerdict.Correct => Verdict.Correct, _ => Verdict.Unsure },
                    Label = answer.Verdict == QueryVerdict.Correct ? answer.Label : null,
                    ElapsedMs = (long)Math.Round(answer.Seconds * 1000),
                });
            }

            // A retry of this batch (same key, same body) is answered from the engine's idempotency record.
            await api.SubmitAnswersAsync(projectId, new AnswerBatchRequest { Annotator = Annotator, Answers = answers },
                $"simulated-oracle-{projectId}-{round}-{batch.Queries[0].Id}", cancellationToken).ContentOrThrow();
        }
    }

    private static List<OracleCampaignRound> Rows(ProjectMetricsDto metrics, int classes)
    {
        // Engine round n trains θ on D_(n−1): its Model mIoU is the bench's θ_(n−1); its Data mIoU, after its answers, is D_n's.
        var rounds = metrics.Rounds.OrderBy(r => r.Round).ToList();
        var rows = new List<OracleCampaignRound> { new(0, 0, 0, 0, metrics.InitialDataMIoU, rounds.Count > 0 ? rounds[0].ModelMIoU : null) };
        double bits = 0, seconds = 0;
        for (int t = 1; t < rounds.Count; t++)
        {
            var answered = rounds[t - 1];
            bits += answered.Bits;
            seconds += answered.Seconds;
            rows.Add(new OracleCampaignRound(t, answered.CumulativeClicks, bits, seconds, answered.DataMIoU, rounds[t].ModelMIoU));
        }

        return rows;
    }

    private async Task<List<ImageDto>> TrainImages(long datasetId, CancellationToken cancellationToken)
    {
        var images = new List<ImageDto>();
        while (true)
        {
            var page = await api.ListImagesAsync(datasetId, "train", images.Count, 1000, cancellationToken).ContentOrThrow();
            images.AddRange(page.Items);
            if (page.Items.Count == 0 || images.Count >= page.Total)
            {
                return images.OrderBy(i => i.Id).ToList();
            }
        }
    }

    private static async Task<LabelMap> LabelMap(Task<HttpResponseMessage> call, int classes)
    {
        using var response = await call.EnsureSuccess();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return LabelMapFile.Read(stream, "labels.png", classes);
    }

    private static async Task<SuperpixelMap> Superpixels(Task<HttpResponseMessage> call)
    {
        using var response = await call.EnsureSuccess();
        await using var stream = await response.Content.ReadAsStreamAsync();
        return SuperpixelMapFile.Read(stream, "superpixels.png");
    }
}
