namespace Alc.Training.Tests.Training;

/// <summary>Training and inference tests run one at a time: on 2 cores, libtorch's threads would only contend.</summary>
[CollectionDefinition(Name)]
public sealed class TorchSerial
{
    public const string Name = "Torch training";
}
