namespace Alc.Training.Tests.Models;

/// <summary>
/// Tests that seed or draw from torch's global generator (<c>torch.manual_seed</c>, model initialisation, <c>randn</c>)
/// run one at a time: xunit runs test classes in parallel, and a draw in one class would shift another's sequence.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SerialTorchRandom
{
    /// <summary>The collection's name.</summary>
    public const string Name = "torch global generator";
}
