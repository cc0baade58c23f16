using System.Globalization;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// A ResNet backbone (He et al. 2016) laid out and named exactly as torchvision's, without the <c>avgpool</c>/<c>fc</c>
/// head: <c>conv1</c> (7×7 stride 2), <c>bn1</c>, 3×3 stride-2 max pooling, <c>layer1</c>…<c>layer4</c> whose blocks are
/// <c>layerK.I</c> (<see cref="BasicBlock"/> or <see cref="Bottleneck"/>). A PyTorch <c>state_dict</c> of a
/// torchvision ResNet therefore loads by name (its <c>fc.*</c> entries are left over; see
/// <see cref="StateDictFiles"/>).
/// <para>
/// The output stride is set as torchvision's <c>replace_stride_with_dilation</c> does: 32 is the classification
/// network; 16 gives <c>layer4</c> stride 1 and dilation 2 (DeepLabV3+'s default); 8 also gives <c>layer3</c> stride 1 and
/// dilation 2 (then <c>layer4</c> dilation 4). The first block of a dilated layer keeps the previous dilation, the others
/// use the new one. Neither changes a parameter's shape, so any output stride loads the same weights.
/// </para>
/// <para>
/// Forward: normalized RGB [N,3,H,W] → <see cref="BackboneFeatures"/>: <c>layer1</c> (stride 4,
/// <see cref="LowLevelChannels"/>) and <c>layer4</c> (stride <see cref="OutputStride"/>, <see cref="HighLevelChannels"/>);
/// each stride-2 step maps a side s to ⌈s/2⌉ (65×97 → 17×25 at stride 4, 5×7 at stride 16).
/// </para>
/// </summary>
public sealed class ResNet : Module<Tensor, BackboneFeatures>
{
    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Sequential layer1;
    private readonly Sequential layer2;
    private readonly Sequential layer3;
    private readonly Sequential layer4;

    /// <summary>A backbone of <paramref name="block"/>s, <paramref name="blockCounts"/> of them in layer1…layer4.</summary>
    /// <param name="block">The residual block.</param>
    /// <param name="blockCounts">Blocks per layer, four positive numbers (ResNet-18: 2, 2, 2, 2).</param>
    /// <param name="outputStride">8, 16 or 32.</param>
    /// <param name="device">Where the parameters live; default CPU.</param>
    /// <exception cref="ArgumentException"><paramref name="blockCounts"/> is not four positive numbers.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="outputStride"/> is not 8, 16 or 32.</exception>
    public ResNet(ResNetBlockKind block, IReadOnlyList<int> blockCounts, int outputStride = 16, Device? device = null)
        : base(nameof(ResNet))
    {
        ArgumentNullException.ThrowIfNull(blockCounts);
        if (blockCounts.Count != 4 || blockCounts.Any(c => c < 1))
        {
            throw new ArgumentException("A ResNet has four layers of at least one block each.", nameof(blockCounts));
        }

        if (outputStride is not (8 or 16 or 32))
        {
            throw new ArgumentOutOfRangeException(nameof(outputStride), outputStride, "The output stride must be 8, 16 or 32.");
        }

        Block = block;
        BlockCounts = [.. blockCounts];
        OutputStride = outputStride;
        int expansion = block == ResNetBlockKind.Basic ? BasicBlock.Expansion : Bottleneck.Expansion;
        LowLevelChannels = 64 * expansion;
        HighLevelChannels = 512 * expansion;

        conv1 = Conv2d(3, 64, 7, stride: 2, padding: 3, bias: false);
        bn1 = BatchNorm2d(64);
        long inPlanes = 64;
        long dilation = 1;
        layer1 = MakeLayer(block, ref inPlanes, 64, blockCounts[0], 1, dilate: false, ref dilation);
        layer2 = MakeLayer(block, ref inPlanes, 128, blockCounts[1], 2, dilate: false, ref dilation);
        layer3 = MakeLayer(block, ref inPlanes, 256, blockCounts[2], 2, dilate: outputStride == 8, ref dilation);
        layer4 = MakeLayer(block, ref inPlanes, 512, blockCounts[3], 2, dilate: outputStride <= 16, ref dilation);
        RegisterComponents();
        ModelInit.KaimingConv(conv1);
        ModelInit.UnitNorm(bn1);
        if (device is not null && device.type != DeviceType.CPU)
        {
            this.to(device);
        }
    }

