using TorchSharp;

namespace Alc.Training.Tests.Training;

/// <summary>Tensors created and not yet disposed on this thread (TorchSharp's per-thread lifetime statistics).</summary>
internal static class LiveTensors
{
    public static long Count => DisposeScopeManager.Statistics.ThreadTotalLiveCount;
}
