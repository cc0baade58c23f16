using Alc.Training.Models;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.PyBridge;

namespace Alc.Training.Tests.Models;

/// <summary>Saving and loading weights by state-dict name through PyTorch's file formats.</summary>
[Collection(SerialTorchRandom.Name)]
public sealed class StateDictFilesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("alc-statedict-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("fcn.pth")]
    [InlineData("fcn.safetensors")]
    public void A_saved_model_loads_back_into_a_differently_seeded_one(string fileName)
    {
        string path = Path.Combine(_folder, fileName);
        manual_seed(1);
        using var original = new FcnSmall(3);
        TrainBatchNormStatistics(original);
        StateDictFiles.Save(original, path);
        manual_seed(2);
        using var restored = new FcnSmall(3);

        StateDictLoadResult result = StateDictFiles.LoadInto(restored, path);

        Assert.Empty(result.Missing);
        Assert.Empty(result.Unexpected);
        Assert.Equal(original.state_dict().Count, result.Loaded.Count);
        TensorAssert.SameState(original, restored);
        using var scope = NewDisposeScope();
        using var inference = inference_mode();
        original.eval();
        restored.eval();
        Tensor input = randn(1, 3, 29, 31);
        Assert.True(TensorAssert.Same(original.call(input), restored.call(input)));
    }

    [Fact]
    public void A_segmentation_checkpoints_backbone_loads_into_a_resnet_by_prefix()
    {
        string path = Path.Combine(_folder, "deeplab.pth");
        manual_seed(4);
        using Module<Tensor, Tensor> deeplab = SegmentationModels.Create("deeplabv3plus-resnet18", 2, CPU);
        StateDictFiles.Save(deeplab, path);
        manual_seed(5);
        using ResNet backbone = ResNet.Create(18);

        StateDictLoadResult result = StateDictFiles.LoadInto(backbone, path, keyPrefix: "backbone.");

        Assert.Equal(120, result.Loaded.Count);
        Assert.Empty(result.Missing);
        Assert.Empty(result.Unexpected);
        TensorAssert.SameState(((DeepLabV3Plus)deeplab).Backbone, backbone);
    }

    [Fact]
    public void A_torchvision_classification_checkpoint_leaves_fc_over()
    {
        // A torchvision resnet18 state_dict: the backbone's entries plus fc.weight [1000,512] and fc.bias [1000], and
        // (older PyTorch) without num_batches_tracked.
        string path = Path.Combine(_folder, "resnet18.pth");
        manual_seed(6);
        using ResNet source = ResNet.Create(18, outputStride: 32);
        using var scope = NewDisposeScope();
        var state = source.state_dict()
            .Where(kv => !kv.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal))
            .ToDictionary(kv => kv.Key, kv => kv.Value);
        state["fc.weight"] = randn(1000, 512);
        state["fc.bias"] = zeros(1000);
        PyTorchPickler.PickleStateDict(path, state);
        manual_seed(7);
        using ResNet backbone = ResNet.Create(18);

        StateDictLoadResult result = StateDictFiles.LoadInto(backbone, path);

        Assert.Equal(["fc.bias", "fc.weight"], result.Unexpected);
        Assert.Equal(20, result.Missing.Count);
        Assert.All(result.Missing, name => Assert.EndsWith("num_batches_tracked", name, StringComparison.Ordinal));
        Assert.True(TensorAssert.Same(source.state_dict()["layer3.1.conv2.weight"], backbone.state_dict()["layer3.1.conv2.weight"]));
    }

    [Fact]
    public void Missing_entries_and_wrong_shapes_fail_clearly()
    {
        string fcnPath = Path.Combine(_folder, "fcn3.safetensors");
        string resnetPath = Path.Combine(_folder, "resnet.safetensors");
        using var fcn3 = new FcnSmall(3);
        StateDictFiles.Save(fcn3, fcnPath);
        using ResNet resnet = ResNet.Create(18);
        StateDictFiles.Save(resnet, resnetPath);

        using var fcn4 = new FcnSmall(4);
        var shape = Assert.Throws<InvalidDataException>(() => StateDictFiles.LoadInto(fcn4, fcnPath));
        Assert.Contains("classifier.weight: file [3,128,1,1], module [4,128,1,1]", shape.Message, StringComparison.Ordinal);

        using ResNet resnet34 = ResNet.Create(34);
        var missing = Assert.Throws<InvalidDataException>(() => StateDictFiles.LoadInto(resnet34, resnetPath));
        Assert.Contains("layer1.2.conv1.weight", missing.Message, StringComparison.Ordinal);

        StateDictLoadResult partial = StateDictFiles.LoadInto(resnet34, resnetPath, requireAll: false);
        Assert.Equal(120, partial.Loaded.Count);
        Assert.Equal(96, partial.Missing.Count);

        Assert.Throws<FileNotFoundException>(() => StateDictFiles.LoadInto(resnet34, Path.Combine(_folder, "none.pth")));
    }

    /// <summary>A training-mode forward pass, so the batch-norm running statistics differ from their initial values.</summary>
    private static void TrainBatchNormStatistics(FcnSmall model)
    {
        model.train();
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        model.call(randn(2, 3, 24, 24) * 3 + 1);
    }
}
