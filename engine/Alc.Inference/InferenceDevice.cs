namespace Alc.Inference;

/// <summary>Where ONNX Runtime runs a model (the engine's <c>ALC_DEVICE</c> setting).</summary>
public enum InferenceDevice
{
    /// <summary>CUDA when this ONNX Runtime build has its CUDA execution provider and a device answers; else the CPU.</summary>
    Auto,

    /// <summary>The CPU.</summary>
    Cpu,

    /// <summary>CUDA; opening a model fails with a message saying why when CUDA is not there.</summary>
    Cuda,
}
