using Alc.Training;

namespace Alc.Campaigns.Tests.Rounds;

/// <summary>A model whose softmax output for each image is given up front (keyed by the image's RGB array).</summary>
internal sealed class FixedPredictor(int classCount, Func<SegmentationSample, float[]> output) : ISegmentationPredictor
{
    public int ClassCount { get; } = classCount;

    public int Calls { get; private set; }

    public IEnumerable<float[]> PredictProbabilities(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken = default)
    {
        foreach (var image in images)
        {
            Calls++;
            yield return output(image);
        }
    }

    public void Save(string path) => throw new NotSupportedException("A fixed predictor has no weights.");

    public void Dispose()
    {
    }
}
