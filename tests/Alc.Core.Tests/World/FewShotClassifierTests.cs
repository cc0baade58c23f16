using Alc.Core.World;

namespace Alc.Core.Tests.World;

/// <summary>The photo world's weak detector: nearest neighbour by cosine of mean-removed pixel vectors.</summary>
public sealed class FewShotClassifierTests
{
    // 2×2 photos: class 0 is bright on the left, class 1 bright on the top.
    private static readonly ItemPhoto Left = new([200, 0, 200, 0], 2, 0);
    private static readonly ItemPhoto Top = new([200, 200, 0, 0], 2, 1);

    [Fact]
    public void A_photo_takes_the_class_of_its_nearest_shot()
    {
        var classifier = FewShotClassifier.Fit([Left, Top], classes: 2, shotsPerClass: 1, seed: 1);
        // Mean-removed: left-bright (+1, −1, +1, −1)/2 against top-bright (+1, +1, −1, −1)/2.
        // [250, 10, 150, 40]: mean 112.5 → (137.5, −102.5, 37.5, −72.5); cosine with left 175/189.9 = 0.92, with top 35/189.9 = 0.18.
        Assert.Equal(0, classifier.Predict([250, 10, 150, 40]));
        Assert.Equal(1, classifier.Predict([90, 255, 0, 20]));
    }

    [Fact]
    public void Brightness_and_contrast_do_not_change_the_class()
    {
        var classifier = FewShotClassifier.Fit([Left, Top], 2, 1, 1);
        byte[] photo = [120, 130, 20, 40];
        byte[] brighter = [.. photo.Select(v => (byte)((1.5 * v) + 5))];
        Assert.Equal(classifier.Predict(photo), classifier.Predict(brighter));
        Assert.Equal(1, classifier.Predict(photo));
    }

    [Fact]
    public void The_shots_depend_only_on_the_seed()
    {
        // Two shots of class 0, one per layout: with one shot per class, the seed decides which one the classifier knows.
        ItemPhoto[] pool = [Left, Left with { Pixels = [200, 200, 0, 0] }, Top];
        int[] Answers(long seed)
        {
            var c = FewShotClassifier.Fit(pool, 2, 1, seed);
            return [c.Predict([200, 0, 200, 0]), c.Predict([200, 200, 0, 0])];
        }

        var seen = Enumerable.Range(1, 20).Select(s => string.Join(',', Answers(s))).Distinct().ToList();
        // Knowing the left layout: (0, 1). Knowing the top layout as class 0: both photos tie and the earlier shot (class 0) wins: (0, 0).
        Assert.Equal(["0,0", "0,1"], seen.Order());
    }

    [Fact]
    public void Too_few_shots_and_wrong_sizes_are_refused()
    {
        var few = Assert.Throws<ArgumentException>(() => FewShotClassifier.Fit([Left, Top], 2, 2, 1));
        Assert.Contains("Class 0 has 1 photos", few.Message, StringComparison.Ordinal);
        var classifier = FewShotClassifier.Fit([Left, Top], 2, 1, 1);
        Assert.Throws<ArgumentException>(() => classifier.Predict([1, 2, 3]));
    }
}
