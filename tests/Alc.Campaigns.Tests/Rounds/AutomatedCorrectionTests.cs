using Alc.Campaigns.AutoCorrection;
using Alc.Core.Correction;
using Alc.Core.Cost;
using Alc.Core.Maps;

namespace Alc.Campaigns.Tests.Rounds;

public class AutomatedCorrectionTests
{
    // L = 4. Each image is 6×1 with superpixels {0,1}, {2,3}, {4,5}; the model is sure of one class per superpixel.
    // Images 0–3 are fully answered (their labels = truth = the model's class), so the MLP learns "trust the model".
    // Image 4 is unqueried: its superpixels are labelled 0 | 0 | 2 but the model and the truth say 0 | 3 | 2.
    private static readonly byte[][] ModelClasses = [[0, 1, 2], [3, 0, 1], [2, 3, 0], [1, 2, 3], [0, 3, 2]];

    private static (List<CampaignImage> Images, FixedPredictor Model, List<AnsweredSuperpixel> Answers) World()
    {
        var images = new List<CampaignImage>();
        var answers = new List<AnsweredSuperpixel>();
        for (int key = 0; key < ModelClasses.Length; key++)
        {
            byte[] truth = ModelClasses[key].SelectMany(c => new[] { c, c }).ToArray();
            byte[] labels = key == 4 ? [0, 0, 0, 0, 2, 2] : (byte[])truth.Clone();
            var rgb = new byte[18];
            rgb[0] = (byte)key;
            var image = new CampaignImage(key, $"i{key}", rgb, new LabelMap(6, 1, 4, labels), new SuperpixelMap(6, 1, [1, 1, 2, 2, 3, 3]),
                new LabelMap(6, 1, 4, truth));
            if (key < 4)
            {
                for (int s = 0; s < 3; s++)
                {
                    image.Answered.Add(s + 1);
                    // Half confirms (shown = truth), half corrections (shown wrong, answer = truth); one unsure that must be ignored.
                    answers.Add(s == 0
                        ? new AnsweredSuperpixel(key, s + 1, 1, QueryVerdict.Correct, (byte)((ModelClasses[key][s] + 1) % 4), ModelClasses[key][s])
                        : new AnsweredSuperpixel(key, s + 1, 1, QueryVerdict.Confirm, ModelClasses[key][s], 0));
                }
            }

            images.Add(image);
        }

        answers.Add(new AnsweredSuperpixel(0, 1, 1, QueryVerdict.Unsure, 3, 0));
        var model = new FixedPredictor(4, sample => Softmax(ModelClasses[sample.Rgb[0]]));
        return (images, model, answers);
    }

    private static float[] Softmax(byte[] classes)
    {
        var f = new float[6 * 4];
        for (int p = 0; p < 6; p++)
        {
            for (int c = 0; c < 4; c++)
            {
                f[(p * 4) + c] = c == classes[p / 2] ? 0.94f : 0.02f;
            }
        }

        return f;
    }

    private static readonly LabelCorrectionOptions Options = new() { Threshold = 0.9, LearningRate = 1e-2, Epochs = 200, BatchSize = 4, TailGuards = false };

    [Fact]
    public void A_confident_unqueried_superpixel_is_relabelled_and_the_change_is_judged_against_ground_truth()
    {
        var (images, model, answers) = World();
        var record = AutomatedCorrection.Run(images, model, answers, 1, Options, excludeZeroId: false, seed: 1);
        Assert.Equal(new byte[] { 0, 0, 3, 3, 2, 2 }, images[4].Labels.Labels.ToArray());
        Assert.Equal(12, record.TrainingSamples); // the unsure answer is left out
        Assert.Equal(3, record.Candidates);
        Assert.Equal((1, 2L, 2L, 0L), (record.Superpixels, record.Pixels, record.PixelsRight, record.PixelsRightBefore));
        Assert.Equal(1.0, record.ShareRight);
        // Answered superpixels are never touched.
        Assert.All(images.Take(4), i => Assert.Equal(i.GroundTruth!.Labels.ToArray(), i.Labels.Labels.ToArray()));
    }

    [Fact]
    public void The_tail_guard_blocks_a_relabelling_into_a_rare_class()
    {
        // Pixel counts after the answers: class 3 is among the two rarest of the four, so 0 → 3 is refused.
        var (images, model, answers) = World();
        var record = AutomatedCorrection.Run(images, model, answers, 1, Options with { TailGuards = true }, excludeZeroId: false, seed: 1);
        var counts = new long[4];
        foreach (var image in images)
        {
            foreach (byte y in image.Labels.Labels)
            {
                counts[y]++;
            }
        }

        Assert.True(TailClassGuard.FromCounts(counts).IsRare(3));
        Assert.Equal(0, record.Superpixels);
        Assert.Equal(new byte[] { 0, 0, 0, 0, 2, 2 }, images[4].Labels.Labels.ToArray());
    }

    [Fact]
    public void This_round_training_uses_only_this_rounds_answers_and_runs_are_deterministic()
    {
        var (images, model, answers) = World();
        var none = AutomatedCorrection.Run(images, model, answers, 2, Options, excludeZeroId: false, seed: 1);
        Assert.Equal((0, 0), (none.TrainingSamples, none.Superpixels));
        var (again, model2, answers2) = World();
        var all = AutomatedCorrection.Run(again, model2, answers2, 2, Options with { TrainingSet = CorrectionTrainingSet.AllAnswered }, false, seed: 1);
        Assert.Equal(12, all.TrainingSamples);
        var (third, model3, answers3) = World();
        Assert.Equal(all, AutomatedCorrection.Run(third, model3, answers3, 2, Options with { TrainingSet = CorrectionTrainingSet.AllAnswered }, false, seed: 1));
    }

    [Fact]
    public void The_default_strategy_is_sim_with_automated_correction_switched_on()
    {
        Assert.Equal("sim", CorrectionStrategy.Default.Acquisition);
        Assert.NotNull(CorrectionStrategy.Default.AutoCorrection);
        Assert.Same(CorrectionStrategy.DefaultAutoCorrection, CorrectionStrategy.Default.AutoCorrection);
        CorrectionStrategy.Default.Validate();
    }
}