    /// <summary>The residual block kind.</summary>
    public ResNetBlockKind Block { get; }

    /// <summary>Blocks in layer1…layer4.</summary>
    public IReadOnlyList<int> BlockCounts { get; }

    /// <summary>Input size over <c>layer4</c>'s size: 8, 16 or 32.</summary>
    public int OutputStride { get; }

    /// <summary>Channels of the low-level features (<c>layer1</c>): 64, or 256 for bottleneck blocks.</summary>
    public int LowLevelChannels { get; }

    /// <summary>Channels of the high-level features (<c>layer4</c>): 512, or 2048 for bottleneck blocks.</summary>
    public int HighLevelChannels { get; }

    /// <summary>
    /// Weighted layers of the classification network this backbone comes from: 2 or 3 convolutions per block, the stem
    /// and the fc layer (18, 34, 50, 101, 152 for torchvision's layouts; 20 for <see cref="ImageNetResNet18"/>'s).
    /// </summary>
    public int Depth => (BlockCounts.Sum() * (Block == ResNetBlockKind.Basic ? 2 : 3)) + 2;

    /// <summary>
    /// The torchvision layout of <paramref name="depth"/> (18, 34: basic blocks 2-2-2-2, 3-4-6-3; 50, 101, 152:
    /// bottlenecks 3-4-6-3, 3-4-23-3, 3-8-36-3) with <paramref name="outputStride"/>.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="depth"/> is not one of those.</exception>
    public static ResNet Create(int depth, int outputStride = 16, Device? device = null) => depth switch
    {
        18 => new ResNet(ResNetBlockKind.Basic, [2, 2, 2, 2], outputStride, device),
        34 => new ResNet(ResNetBlockKind.Basic, [3, 4, 6, 3], outputStride, device),
        50 => new ResNet(ResNetBlockKind.Bottleneck, [3, 4, 6, 3], outputStride, device),
        101 => new ResNet(ResNetBlockKind.Bottleneck, [3, 4, 23, 3], outputStride, device),
        152 => new ResNet(ResNetBlockKind.Bottleneck, [3, 8, 36, 3], outputStride, device),
        _ => throw new ArgumentOutOfRangeException(nameof(depth), depth, "ResNet depth must be 18, 34, 50, 101 or 152."),
    };

    /// <summary>Low-level (<c>layer1</c>) and high-level (<c>layer4</c>) features of normalized RGB [N,3,H,W].</summary>
    public override BackboneFeatures forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor x = functional.relu(bn1.call(conv1.call(input)));
        x = functional.max_pool2d(x, 3, stride: 2, padding: 1);
        Tensor low = layer1.call(x);
        Tensor high = layer4.call(layer3.call(layer2.call(low)));
        return new BackboneFeatures(low.MoveToOuterDisposeScope(), high.MoveToOuterDisposeScope());
    }

    /// <summary>The shortcut projection: <c>downsample.0</c> (1×1 convolution with <paramref name="stride"/>) and <c>downsample.1</c> (batch norm).</summary>
    internal static Sequential Downsample(long inPlanes, long outPlanes, long stride)
    {
        Conv2d conv = Conv2d(inPlanes, outPlanes, 1, stride: stride, bias: false);
        BatchNorm2d bn = BatchNorm2d(outPlanes);
        ModelInit.KaimingConv(conv);
        ModelInit.UnitNorm(bn);
        return Sequential(("0", conv), ("1", bn));
    }

    private static Sequential MakeLayer(ResNetBlockKind block, ref long inPlanes, long planes, int blocks, long stride, bool dilate, ref long dilation)
    {
        long previousDilation = dilation;
        if (dilate)
        {
            dilation *= stride;
            stride = 1;
        }

        var modules = new List<(string, Module<Tensor, Tensor>)>(blocks);
        for (int i = 0; i < blocks; i++)
        {
            Module<Tensor, Tensor> module = block == ResNetBlockKind.Basic
                ? new BasicBlock(inPlanes, planes, i == 0 ? stride : 1, i == 0 ? previousDilation : dilation)
                : new Bottleneck(inPlanes, planes, i == 0 ? stride : 1, i == 0 ? previousDilation : dilation);
            modules.Add((i.ToString(CultureInfo.InvariantCulture), module));
            inPlanes = planes * (block == ResNetBlockKind.Basic ? BasicBlock.Expansion : Bottleneck.Expansion);
        }

        return Sequential(modules);
    }
}
