using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// The ResNet-18/34 residual block: relu(bn2(conv2(relu(bn1(conv1(x))))) + shortcut(x)), with torchvision's names
/// <c>conv1</c>, <c>bn1</c>, <c>conv2</c>, <c>bn2</c> and, when the shape changes, <c>downsample.0</c> (1×1 conv) and
/// <c>downsample.1</c> (batch norm). Unlike torchvision's it accepts a dilation (used by both 3×3 convolutions), which
/// changes no parameter shape.
/// </summary>
public sealed class BasicBlock : Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 1;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Sequential? downsample;

    /// <summary>A block from <paramref name="inPlanes"/> to <paramref name="planes"/> channels.</summary>
    /// <param name="inPlanes">Input channels.</param>
    /// <param name="planes">Output channels.</param>
    /// <param name="stride">Stride of the first convolution (and of the shortcut).</param>
    /// <param name="dilation">Dilation of both 3×3 convolutions (padding equals it).</param>
    public BasicBlock(long inPlanes, long planes, long stride = 1, long dilation = 1)
        : base(nameof(BasicBlock))
    {
        conv1 = Conv2d(inPlanes, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn1 = BatchNorm2d(planes);
        conv2 = Conv2d(planes, planes, 3, padding: dilation, dilation: dilation, bias: false);
        bn2 = BatchNorm2d(planes);
        downsample = stride != 1 || inPlanes != planes * Expansion ? ResNet.Downsample(inPlanes, planes * Expansion, stride) : null;
        RegisterComponents();
        ModelInit.KaimingConv(conv1);
        ModelInit.KaimingConv(conv2);
        ModelInit.UnitNorm(bn1);
        ModelInit.UnitNorm(bn2);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor x = functional.relu(bn1.call(conv1.call(input)));
        x = bn2.call(conv2.call(x));
        Tensor identity = downsample is null ? input : downsample.call(input);
        return functional.relu(x + identity).MoveToOuterDisposeScope();
    }
}
