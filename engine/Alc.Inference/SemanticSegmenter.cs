using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// Pseudo labels from a <see cref="ModelRole.Semantic"/> model: the image is pre-processed as declared, the model's logits
/// [1,L,h,w] are upsampled bilinearly to the image (pixel centres aligned, as <c>interpolate(align_corners=False)</c>) and
/// each pixel takes the argmax class (ties: the lowest id). One session per segmenter, on the CPU.
/// </summary>
public sealed class SemanticSegmenter : IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelPreprocessing _preprocessing;
    private readonly string _input;

    /// <summary>Opens <paramref name="model"/>, checked first as a semantic model.</summary>
    /// <exception cref="OnnxModelException">The model does not load or is not a semantic model.</exception>
    public SemanticSegmenter(byte[] model, ModelPreprocessing preprocessing, long maxTensorBytes = 1L << 30)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        Signature = OnnxModelInspector.Inspect(model, ModelRole.Semantic, maxTensorBytes, preprocessing.Width ?? 64);
        _input = Signature.Inputs[0].Name;
        _preprocessing = preprocessing;
        _session = new InferenceSession(model);
    }

    /// <summary>The model's inputs and outputs as the check read them (<see cref="OnnxModelSignature.Classes"/> is L when fixed).</summary>
    public OnnxModelSignature Signature { get; }

    /// <summary>The class id of every pixel of an RGB image (row-major, 3 bytes a pixel).</summary>
    /// <exception cref="OnnxModelException">The model fails on the image, answers a non-finite logit, or answers more than 255 classes.</exception>
    public byte[] Label(byte[] rgb, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (rgb.Length != 3L * width * height)
        {
            throw new ArgumentException($"{rgb.Length} bytes are not a {width}×{height} RGB image.", nameof(rgb));
        }

        int inW = _preprocessing.Width ?? width, inH = _preprocessing.Height ?? height;
        var input = new DenseTensor<float>([1, 3, inH, inW]);
        for (int y = 0; y < inH; y++)
        {
            for (int x = 0; x < inW; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int channel = _preprocessing.Bgr ? 2 - c : c;
                    float value = Sample(rgb, width, height, 3, channel, (x + 0.5f) * width / inW - 0.5f, (y + 0.5f) * height / inH - 0.5f) / 255f;
                    input[0, c, y, x] = (value - _preprocessing.Mean[c]) / _preprocessing.Std[c];
                }
            }
        }

        Tensor<float> logits;
        try
        {
            using var results = _session.Run([NamedOnnxValue.CreateFromTensor(_input, input)]);
            logits = results[0].AsTensor<float>().Clone();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"The model failed on a {width}×{height} image: {ex.Message}", ex);
        }

        int classes = logits.Dimensions[1], h = logits.Dimensions[2], w = logits.Dimensions[3];
        if (classes > 255)
        {
            throw new OnnxModelException($"The model answers {classes} classes; label maps hold at most 255.");
        }

        float[] planar = logits.ToArray();
        if (Array.FindIndex(planar, v => !float.IsFinite(v)) is int bad and >= 0)
        {
            throw new OnnxModelException($"The model answered {planar[bad]} for a logit on a {width}×{height} image; logits must be finite.");
        }

        var labels = new byte[width * height];
        for (int y = 0; y < height; y++)
        {
            float sy = (y + 0.5f) * h / height - 0.5f;
            for (int x = 0; x < width; x++)
            {
                float sx = (x + 0.5f) * w / width - 0.5f;
                int best = 0;
                float bestValue = float.NegativeInfinity;
                for (int k = 0; k < classes; k++)
                {
                    float v = SamplePlane(planar, k * w * h, w, h, sx, sy);
                    if (v > bestValue)
                    {
                        (best, bestValue) = (k, v);
                    }
                }

                labels[(y * width) + x] = (byte)best;
            }
        }

        return labels;
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    // Bilinear sample of channel c of an interleaved byte image at (sx, sy), borders clamped.
    private static float Sample(byte[] pixels, int width, int height, int stride, int c, float sx, float sy)
    {
        (int x0, int x1, float fx) = Axis(sx, width);
        (int y0, int y1, float fy) = Axis(sy, height);
        float top = (pixels[(((y0 * width) + x0) * stride) + c] * (1 - fx)) + (pixels[(((y0 * width) + x1) * stride) + c] * fx);
        float bottom = (pixels[(((y1 * width) + x0) * stride) + c] * (1 - fx)) + (pixels[(((y1 * width) + x1) * stride) + c] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    private static float SamplePlane(float[] plane, int offset, int width, int height, float sx, float sy)
    {
        (int x0, int x1, float fx) = Axis(sx, width);
        (int y0, int y1, float fy) = Axis(sy, height);
        float top = (plane[offset + (y0 * width) + x0] * (1 - fx)) + (plane[offset + (y0 * width) + x1] * fx);
        float bottom = (plane[offset + (y1 * width) + x0] * (1 - fx)) + (plane[offset + (y1 * width) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    private static (int Low, int High, float Fraction) Axis(float s, int size)
    {
        s = Math.Clamp(s, 0, size - 1);
        int low = (int)MathF.Floor(s);
        int high = Math.Min(low + 1, size - 1);
        return (low, high, s - low);
    }
}
