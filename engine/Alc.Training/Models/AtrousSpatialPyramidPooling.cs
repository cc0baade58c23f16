using static TorchSharp.torch;
using static TorchSharp.torch.nn;
using TorchSharp.Modules;
using TorchSharp.Utils;

namespace Alc.Training.Models;

/// <summary>
/// Atrous spatial pyramid pooling (Chen et al. 2017, DeepLabV3 §3.3): five parallel branches over the backbone's
/// high-level features, concatenated and projected to <see cref="Channels"/> channels, each a <see cref="ConvBnReLU"/>.
/// Names: <c>branch0</c> 1×1; <c>branch1</c>, <c>branch2</c>, <c>branch3</c> 3×3 with dilation rates r₁, r₂, r₃ (6, 12, 18
/// at output stride 16; 12, 24, 36 at 8); <c>pooling</c>: image-level global average → 1×1 → broadcast back;
/// <c>project</c>: 1×1 from 5·256 to 256, then dropout (no parameters) when its rate is above 0.
/// <para>
/// The pooling branch normalizes a 1×1 map, so in training mode a batch must hold at least 2 images (batch norm needs
/// more than one value per channel).
/// </para>
/// </summary>
public sealed class AtrousSpatialPyramidPooling : Module<Tensor, Tensor>
{
    /// <summary>Channels of every branch and of the output.</summary>
    public const int Channels = 256;

    private readonly ConvBnReLU branch0;
    private readonly ConvBnReLU branch1;
    private readonly ConvBnReLU branch2;
    private readonly ConvBnReLU branch3;
    private readonly ConvBnReLU pooling;
    private readonly ConvBnReLU project;

    [ComponentName(Name = "dropout")]
    private readonly Dropout? dropoutLayer;

    /// <summary>ASPP over <paramref name="inChannels"/> channels with the three atrous <paramref name="rates"/>.</summary>
    /// <param name="inChannels">Channels of the backbone's high-level features.</param>
    /// <param name="rates">Dilation rates of the three 3×3 branches.</param>
    /// <param name="dropout">Dropout rate after the projection; 0 for none.</param>
    /// <exception cref="ArgumentException"><paramref name="rates"/> is not three positive numbers.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="dropout"/> is outside [0, 1).</exception>
    public AtrousSpatialPyramidPooling(long inChannels, IReadOnlyList<int> rates, double dropout = 0.1)
        : base(nameof(AtrousSpatialPyramidPooling))
    {
        ArgumentNullException.ThrowIfNull(rates);
        if (rates.Count != 3 || rates.Any(r => r < 1))
        {
            throw new ArgumentException("ASPP needs three positive dilation rates.", nameof(rates));
        }

        if (dropout is < 0 or >= 1 || double.IsNaN(dropout))
        {
            throw new ArgumentOutOfRangeException(nameof(dropout), dropout, "The dropout rate must be in [0, 1).");
        }

        Rates = [.. rates];
        branch0 = new ConvBnReLU(inChannels, Channels, 1);
        branch1 = new ConvBnReLU(inChannels, Channels, 3, dilation: rates[0]);
        branch2 = new ConvBnReLU(inChannels, Channels, 3, dilation: rates[1]);
        branch3 = new ConvBnReLU(inChannels, Channels, 3, dilation: rates[2]);
        pooling = new ConvBnReLU(inChannels, Channels, 1);
        project = new ConvBnReLU(5 * Channels, Channels, 1);
        dropoutLayer = dropout > 0 ? Dropout(dropout) : null;
        RegisterComponents();
    }

    /// <summary>The dilation rates of the three atrous branches.</summary>
    public IReadOnlyList<int> Rates { get; }

    /// <summary>[N,256,h,w] for high-level features [N,C,h,w].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        long height = input.shape[2];
        long width = input.shape[3];
        Tensor pooled = pooling.call(functional.adaptive_avg_pool2d(input, 1)).expand(-1, -1, height, width);
        Tensor x = project.call(cat([branch0.call(input), branch1.call(input), branch2.call(input), branch3.call(input), pooled], 1));
        if (dropoutLayer is not null)
        {
            x = dropoutLayer.call(x);
        }

        return x.MoveToOuterDisposeScope();
    }
}
