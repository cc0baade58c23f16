using Alc.Training.Models;
using static TorchSharp.torch;

namespace Alc.Training.Tests.Models;

/// <summary>The backbones: torchvision's names and sizes, feature shapes at each output stride.</summary>
[Collection(SerialTorchRandom.Name)]
public class ResNetTests
{
    [Theory]
    [InlineData(18, 11_176_512L, 120)]
    [InlineData(34, 21_284_672L, 216)]
    [InlineData(50, 23_508_032L, 318)]
    [InlineData(101, 42_500_160L, 624)]
    public void Sizes_are_torchvisions_without_the_classifier(int depth, long parameters, int stateEntries)
    {
        // torchvision: resnet18 11,689,512 parameters, resnet34 21,797,672, resnet50 25,557,032, resnet101 44,549,160,
        // of which fc holds 512·1000 + 1000 = 513,000 (basic) or 2048·1000 + 1000 = 2,049,000 (bottleneck). Their
        // state_dicts have 122, 218, 320 and 626 entries, two of them fc.weight and fc.bias.
        using ResNet backbone = ResNet.Create(depth);

        Assert.Equal(depth, backbone.Depth);
        Assert.Equal(parameters, SegmentationModels.ParameterCount(backbone));
        Assert.Equal(stateEntries, backbone.state_dict().Count);
    }

    [Fact]
    public void State_dict_names_are_torchvisions()
    {
        using ResNet backbone = ResNet.Create(18);
        Dictionary<string, Tensor> state = backbone.state_dict();

        string[] expected =
        [
            "conv1.weight", "bn1.weight", "bn1.bias", "bn1.running_mean", "bn1.running_var", "bn1.num_batches_tracked",
            "layer1.0.conv1.weight", "layer1.0.bn1.weight", "layer1.0.conv2.weight", "layer1.1.bn2.running_var",
            "layer2.0.conv1.weight", "layer2.0.downsample.0.weight", "layer2.0.downsample.1.running_mean",
            "layer3.0.downsample.0.weight", "layer4.0.downsample.1.weight", "layer4.1.conv2.weight", "layer4.1.bn2.num_batches_tracked",
        ];
        foreach (string name in expected)
        {
            Assert.Contains(name, state.Keys);
        }

        Assert.DoesNotContain("layer1.0.downsample.0.weight", state.Keys);
        Assert.DoesNotContain("layer2.1.downsample.0.weight", state.Keys);
        Assert.Equal([128L, 64, 3, 3], state["layer2.0.conv1.weight"].shape);
        Assert.Equal([512L, 256, 1, 1], state["layer4.0.downsample.0.weight"].shape);
    }

    [Fact]
    public void Bottleneck_names_include_conv3_and_the_first_blocks_projection()
    {
        using ResNet backbone = ResNet.Create(50);
        Dictionary<string, Tensor> state = backbone.state_dict();

        Assert.Equal([256L, 64, 1, 1], state["layer1.0.conv3.weight"].shape);
        Assert.Equal([256L, 64, 1, 1], state["layer1.0.downsample.0.weight"].shape);
        Assert.Equal([2048L, 1024, 1, 1], state["layer4.0.downsample.0.weight"].shape);
        Assert.Equal(256, backbone.LowLevelChannels);
        Assert.Equal(2048, backbone.HighLevelChannels);
    }

    [Theory]
    [InlineData(32, 3, 4)]
    [InlineData(16, 5, 7)]
    [InlineData(8, 9, 13)]
    public void Features_at_65x97_have_stride_4_and_the_output_stride(int outputStride, long highHeight, long highWidth)
    {
        // Each stride-2 step maps s to ⌈s/2⌉: 65 → 33 → 17 (stride 4) → 9 → 5 → 3; 97 → 49 → 25 → 13 → 7 → 4.
        using ResNet backbone = ResNet.Create(18, outputStride);
        backbone.eval();
        using var scope = NewDisposeScope();
        using var inference = inference_mode();

        BackboneFeatures features = backbone.call(randn(2, 3, 65, 97));

        Assert.Equal([2L, 64, 17, 25], features.LowLevel.shape);
        Assert.Equal([2L, 512, highHeight, highWidth], features.HighLevel.shape);
    }

    [Fact]
    public void Invalid_layouts_are_rejected()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => ResNet.Create(20));
        Assert.Throws<ArgumentOutOfRangeException>(() => ResNet.Create(18, outputStride: 4));
        Assert.Throws<ArgumentException>(() => new ResNet(ResNetBlockKind.Basic, [2, 2, 2]));
        using ResNet classification = ResNet.Create(18, outputStride: 32);
        Assert.Throws<ArgumentOutOfRangeException>(() => new DeepLabV3Plus(classification, 3));
    }
}
