using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp;
using TorchSharp.Modules;
using TorchSharp.Utils;

namespace Alc.Training.Models;

/// <summary>
/// DeepLabV3+ (Chen et al. 2018, "Encoder-Decoder with Atrous Separable Convolution", §3 and Fig. 2) on a
/// <see cref="ResNet"/> backbone. Input normalized RGB [N,3,H,W] (<see cref="ImageNormalization"/>), any H and W;
/// output logits [N,L,H,W].
/// <para>
/// Encoder: the backbone's <c>layer4</c> features (output stride 16 by default) through
/// <see cref="AtrousSpatialPyramidPooling"/> (256 channels). Decoder: the <c>layer1</c> features (stride 4) projected
/// to 48 channels by a 1×1 convolution, concatenated with the ASPP output bilinearly upsampled to their size (4× at
/// output stride 16), two 3×3 convolutions of 256, a 1×1 classifier, and bilinear upsampling to the input size
/// (<c>align_corners = false</c>).
/// </para>
/// <para>
/// Parameter names: <c>backbone.*</c> (torchvision ResNet names, so <c>backbone</c> loads a torchvision
/// <c>state_dict</c>); <c>aspp.branch0</c>…<c>aspp.branch3</c>, <c>aspp.pooling</c>, <c>aspp.project</c>;
/// <c>low_level</c> (1×1 → 48); <c>fuse1</c>, <c>fuse2</c> (3×3 → 256); each of those a <see cref="ConvBnReLU"/>
/// (<c>.conv.weight</c>, <c>.bn.*</c>); <c>classifier.weight</c> [L,256,1,1], <c>classifier.bias</c> [L].
/// </para>
/// </summary>
public sealed class DeepLabV3Plus : Module<Tensor, Tensor>
{
    /// <summary>Channels the low-level features are projected to.</summary>
    public const int LowLevelProjection = 48;

    /// <summary>Channels of the decoder's 3×3 convolutions.</summary>
    public const int DecoderChannels = 256;

    private readonly ResNet backbone;
    private readonly AtrousSpatialPyramidPooling aspp;

    [ComponentName(Name = "low_level")]
    private readonly ConvBnReLU lowLevel;

    private readonly ConvBnReLU fuse1;
    private readonly ConvBnReLU fuse2;
    private readonly Conv2d classifier;

    /// <summary>
    /// A DeepLabV3+ for <paramref name="classCount"/> classes on <paramref name="backbone"/> (which it takes over), ASPP
    /// rates 6/12/18 at output stride 16 and 12/24/36 at 8, initialised from torch's generator, on
    /// <paramref name="device"/> (default CPU).
    /// </summary>
    /// <param name="backbone">The backbone, output stride 8 or 16.</param>
    /// <param name="classCount">Number of classes L.</param>
    /// <param name="dropout">Dropout rate after the ASPP projection; 0 for none.</param>
    /// <param name="device">Where the parameters live; default CPU.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="classCount"/> is less than 1, or the backbone's output stride is 32.</exception>
    public DeepLabV3Plus(ResNet backbone, int classCount, double dropout = 0.1, Device? device = null)
        : base(nameof(DeepLabV3Plus))
    {
        ArgumentNullException.ThrowIfNull(backbone);
        ArgumentOutOfRangeException.ThrowIfLessThan(classCount, 1);
        int[] rates = backbone.OutputStride switch
        {
            16 => [6, 12, 18],
            8 => [12, 24, 36],
            _ => throw new ArgumentOutOfRangeException(nameof(backbone), backbone.OutputStride, "DeepLabV3+ needs a backbone of output stride 8 or 16."),
        };

        ClassCount = classCount;
        this.backbone = backbone;
        aspp = new AtrousSpatialPyramidPooling(backbone.HighLevelChannels, rates, dropout);
        lowLevel = new ConvBnReLU(backbone.LowLevelChannels, LowLevelProjection, 1);
        fuse1 = new ConvBnReLU(AtrousSpatialPyramidPooling.Channels + LowLevelProjection, DecoderChannels, 3);
        fuse2 = new ConvBnReLU(DecoderChannels, DecoderChannels, 3);
        classifier = Conv2d(DecoderChannels, classCount, 1);
        RegisterComponents();
        ModelInit.KaimingConv(classifier);
        if (device is not null && device.type != DeviceType.CPU)
        {
            this.to(device);
        }
    }

    /// <summary>Number of classes L (output channels).</summary>
    public int ClassCount { get; }

    /// <summary>The backbone (<c>backbone.*</c>), e.g. to load pretrained weights into or to give a smaller learning rate.</summary>
    public ResNet Backbone => backbone;

    /// <summary>Logits [N,L,H,W] for normalized RGB [N,3,H,W].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long height = input.shape[2];
        long width = input.shape[3];
        BackboneFeatures features = backbone.call(input);
        Tensor low = lowLevel.call(features.LowLevel);
        Tensor context = functional.interpolate(aspp.call(features.HighLevel), [low.shape[2], low.shape[3]],
            mode: InterpolationMode.Bilinear, align_corners: false);
        Tensor x = fuse2.call(fuse1.call(cat([context, low], 1)));
        Tensor logits = functional.interpolate(classifier.call(x), [height, width], mode: InterpolationMode.Bilinear, align_corners: false);
        return logits.MoveToOuterDisposeScope();
    }
}
