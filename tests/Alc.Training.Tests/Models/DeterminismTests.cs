using Alc.Training.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Alc.Training.Tests.Models;

/// <summary>The same seed gives the same weights and the same logits; another seed does not.</summary>
[Collection(SerialTorchRandom.Name)]
public class DeterminismTests
{
    [Fact]
    public void The_same_seed_gives_the_same_fcn_small()
    {
        using var scope = NewDisposeScope();
        manual_seed(99);
        Tensor input = randn(2, 3, 33, 47);

        float[] first = Logits(seed: 7, input);
        float[] again = Logits(seed: 7, input);
        float[] other = Logits(seed: 8, input);

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
    }

    [Fact]
    public void The_same_seed_gives_the_same_deeplab_weights()
    {
        manual_seed(3);
        using Module<Tensor, Tensor> a = SegmentationModels.Create("deeplabv3plus-resnet18", 4, CPU);
        manual_seed(3);
        using Module<Tensor, Tensor> b = SegmentationModels.Create("deeplabv3plus-resnet18", 4, CPU);

        TensorAssert.SameState(a, b);
    }

    private static float[] Logits(long seed, Tensor input)
    {
        manual_seed(seed);
        using var model = new FcnSmall(3);
        model.eval();
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        return model.call(input).data<float>().ToArray();
    }
}
