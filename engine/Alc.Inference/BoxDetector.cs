using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// Boxes from a <see cref="ModelRole.Detector"/> model (Grounding DINO or any detector exported to this contract): one image
/// input [1,3,H,W], pre-processed as declared; an output of boxes [N,4] or [1,N,4] as x0, y0, x1, y1 normalised to 0..1 of
/// the image; an output of class scores [N,C] or [1,N,C] in 0..1, where column k is dataset class k + 1. Each box takes its
/// best-scoring class, and only boxes whose best score reaches the threshold are kept (the paper's box threshold is 0.2).
/// </summary>
public sealed class BoxDetector : IDisposable
{
    /// <summary>The box threshold of the paper's Grounded-SAM pseudo labels.</summary>
    public const float DefaultBoxThreshold = 0.2f;

    private readonly InferenceSession _session;
    private readonly ModelPreprocessing _preprocessing;
    private readonly string _input, _boxes, _scores;

    /// <summary>Opens <paramref name="model"/>, checked first as a detector for a dataset of <paramref name="classCount"/> classes.</summary>
    /// <param name="model">The ONNX file's bytes.</param>
    /// <param name="preprocessing">How an image becomes the input.</param>
    /// <param name="classCount">The dataset's classes, background included; null: one more than the score axis, which must then be fixed.</param>
    /// <param name="maxTensorBytes">The largest tensor the model may declare with fixed axes.</param>
    /// <param name="device">Where the model runs.</param>
    /// <exception cref="OnnxModelException">The model does not load, is not a detector, or its score axis is not <paramref name="classCount"/> − 1.</exception>
    public BoxDetector(byte[] model, ModelPreprocessing preprocessing, int? classCount, long maxTensorBytes = 1L << 30, InferenceDevice device = InferenceDevice.Cpu)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        var signature = OnnxModelInspector.Inspect(model, ModelRole.Detector, maxTensorBytes);
        _input = signature.Inputs[0].Name;
        var (boxes, found) = Outputs(signature);
        var scores = found
            ?? throw new OnnxModelException($"A detector model must output class scores as floats beside '{boxes.Name}'; it has none.");
        long columns = scores.Dimensions[^1];
        if (classCount is int count && columns > 0 && columns != count - 1)
        {
            throw new OnnxModelException(string.Create(CultureInfo.InvariantCulture,
                $"'{scores.Name}' scores {columns} classes; a dataset of {count} classes needs {count - 1} (every class but background, 0)."));
        }

        ClassCount = classCount ?? (columns > 0 ? (int)columns + 1
            : throw new OnnxModelException($"'{scores.Name}' leaves its class axis free; name the dataset's classes so the engine knows how many it scores."));
        (_boxes, _scores, _preprocessing) = (boxes.Name, scores.Name, preprocessing);
        _session = OnnxSessions.Open(model, device).Session;
    }

    /// <summary>Which outputs of a checked detector's signature are its boxes (last axis 4) and its scores (the other float output, or null).</summary>
    public static (OnnxTensorInfo Boxes, OnnxTensorInfo? Scores) Outputs(OnnxModelSignature signature)
    {
        ArgumentNullException.ThrowIfNull(signature);
        var boxes = signature.Outputs.First(o => o.Dimensions.Count >= 2 && o.Dimensions[^1] == 4);
        return (boxes, signature.Outputs.FirstOrDefault(o => o.Name != boxes.Name && o.ElementType == "float"));
    }

    /// <summary>The dataset's classes the detector labels with, background (0) included.</summary>
    public int ClassCount { get; }

    /// <summary>The boxes whose best class score is at least <paramref name="threshold"/>, in image pixels, in the model's order.</summary>
    /// <exception cref="OnnxModelException">The model fails, or answers boxes and scores that do not pair up or are not finite.</exception>
    public IReadOnlyList<Detection> Detect(byte[] rgb, int width, int height, float threshold = DefaultBoxThreshold)
    {
        ImageTensors.RequireRgb(rgb, width, height);
        var input = ImageTensors.Resized(rgb, width, height, _preprocessing.Width ?? width, _preprocessing.Height ?? height, _preprocessing);
        float[] boxes, scores;
        try
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, input)], [_boxes, _scores]);
            boxes = results.First(r => r.Name == _boxes).AsTensor<float>().ToArray();
            scores = results.First(r => r.Name == _scores).AsTensor<float>().ToArray();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"The detector failed on a {width}×{height} image: {ex.Message}", ex);
        }

        int n = boxes.Length / 4, columns = ClassCount - 1;
        if (boxes.Length % 4 != 0 || scores.Length != n * columns)
        {
            throw new OnnxModelException($"The detector answered {boxes.Length} box values and {scores.Length} scores; {n} boxes need {n * columns} scores ({columns} classes).");
        }

        var found = new List<Detection>();
        for (int i = 0; i < n; i++)
        {
            var row = scores.AsSpan(i * columns, columns);
            var box = boxes.AsSpan(i * 4, 4);
            int best = 0;
            for (int k = 0; k < columns; k++)
            {
                best = row[k] > row[best] ? k : best;
            }

            if (!AllFinite(row) || !AllFinite(box))
            {
                throw new OnnxModelException($"The detector answered a non-finite box or score for box {i}.");
            }

            float x0 = Math.Clamp(box[0], 0, 1) * width, y0 = Math.Clamp(box[1], 0, 1) * height;
            float x1 = Math.Clamp(box[2], 0, 1) * width, y1 = Math.Clamp(box[3], 0, 1) * height;
            if (row[best] >= threshold && x1 > x0 && y1 > y0)
            {
                found.Add(new Detection(x0, y0, x1, y1, best + 1, row[best]));
            }
        }

        return found;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private static bool AllFinite(ReadOnlySpan<float> values)
    {
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }
}
