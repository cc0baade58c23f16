using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training.Tests.Training;

/// <summary>A parameter-free 3-class "model" whose logits are its normalised RGB input, so its softmax can be worked out by hand.</summary>
internal sealed class ChannelLogits : nn.Module<Tensor, Tensor>
{
    public const string Name = "channels";

    private ChannelLogits()
        : base(Name)
    {
    }

    public static nn.Module<Tensor, Tensor> Create(string name, int classCount, Device device) => name == Name && classCount == 3
        ? new ChannelLogits()
        : throw new ArgumentException($"Unknown model '{name}' with {classCount} classes.", nameof(name));

    public override Tensor forward(Tensor input) => input.clone();
}
