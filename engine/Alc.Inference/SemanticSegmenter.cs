using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// Pseudo labels from a <see cref="ModelRole.Semantic"/> model: the image is pre-processed as declared, the model's logits
/// [1,L,h,w] are upsampled bilinearly to the image (pixel centres aligned, as <c>interpolate(align_corners=False)</c>) and
/// each pixel takes the argmax class (ties: the lowest id); a one-channel (binary) model's pixel is class 1 where its
/// upsampled output exceeds the declared <see cref="ModelPreprocessing.BinaryThreshold"/>. One session per segmenter, for its lifetime.
/// </summary>
public sealed class SemanticSegmenter : IDisposable
{
    private readonly InferenceSession _session;
    private readonly ModelPreprocessing _preprocessing;
    private readonly string _input;

    /// <summary>Opens <paramref name="model"/>, checked first as a semantic model.</summary>
    /// <exception cref="OnnxModelException">The model does not load or is not a semantic model.</exception>
    /// <param name="model">The ONNX file's bytes.</param>
    /// <param name="preprocessing">How an image becomes the input.</param>
    /// <param name="maxTensorBytes">The largest tensor the model may declare with fixed axes.</param>
    /// <param name="device">Where the model runs.</param>
    public SemanticSegmenter(byte[] model, ModelPreprocessing preprocessing, long maxTensorBytes = 1L << 30, InferenceDevice device = InferenceDevice.Cpu)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        Signature = OnnxModelInspector.Inspect(model, ModelRole.Semantic, maxTensorBytes, preprocessing.Width ?? 64);
        _input = Signature.Inputs[0].Name;
        _preprocessing = preprocessing;
        if (Signature.Classes == 1 && preprocessing.BinaryThreshold is null)
        {
            throw new OnnxModelException($"'{Signature.Outputs[0].Name}' has one channel, so the model is binary: declare the binary threshold above which a pixel is class 1 (0.5 for a probability map, 0 for a logit).");
        }

        (_session, OnCuda) = OnnxSessions.Open(model, device);
    }

    /// <summary>Whether the model runs on CUDA.</summary>
    public bool OnCuda { get; }

    /// <summary>The model's inputs and outputs as the check read them (<see cref="OnnxModelSignature.Classes"/> is L when fixed).</summary>
    public OnnxModelSignature Signature { get; }

    /// <summary>The class id of every pixel of an RGB image (row-major, 3 bytes a pixel).</summary>
    /// <exception cref="OnnxModelException">The model fails on the image, answers a non-finite logit, or answers more than 255 classes.</exception>
    public byte[] Label(byte[] rgb, int width, int height)
    {
        ImageTensors.RequireRgb(rgb, width, height);
        var input = ImageTensors.Resized(rgb, width, height, _preprocessing.Width ?? width, _preprocessing.Height ?? height, _preprocessing);

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
        if (classes == 1 && _preprocessing.BinaryThreshold is null)
        {
            throw new OnnxModelException("The model answered one channel (a binary model) and no binary threshold is declared.");
        }

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
                if (classes == 1)
                {
                    labels[(y * width) + x] = ImageTensors.SamplePlane(planar, 0, w, h, sx, sy) > _preprocessing.BinaryThreshold ? (byte)1 : (byte)0;
                    continue;
                }

                int best = 0;
                float bestValue = float.NegativeInfinity;
                for (int k = 0; k < classes; k++)
                {
                    float v = ImageTensors.SamplePlane(planar, k * w * h, w, h, sx, sy);
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
}
