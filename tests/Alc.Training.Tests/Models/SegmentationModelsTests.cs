using Alc.Training.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp;

namespace Alc.Training.Tests.Models;

/// <summary>The registry: names, errors, output shapes at odd sizes and parameter counts.</summary>
[Collection(SerialTorchRandom.Name)]
public class SegmentationModelsTests
{
    private const int Classes = 5;

    [Fact]
    public void Names_lists_the_models_smallest_first()
    {
        Assert.Equal(
            ["fcn-small", "deeplabv3plus-resnet18", "deeplabv3plus-resnet18-imagenet", "deeplabv3plus-resnet34", "deeplabv3plus-resnet50", "deeplabv3plus-resnet101"],
            SegmentationModels.Names);
    }

    [Fact]
    public void An_unknown_name_is_rejected_with_the_known_ones()
    {
        var ex = Assert.Throws<ArgumentException>(() => SegmentationModels.Create("unet", Classes, CPU));

        Assert.Equal("name", ex.ParamName);
        Assert.Contains("'unet'", ex.Message, StringComparison.Ordinal);
        foreach (string name in SegmentationModels.Names)
        {
            Assert.Contains(name, ex.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Names_are_case_insensitive_and_class_count_must_be_positive()
    {
        using Module<Tensor, Tensor> model = SegmentationModels.Create(" FCN-Small ", Classes, CPU);

        Assert.IsType<FcnSmall>(model);
        Assert.Throws<ArgumentOutOfRangeException>(() => SegmentationModels.Create("fcn-small", 0, CPU));
    }

    [Theory]
    [InlineData("fcn-small", 2)]
    [InlineData("deeplabv3plus-resnet18", 2)]
    [InlineData("deeplabv3plus-resnet18-imagenet", 1)]
    [InlineData("deeplabv3plus-resnet50", 1)]
    [InlineData("deeplabv3plus-resnet101", 1)]
    public void Logits_have_the_input_size_at_odd_sizes(string name, int batch)
    {
        manual_seed(1);
        using Module<Tensor, Tensor> model = SegmentationModels.Create(name, Classes, CPU);
        model.eval();
        using var scope = NewDisposeScope();
        using var inference = inference_mode();

        Tensor logits = model.call(randn(batch, 3, 65, 97));

        Assert.Equal([batch, Classes, 65L, 97L], logits.shape);
        Assert.True(logits.isfinite().all().item<bool>());
    }

    [Theory]
    [InlineData("fcn-small", 333_536L + (129L * Classes))]
    [InlineData("deeplabv3plus-resnet18", 16_602_784L + (257L * Classes))]
    [InlineData("deeplabv3plus-resnet18-imagenet", 21_323_424L + (257L * Classes))]
    [InlineData("deeplabv3plus-resnet34", 26_710_944L + (257L * Classes))]
    [InlineData("deeplabv3plus-resnet50", 40_346_784L + (257L * Classes))]
    [InlineData("deeplabv3plus-resnet101", 59_338_912L + (257L * Classes))]
    public void Parameter_counts_are_as_documented(string name, long expected)
    {
        using Module<Tensor, Tensor> model = SegmentationModels.Create(name, Classes, CPU);

        Assert.Equal(expected, SegmentationModels.ParameterCount(model));
    }

    [Fact]
    public void Fcn_small_has_a_few_hundred_thousand_parameters()
    {
        // 3·32·9 + 32·64·9 + 64·96·9 + 96·128·9 + 128·128·9 = 864 + 18,432 + 55,296 + 110,592 + 147,456 = 332,640 conv weights,
        // 2·(32 + 64 + 96 + 128 + 128) = 896 batch-norm weights, 128·8 + 8 = 1,032 classifier weights: 334,568 for 8 classes.
        using var model = new FcnSmall(8);

        long count = SegmentationModels.ParameterCount(model);

        Assert.Equal(334_568L, count);
        Assert.InRange(count, 100_000L, 1_000_000L);
    }

    private static Device CPU => torch.CPU;
}
