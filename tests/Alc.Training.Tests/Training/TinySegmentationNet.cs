using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training.Tests.Training;

/// <summary>
/// The tests' model: conv3×3(3→8) · ReLU · conv3×3(8→8) · ReLU · conv1×1(8→L), padding keeps the input resolution
/// (808 + 9·L parameters: small enough to train in well under a second on 2 cores).
/// </summary>
internal sealed class TinySegmentationNet : nn.Module<Tensor, Tensor>
{
    /// <summary>The name <see cref="Create"/> answers to.</summary>
    public const string Name = "tiny";

    private readonly nn.Module<Tensor, Tensor> _conv1;
    private readonly nn.Module<Tensor, Tensor> _conv2;
    private readonly nn.Module<Tensor, Tensor> _head;

    private TinySegmentationNet(int classCount, Device device)
        : base(Name)
    {
        _conv1 = nn.Conv2d(3, 8, 3, padding: 1);
        _conv2 = nn.Conv2d(8, 8, 3, padding: 1);
        _head = nn.Conv2d(8, classCount, 1);
        RegisterComponents();
        this.to(device);
    }

    /// <summary>The model factory seam: only <see cref="Name"/> is known.</summary>
    public static nn.Module<Tensor, Tensor> Create(string name, int classCount, Device device) => name == Name
        ? new TinySegmentationNet(classCount, device)
        : throw new ArgumentException($"Unknown model '{name}'.", nameof(name));

    public override Tensor forward(Tensor input)
    {
        using Tensor a = _conv1.forward(input);
        using Tensor b = nn.functional.relu(a);
        using Tensor c = _conv2.forward(b);
        using Tensor d = nn.functional.relu(c);
        return _head.forward(d);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _conv1.Dispose();
            _conv2.Dispose();
            _head.Dispose();
        }

        base.Dispose(disposing);
    }
}
