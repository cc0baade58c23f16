using Alc.Core.World;
using Alc.Imaging.Datasets;

namespace Alc.Imaging.Tests.Datasets;

/// <summary>
/// The real Fashion-MNIST files from Debian's dataset-fashion-mnist (installed by build/test.sh): the photo world's detector is
/// a weak model whose errors are the dataset's real confusions.
/// </summary>
public sealed class FashionMnistRealDataTests
{
    private static PhotoCatalog Real() => Directory.Exists(FashionMnist.DefaultDirectory)
        ? FashionMnist.Load()
        : throw new InvalidOperationException($"{FashionMnist.DefaultDirectory} is missing: run `apt-get install -y dataset-fashion-mnist` (build/test.sh does).");

    [Fact]
    public void The_few_shot_classifier_errs_mostly_between_look_alike_classes()
    {
        var catalog = Real();
        Assert.Equal(60_000, catalog.Items.Count);
        Assert.Equal(10_000, catalog.Shots.Count);
        var classifier = FewShotClassifier.Fit(catalog.Shots, 10, new PhotoWorldOptions().ShotsPerClass, seed: 1);
        var sample = catalog.Items.Take(3000).ToList();
        var errors = sample.Select(p => (Truth: p.Label, Said: classifier.Predict(p.Pixels))).Where(x => x.Truth != x.Said).ToList();
        double accuracy = 1 - (errors.Count / (double)sample.Count);
        Assert.InRange(accuracy, 0.6, 0.9); // weak: a few photos per class, far from a trained CNN's 0.9+

        // Tops (t-shirt, pullover, coat, shirt) and footwear (sandal, sneaker, ankle boot) are the look-alike groups.
        int[] tops = [0, 2, 4, 6], shoes = [5, 7, 9];
        int within = errors.Count(e => (tops.Contains(e.Truth) && tops.Contains(e.Said)) || (shoes.Contains(e.Truth) && shoes.Contains(e.Said)));
        Assert.True(within > 0.6 * errors.Count, $"{within} of {errors.Count} errors within the look-alike groups");
    }
}
