using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// A bias-free convolution, batch normalization and ReLU: the unit of <see cref="FcnSmall"/> and the DeepLabV3+ head.
/// Parameter names: <c>conv.weight</c>; <c>bn.weight</c>, <c>bn.bias</c>, <c>bn.running_mean</c>, <c>bn.running_var</c>,
/// <c>bn.num_batches_tracked</c>.
/// </summary>
public sealed class ConvBnReLU : Module<Tensor, Tensor>
{
    private readonly Conv2d conv;
    private readonly BatchNorm2d bn;

    /// <summary>
    /// A <paramref name="kernelSize"/>×<paramref name="kernelSize"/> convolution with "same" padding for its
    /// <paramref name="dilation"/> (so stride 1 keeps the size and stride 2 gives ⌈size/2⌉).
    /// </summary>
    public ConvBnReLU(long inChannels, long outChannels, long kernelSize = 3, long stride = 1, long dilation = 1)
        : base(nameof(ConvBnReLU))
    {
        conv = Conv2d(inChannels, outChannels, kernelSize, stride: stride, padding: dilation * (kernelSize - 1) / 2,
            dilation: dilation, bias: false);
        bn = BatchNorm2d(outChannels);
        RegisterComponents();
        ModelInit.KaimingConv(conv);
        ModelInit.UnitNorm(bn);
    }

    /// <summary>Output channels.</summary>
    public long OutChannels => bn.num_features;

    /// <inheritdoc/>
    public override Tensor forward(Tensor input) => functional.relu(bn.call(conv.call(input)));
}
