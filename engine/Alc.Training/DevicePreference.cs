namespace Alc.Training;

/// <summary>Which device <see cref="TorchRuntime"/> should put tensors and models on.</summary>
public enum DevicePreference
{
    /// <summary>CUDA when TorchSharp reports it available, else the CPU.</summary>
    Auto,

    /// <summary>The CPU, even where CUDA is available.</summary>
    Cpu,

    /// <summary>CUDA; creating the runtime fails when it is not available.</summary>
    Cuda,
}
