using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training.Tests.Training;

public class SegmentationLossTests
{
    [Fact]
    public void Only_the_labelled_pixel_counts()
    {
        using var scope = NewDisposeScope();

        // One image, 2 classes, 1×3 pixels; logits per pixel: (1, 3), (2, 0), (0, 5); labels 255, 0, 255.
        // Only pixel 1 counts: −log(e² / (e² + e⁰)) = log(1 + e^−2) = log(1.1353353) = 0.1269280.
        Tensor logits = tensor(new float[] { 1, 2, 0, 3, 0, 5 }, [1, 2, 1, 3]);
        Tensor labels = tensor(new long[] { 255, 0, 255 }, [1, 1, 3]);

        float loss = SegmentationLoss.CrossEntropy(logits, labels).item<float>();

        Assert.Equal(0.1269280f, loss, 1e-6f);
    }

    [Fact]
    public void Averages_over_labelled_pixels_only()
    {
        using var scope = NewDisposeScope();

        // Pixels 0 and 1 labelled 1 and 0: CE₀ = −log(e³/(e¹+e³)) = log(1 + e^−2) = 0.1269280,
        // CE₁ = 0.1269280 as above; pixel 2 ignored. Mean over 2 labelled pixels = 0.1269280.
        Tensor logits = tensor(new float[] { 1, 2, 0, 3, 0, 5 }, [1, 2, 1, 3]);
        Tensor labels = tensor(new long[] { 1, 0, 255 }, [1, 1, 3]);

        Assert.Equal(0.1269280f, SegmentationLoss.CrossEntropy(logits, labels).item<float>(), 1e-6f);
    }

    [Fact]
    public void A_batch_without_labels_gives_zero_loss_and_zero_gradient()
    {
        using var scope = NewDisposeScope();
        Tensor logits = tensor(new float[] { 1, 2, 0, 3, 0, 5 }, [1, 2, 1, 3], requires_grad: true);
        Tensor labels = full([1, 1, 3], 255L);

        Tensor loss = SegmentationLoss.CrossEntropy(logits, labels);
        loss.backward();

        Assert.Equal(0f, loss.item<float>());
        Assert.All(logits.grad!.data<float>().ToArray(), g => Assert.Equal(0f, g));
    }

    [Fact]
    public void Equals_libtorch_mean_cross_entropy_without_ignored_pixels()
    {
        using var scope = NewDisposeScope();
        // Seeded managed draws: libtorch's global generator belongs to the trainer tests running alongside.
        var draw = new Alc.Core.Numerics.SeededRandom(3);
        Tensor logits = tensor(Enumerable.Range(0, 240).Select(_ => (float)draw.Gaussian()).ToArray(), [2, 4, 5, 6]);
        Tensor labels = tensor(Enumerable.Range(0, 60).Select(_ => (long)draw.Next(4)).ToArray(), [2, 5, 6]);

        float expected = nn.functional.cross_entropy(logits, labels).item<float>();

        Assert.Equal(expected, SegmentationLoss.CrossEntropy(logits, labels).item<float>(), 1e-5f);
    }
}
