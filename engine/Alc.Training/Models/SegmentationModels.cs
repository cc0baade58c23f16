using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Alc.Training.Models;

/// <summary>
/// The segmentation models by name (<see cref="TrainerOptions.Model"/>). Each takes normalized RGB [N,3,H,W]
/// (<see cref="ImageNormalization"/>) and returns logits [N,L,H,W] at the input resolution. Parameter counts for
/// L classes (checked by the tests):
/// <list type="table">
/// <item><term><c>fcn-small</c></term><description><see cref="FcnSmall"/>, 333,536 + 129·L (334,568 for L = 8). The CPU default.</description></item>
/// <item><term><c>deeplabv3plus-resnet18</c></term><description><see cref="DeepLabV3Plus"/> on ResNet-18 (11,176,512), 16,602,784 + 257·L.</description></item>
/// <item><term><c>deeplabv3plus-resnet18-imagenet</c></term><description>on the ImageNet-trained backbone of
/// <see cref="ImageNetResNet18"/> (CNTK's 2-2-2-3 "ResNet-18", 15,897,152), loaded from the NuGet cache for
/// <see cref="ImageNormalization"/>'s input; 21,323,424 + 257·L.</description></item>
/// <item><term><c>deeplabv3plus-resnet34</c></term><description>on ResNet-34 (21,284,672), 26,710,944 + 257·L.</description></item>
/// <item><term><c>deeplabv3plus-resnet50</c></term><description>on ResNet-50 (23,508,032), 40,346,784 + 257·L.</description></item>
/// <item><term><c>deeplabv3plus-resnet101</c></term><description>on ResNet-101 (42,500,160), 59,338,912 + 257·L.</description></item>
/// </list>
/// All DeepLabV3+ backbones run at output stride 16 with ASPP dropout 0.1. Weights come from torch's generator, except
/// the <c>-imagenet</c> backbone's (other pretrained weights: load them into <see cref="DeepLabV3Plus.Backbone"/> with
/// <see cref="StateDictFiles"/>).
/// </summary>
public static class SegmentationModels
{
    /// <summary>The CPU default, <see cref="FcnSmall"/>.</summary>
    public const string FcnSmallName = "fcn-small";

    /// <summary>DeepLabV3+ on the ImageNet-trained backbone of <see cref="ImageNetResNet18"/>.</summary>
    public const string ImageNetDeepLabName = "deeplabv3plus-resnet18-imagenet";

    private const string DeepLabPrefix = "deeplabv3plus-resnet";

    /// <summary>Every name <see cref="Create"/> accepts, in order of size.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [FcnSmallName, DeepLabPrefix + "18", ImageNetDeepLabName, DeepLabPrefix + "34", DeepLabPrefix + "50", DeepLabPrefix + "101"];

    /// <summary>
    /// A new, randomly initialised model <paramref name="name"/> (case-insensitive) for <paramref name="classCount"/>
    /// classes on <paramref name="device"/>. Seed with <c>torch.manual_seed</c> first for reproducible weights.
    /// </summary>
    /// <exception cref="ArgumentException"><paramref name="name"/> is not one of <see cref="Names"/>.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1.</exception>
    /// <exception cref="FileNotFoundException">The ImageNet model file is not in the NuGet cache (<c>-imagenet</c> only).</exception>
    public static Module<Tensor, Tensor> Create(string name, int classCount, Device device)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(device);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        string? known = Names.FirstOrDefault(n => string.Equals(n, name.Trim(), StringComparison.OrdinalIgnoreCase));
        if (known is null)
        {
            throw new ArgumentException($"Unknown model '{name}'. Known models: {string.Join(", ", Names)}.", nameof(name));
        }

        if (known == FcnSmallName)
        {
            return new FcnSmall(classCount, device);
        }

        if (known == ImageNetDeepLabName)
        {
            string onnx = ImageNetResNet18.FindModelFile() ?? throw new FileNotFoundException(
                $"{ImageNetDeepLabName} needs {ImageNetResNet18.ModelPathInPackage} of the NuGet package {ImageNetResNet18.PackageId} "
                + $"{ImageNetResNet18.PackageVersion}, which is not in NUGET_PACKAGES or ~/.nuget/packages: restore a project that downloads it.");
            ResNet backbone = ImageNetResNet18.CreateBackbone(outputStride: 16);
            ImageNetResNet18.LoadInto(backbone, onnx);
            return new DeepLabV3Plus(backbone, classCount, dropout: 0.1, device);
        }

        int depth = int.Parse(known.AsSpan(DeepLabPrefix.Length), provider: System.Globalization.CultureInfo.InvariantCulture);
        return new DeepLabV3Plus(ResNet.Create(depth, outputStride: 16), classCount, dropout: 0.1, device);
    }

    /// <summary>Number of trainable and frozen parameters (buffers such as batch-norm statistics not counted).</summary>
    public static long ParameterCount(Module module)
    {
        ArgumentNullException.ThrowIfNull(module);
        return module.parameters().Sum(p => p.numel());
    }
}
