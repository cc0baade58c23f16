using Alc.Training.Models;
using static TorchSharp.torch;

namespace Alc.Training.Tests.Models;

/// <summary>Real training of fcn-small on a tiny synthetic two-class problem.</summary>
[Collection(SerialTorchRandom.Name)]
public class FcnSmallTrainingTests
{
    private const int Size = 40;
    private const int Images = 4;

    [Fact]
    public void A_few_sgd_steps_reduce_the_loss()
    {
        manual_seed(5);
        (Tensor images, Tensor labels) = SquaresOnNoise(new Random(5));
        using var model = new FcnSmall(2);
        model.train();
        var optimizer = optim.SGD(model.parameters(), learningRate: 0.05, momentum: 0.9);

        var losses = new List<float>();
        for (int step = 0; step < 25; step++)
        {
            using var scope = NewDisposeScope();
            optimizer.zero_grad();
            Tensor loss = nn.functional.cross_entropy(model.call(images), labels, ignore_index: 255);
            loss.backward();
            optimizer.step();
            losses.Add(loss.item<float>());
        }

        model.eval();
        float accuracy;
        using (var scope = NewDisposeScope())
        using (inference_mode())
        {
            accuracy = model.call(images).argmax(1).eq(labels).to_type(ScalarType.Float32).mean().item<float>();
        }

        Console.WriteLine($"fcn-small, 25 SGD steps on 4 images of 40×40: loss {losses[0]:F3} → {losses[^1]:F3}, pixel accuracy {accuracy:F3}");
        Assert.True(losses[^1] < 0.5f * losses[0], $"loss {losses[0]:F3} → {losses[^1]:F3}");
        Assert.True(accuracy > 0.9f, $"pixel accuracy {accuracy:F3}");
        images.Dispose();
        labels.Dispose();
    }

    /// <summary>Noisy dark images, each with a bright 14×14 square (class 1) at a random place; the rest class 0.</summary>
    private static (Tensor Images, Tensor Labels) SquaresOnNoise(Random random)
    {
        var rgb = new float[Images * 3 * Size * Size];
        var labels = new long[Images * Size * Size];
        for (int n = 0; n < Images; n++)
        {
            int top = random.Next(0, Size - 14);
            int left = random.Next(0, Size - 14);
            for (int y = 0; y < Size; y++)
            {
                for (int x = 0; x < Size; x++)
                {
                    bool inside = y >= top && y < top + 14 && x >= left && x < left + 14;
                    labels[(((n * Size) + y) * Size) + x] = inside ? 1 : 0;
                    for (int c = 0; c < 3; c++)
                    {
                        float value = (inside ? 170f : 70f) + (float)(random.NextDouble() * 60);
                        rgb[(((((n * 3) + c) * Size) + y) * Size) + x] = value;
                    }
                }
            }
        }

        using Tensor raw = tensor(rgb, [Images, 3, Size, Size]);
        return (ImageNormalization.Normalize(raw), tensor(labels, [Images, Size, Size]));
    }
}
