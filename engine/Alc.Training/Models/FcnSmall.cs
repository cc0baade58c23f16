using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp;
using TorchSharp.Modules;

namespace Alc.Training.Models;

/// <summary>
/// <c>fcn-small</c>: a small fully-convolutional network, the CPU default. Five <see cref="ConvBnReLU"/> blocks (two
/// stride-2 downsamplings to 1/4 resolution, then dilations 2, 4 and 8 for context), a 1×1 classifier, and bilinear
/// upsampling of the logits back to the input size. Input [N,3,H,W] normalized RGB (<see cref="ImageNormalization"/>),
/// any H and W; output logits [N,L,H,W].
/// <para>
/// Layout and parameter names (332,640 convolution weights, 896 batch-norm weights, 129·L classifier weights;
/// 334,568 parameters for L = 8):
/// <c>block1</c> 3→32 stride 2; <c>block2</c> 32→64 stride 2; <c>block3</c> 64→96 dilation 2; <c>block4</c> 96→128
/// dilation 4; <c>block5</c> 128→128 dilation 8 (each <c>blockN.conv.weight</c>, <c>blockN.bn.*</c>);
/// <c>classifier.weight</c> [L,128,1,1], <c>classifier.bias</c> [L].
/// </para>
/// </summary>
public sealed class FcnSmall : Module<Tensor, Tensor>
{
    /// <summary>Channels of the last block, the classifier's input.</summary>
    public const int FeatureChannels = 128;

    private readonly ConvBnReLU block1;
    private readonly ConvBnReLU block2;
    private readonly ConvBnReLU block3;
    private readonly ConvBnReLU block4;
    private readonly ConvBnReLU block5;
    private readonly Conv2d classifier;

    /// <summary>A new network for <paramref name="classCount"/> classes, initialised from torch's generator (see <c>torch.manual_seed</c>), on <paramref name="device"/> (default CPU).</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1.</exception>
    public FcnSmall(int classCount, Device? device = null)
        : base(nameof(FcnSmall))
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        ClassCount = classCount;
        block1 = new ConvBnReLU(3, 32, stride: 2);
        block2 = new ConvBnReLU(32, 64, stride: 2);
        block3 = new ConvBnReLU(64, 96, dilation: 2);
        block4 = new ConvBnReLU(96, 128, dilation: 4);
        block5 = new ConvBnReLU(128, FeatureChannels, dilation: 8);
        classifier = Conv2d(FeatureChannels, classCount, 1);
        RegisterComponents();
        if (device is not null && device.type != DeviceType.CPU)
        {
            this.to(device);
        }
    }

    /// <summary>Number of classes L (output channels).</summary>
    public int ClassCount { get; }

    /// <summary>Logits [N,L,H,W] for normalized RGB [N,3,H,W].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long height = input.shape[2];
        long width = input.shape[3];
        Tensor x = block5.call(block4.call(block3.call(block2.call(block1.call(input)))));
        Tensor logits = functional.interpolate(classifier.call(x), [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return logits.MoveToOuterDisposeScope();
    }
}
