using Microsoft.ML.OnnxRuntime;

namespace Alc.Inference;

/// <summary>
/// Opens inference sessions on the <see cref="InferenceDevice"/> asked for. CUDA needs an ONNX Runtime build with its CUDA
/// execution provider (the <c>Microsoft.ML.OnnxRuntime.Gpu.Linux</c> package of the same version, built for CUDA 13) and a device; the package this
/// engine ships is the CPU one, so <see cref="InferenceDevice.Auto"/> runs on the CPU unless the GPU build is swapped in.
/// </summary>
public static class OnnxSessions
{
    /// <summary>A session for <paramref name="model"/> on <paramref name="device"/>, and whether it runs on CUDA.</summary>
    /// <exception cref="OnnxModelException">CUDA was asked for and is not there; the message says why and what to do.</exception>
    public static (InferenceSession Session, bool Cuda) Open(byte[] model, InferenceDevice device)
    {
        if (device == InferenceDevice.Cpu)
        {
            return (new InferenceSession(model), false);
        }

        // The native session copies its options when it is created, so they are disposed right after.
        using var options = new SessionOptions();
        try
        {
            options.AppendExecutionProvider_CUDA(0);
            return (new InferenceSession(model, options), true);
        }
        catch (Exception ex) when (ex is OnnxRuntimeException or EntryPointNotFoundException or DllNotFoundException)
        {
            if (device == InferenceDevice.Cuda)
            {
                throw new OnnxModelException(
                    "ALC_DEVICE=Cuda asks ONNX Runtime for CUDA, which is not there: " + ex.Message.Trim() + " — run with ONNX Runtime's GPU build " +
                    "(Microsoft.ML.OnnxRuntime.Gpu.Linux, CUDA 13) on a machine with an NVIDIA GPU, or set ALC_DEVICE=Cpu (Auto falls back to the CPU).", ex);
            }

            return (new InferenceSession(model), false);
        }
    }
}
