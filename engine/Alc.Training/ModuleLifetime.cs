using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training;

/// <summary>Creation and release of model modules, so that neither leaves tensors behind.</summary>
internal static class ModuleLifetime
{
    /// <summary>Serialises seeding libtorch's global generator with the initialisation that draws from it.</summary>
    private static readonly Lock SeedLock = new();

    /// <summary>
    /// Creates a model through <paramref name="factory"/> with libtorch's generator seeded by <paramref name="seed"/>,
    /// so equal seeds give equal initial weights (on the CPU). The factory's temporaries are disposed; the module's
    /// parameters and buffers are kept.
    /// </summary>
    /// <exception cref="InvalidOperationException">The factory returned null.</exception>
    public static nn.Module<Tensor, Tensor> Create(
        Func<string, int, Device, nn.Module<Tensor, Tensor>> factory, string name, int classCount, Device device, long seed)
    {
        using var scope = NewDisposeScope();
        nn.Module<Tensor, Tensor> module;
        lock (SeedLock)
        {
            random.manual_seed(seed);
            if (device.type == DeviceType.CUDA)
            {
                cuda.manual_seed_all(seed);
            }

            module = factory(name, classCount, device)
                ?? throw new InvalidOperationException($"The model factory returned no module for '{name}'.");
        }

        foreach (Tensor kept in module.state_dict().Values)
        {
            if (scope.Contains(kept))
            {
                scope.Detach(kept);
            }
        }

        return module;
    }

    /// <summary>Copies every parameter and buffer of <paramref name="source"/> into <paramref name="target"/> (any devices).</summary>
    /// <exception cref="InvalidOperationException">The two modules do not have the same state names and shapes.</exception>
    public static void CopyState(nn.Module<Tensor, Tensor> source, nn.Module<Tensor, Tensor> target)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        Dictionary<string, Tensor> from = source.state_dict();
        Dictionary<string, Tensor> to = target.state_dict();
        if (from.Count != to.Count)
        {
            throw new InvalidOperationException($"The initial model has {from.Count} state tensors, the new one {to.Count}: they are not the same architecture.");
        }

        foreach ((string name, Tensor destination) in to)
        {
            if (!from.TryGetValue(name, out Tensor? value) || !value.shape.SequenceEqual(destination.shape))
            {
                throw new InvalidOperationException($"The initial model has no state '{name}' of shape [{string.Join(", ", destination.shape)}]: they are not the same architecture.");
            }

            destination.copy_(value);
        }
    }

    /// <summary>Disposes the module's parameters and buffers and then the module (a module's Dispose alone may leave them).</summary>
    public static void Dispose(nn.Module<Tensor, Tensor> module)
    {
        foreach (Tensor tensor in module.state_dict().Values)
        {
            tensor.Dispose();
        }

        module.Dispose();
    }
}
