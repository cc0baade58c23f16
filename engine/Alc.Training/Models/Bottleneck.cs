using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// The ResNet-50/101 residual block (torchvision's "v1.5": the stride sits on the 3×3 convolution): 1×1 reduce to
/// <c>planes</c>, 3×3 (stride, dilation), 1×1 expand to 4·<c>planes</c>, plus the shortcut. Names: <c>conv1</c>,
/// <c>bn1</c>, <c>conv2</c>, <c>bn2</c>, <c>conv3</c>, <c>bn3</c> and, when the shape changes, <c>downsample.0</c>,
/// <c>downsample.1</c>.
/// </summary>
public sealed class Bottleneck : Module<Tensor, Tensor>
{
    /// <summary>Output channels per <c>planes</c>.</summary>
    public const int Expansion = 4;

    private readonly Conv2d conv1;
    private readonly BatchNorm2d bn1;
    private readonly Conv2d conv2;
    private readonly BatchNorm2d bn2;
    private readonly Conv2d conv3;
    private readonly BatchNorm2d bn3;
    private readonly Sequential? downsample;

    /// <summary>A block from <paramref name="inPlanes"/> to 4·<paramref name="planes"/> channels.</summary>
    /// <param name="inPlanes">Input channels.</param>
    /// <param name="planes">Width of the 3×3 convolution; the output has 4× as many channels.</param>
    /// <param name="stride">Stride of the 3×3 convolution (and of the shortcut).</param>
    /// <param name="dilation">Dilation of the 3×3 convolution (padding equals it).</param>
    public Bottleneck(long inPlanes, long planes, long stride = 1, long dilation = 1)
        : base(nameof(Bottleneck))
    {
        conv1 = Conv2d(inPlanes, planes, 1, bias: false);
        bn1 = BatchNorm2d(planes);
        conv2 = Conv2d(planes, planes, 3, stride: stride, padding: dilation, dilation: dilation, bias: false);
        bn2 = BatchNorm2d(planes);
        conv3 = Conv2d(planes, planes * Expansion, 1, bias: false);
        bn3 = BatchNorm2d(planes * Expansion);
        downsample = stride != 1 || inPlanes != planes * Expansion ? ResNet.Downsample(inPlanes, planes * Expansion, stride) : null;
        RegisterComponents();
        ModelInit.KaimingConv(conv1);
        ModelInit.KaimingConv(conv2);
        ModelInit.KaimingConv(conv3);
        ModelInit.UnitNorm(bn1);
        ModelInit.UnitNorm(bn2);
        ModelInit.UnitNorm(bn3);
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        Tensor x = functional.relu(bn1.call(conv1.call(input)));
        x = functional.relu(bn2.call(conv2.call(x)));
        x = bn3.call(conv3.call(x));
        Tensor identity = downsample is null ? input : downsample.call(input);
        return functional.relu(x + identity).MoveToOuterDisposeScope();
    }
}
