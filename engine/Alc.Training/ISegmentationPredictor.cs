namespace Alc.Training;

/// <summary>A trained segmentation model that gives softmax outputs f(x).</summary>
public interface ISegmentationPredictor : IDisposable
{
    /// <summary>Number of classes L.</summary>
    int ClassCount { get; }

    /// <summary>
    /// Softmax probabilities for each image, pixel-major (L values per pixel, Width·Height·L floats), in input
    /// order. Runs in batches and yields image by image, so a whole split's probabilities are never in memory at once.
    /// </summary>
    IEnumerable<float[]> PredictProbabilities(IEnumerable<SegmentationSample> images, CancellationToken cancellationToken = default);

    /// <summary>Saves the weights to <paramref name="path"/>.</summary>
    void Save(string path);
}
