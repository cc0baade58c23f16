namespace Alc.Training.Tests.Training;

/// <summary>A predictor that is not a TorchSharp model.</summary>
internal sealed class FixedPredictor : ISegmentationPredictor
{
    public int ClassCount => 2;

    public IEnumerable<float[]> PredictProbabilities(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken = default) =>
        images.Select(i => new float[i.Width * i.Height * 2]);

    public void Save(string path) => throw new NotSupportedException();

    public void Dispose()
    {
    }
}
