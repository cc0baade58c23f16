namespace Alc.Training.Tests.Training;

/// <summary>An <see cref="IProgress{T}"/> that runs its handler on the reporting thread (Progress&lt;T&gt; posts it elsewhere).</summary>
internal sealed class SyncProgress(Action<TrainingProgress> handler) : IProgress<TrainingProgress>
{
    public void Report(TrainingProgress value) => handler(value);
}
