using Alc.Campaigns.AutoCorrection;
using Alc.Core.Maps;
using Alc.Training;

namespace Alc.Campaigns.Tests.Rounds;

public class OutOfFoldModelsTests
{
    // Records which images each fold model was trained on (by the first RGB byte, which is the image key).
    private sealed class RecordingTrainer : ISegmentationTrainer
    {
        public List<int[]> Trained { get; } = [];

        public ISegmentationPredictor Train(IReadOnlyList<SegmentationSample> images, ISegmentationPredictor? initial, IProgress<TrainingProgress>? progress,
            CancellationToken cancellationToken)
        {
            Assert.Null(initial);
            Trained.Add(images.Select(i => (int)i.Rgb[0]).ToArray());
            return new FixedPredictor(2, _ => new float[2]);
        }
    }

    private static CampaignImage Image(int key) =>
        new(key, $"i{key}", [(byte)key, 0, 0], new LabelMap(1, 1, 2, [0]), new SuperpixelMap(1, 1, [1]), null);

    [Fact]
    public void Every_image_is_judged_by_a_model_that_never_saw_it()
    {
        var images = Enumerable.Range(0, 7).Select(Image).ToList();
        var trainer = new RecordingTrainer();
        using var folds = OutOfFoldModels.Train(images, trainer, 3);
        Assert.Equal(3, folds.Folds);
        Assert.Equal([[1, 2, 4, 5], [0, 2, 3, 5, 6], [0, 1, 3, 4, 6]], trainer.Trained); // fold = key mod 3
        for (int key = 0; key < 7; key++)
        {
            int fold = Enumerable.Range(0, 3).Single(f => ReferenceEquals(folds.For(key), folds.For(f)));
            Assert.DoesNotContain(key, trainer.Trained[fold]);
        }
    }

    [Fact]
    public void Fewer_than_two_folds_or_more_folds_than_images_is_refused()
    {
        Assert.Throws<ArgumentException>(() => OutOfFoldModels.Train([Image(0), Image(1)], new RecordingTrainer(), 1));
        Assert.Throws<ArgumentException>(() => OutOfFoldModels.Train([Image(0)], new RecordingTrainer(), 2));
    }
}
