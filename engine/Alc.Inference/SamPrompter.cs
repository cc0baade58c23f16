using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// Segment-anything prompted with boxes, on its ONNX export: the <see cref="ModelRole.SamEncoder"/> takes the image scaled so
/// its longer side is the encoder's input side (1024 for SAM) and padded to a square (<c>ResizeLongestSide</c>), normalised
/// as declared (SAM's own mean and std are ImageNet's); the <see cref="ModelRole.SamDecoder"/> takes a box as two points
/// labelled 2 and 3 in that frame, no mask input, and the original size, and answers mask logits at that size (logit &gt; 0
/// is inside). A decoder exported with several masks per prompt gives the one with the best predicted IoU.
/// </summary>
public sealed class SamPrompter : IDisposable
{
    // SAM's point labels for a box's top-left and bottom-right corners; and has_mask_input = 0. Read only by ONNX Runtime.
    private static readonly float[] BoxCornerLabels = [2f, 3f];
    private static readonly float[] NoMaskInput = [0f];

    // One foreground point (1) and the padding point (−1) the export expects when no box is given.
    private static readonly float[] PointAndPaddingLabels = [1f, -1f];

    private readonly InferenceSession _encoder, _decoder;
    private readonly ModelPreprocessing _preprocessing;
    private readonly string _encoderInput, _embeddings;
    private readonly int _side;

    /// <summary>Opens the encoder and the decoder, each checked against its role first.</summary>
    /// <exception cref="OnnxModelException">Either does not load or fit its role, or the encoder's input is not a fixed square [1,3,S,S].</exception>
    /// <param name="encoder">The encoder's ONNX file.</param>
    /// <param name="preprocessing">How an image becomes the encoder's input (SAM's own mean and std are ImageNet's).</param>
    /// <param name="decoder">The decoder's ONNX file.</param>
    /// <param name="maxTensorBytes">The largest tensor either may declare with fixed axes.</param>
    /// <param name="device">Where both run.</param>
    public SamPrompter(byte[] encoder, ModelPreprocessing preprocessing, byte[] decoder, long maxTensorBytes = 1L << 30, InferenceDevice device = InferenceDevice.Cpu)
    {
        ArgumentNullException.ThrowIfNull(preprocessing);
        var encoderSignature = OnnxModelInspector.Inspect(encoder, ModelRole.SamEncoder, maxTensorBytes);
        OnnxModelInspector.Inspect(decoder, ModelRole.SamDecoder, maxTensorBytes);
        var input = encoderSignature.Inputs[0];
        if (EncoderSide(encoderSignature) is not int side)
        {
            throw new OnnxModelException(string.Create(CultureInfo.InvariantCulture,
                $"The sam-encoder's '{input.Name}' is {input.ElementType} [{string.Join(", ", input.Dimensions)}]; this engine feeds a float image [1,3,S,S] of a fixed side S (1024 for SAM)."));
        }

        (_encoderInput, _side, _preprocessing) = (input.Name, side, preprocessing);
        _embeddings = encoderSignature.Outputs.First(o => o.Dimensions.Count == 4 && o.ElementType == "float").Name;
        _encoder = OnnxSessions.Open(encoder, device).Session;
        try
        {
            _decoder = OnnxSessions.Open(decoder, device).Session;
        }
        catch
        {
            _encoder.Dispose();
            throw;
        }
    }

    /// <summary>The side S of a checked sam-encoder's input when it is the float image [1,3,S,S] this engine feeds; else null.</summary>
    public static int? EncoderSide(OnnxModelSignature encoder)
    {
        ArgumentNullException.ThrowIfNull(encoder);
        var d = encoder.Inputs[0].Dimensions;
        return encoder.Inputs[0].ElementType == "float" && d.Count == 4 && d[1] == 3 && d[2] > 0 && d[2] == d[3] ? (int)d[2] : null;
    }

    /// <summary>The encoder's input side S.</summary>
    public int Side => _side;

    /// <summary>Runs the encoder once for an image; the result is prompted any number of times.</summary>
    public EncodedImage Encode(byte[] rgb, int width, int height)
    {
        ImageTensors.RequireRgb(rgb, width, height);
        var input = ImageTensors.LongestSide(rgb, width, height, _side, _preprocessing, out float scale);
        try
        {
            using var results = _encoder.Run([NamedOnnxValue.CreateFromTensor(_encoderInput, input)], [_embeddings]);
            return new EncodedImage(results[0].AsTensor<float>().ToDenseTensor(), width, height, scale);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"The sam-encoder failed on a {width}×{height} image: {ex.Message}", ex);
        }
    }

    /// <summary>The mask SAM draws for <paramref name="box"/>: 1 where the chosen mask's logit is above 0, row-major at the image's size.</summary>
    public byte[] MaskForBox(EncodedImage image, Detection box)
    {
        ArgumentNullException.ThrowIfNull(image);
        ArgumentNullException.ThrowIfNull(box);
        float s = image.Scale;
        var (logits, _) = Decode(image, [box.X0 * s, box.Y0 * s, box.X1 * s, box.Y1 * s], BoxCornerLabels);
        return Array.ConvertAll(logits, l => l > 0 ? (byte)1 : (byte)0);
    }

    /// <summary>
    /// SAM's mask logits at the image's size for one foreground point at pixel (<paramref name="x"/>, <paramref name="y"/>), with
    /// its predicted IoU — the prompt automatic mask generation makes (the point, and the padding point the export expects
    /// when no box is given).
    /// </summary>
    public (float[] Logits, float PredictedIou) LogitsForPoint(EncodedImage image, float x, float y)
    {
        ArgumentNullException.ThrowIfNull(image);
        return Decode(image, [x * image.Scale, y * image.Scale, 0, 0], PointAndPaddingLabels);
    }

    // One decoder run: logits of the best-IoU mask, resampled to the image when the export answers another size.
    private (float[] Logits, float PredictedIou) Decode(EncodedImage image, float[] points, float[] pointLabels)
    {
        var coords = new DenseTensor<float>(points, [1, pointLabels.Length, 2]);
        var labels = new DenseTensor<float>(pointLabels, [1, pointLabels.Length]);
        var noMask = new DenseTensor<float>([1, 1, 256, 256]);
        var hasMask = new DenseTensor<float>(NoMaskInput, [1]);
        var size = new DenseTensor<float>(new float[] { image.Height, image.Width }, [2]);
        float[] masks, iou;
        int[] shape;
        try
        {
            using var results = _decoder.Run(
            [
                NamedOnnxValue.CreateFromTensor("image_embeddings", image.Embeddings),
                NamedOnnxValue.CreateFromTensor("point_coords", coords),
                NamedOnnxValue.CreateFromTensor("point_labels", labels),
                NamedOnnxValue.CreateFromTensor("mask_input", noMask),
                NamedOnnxValue.CreateFromTensor("has_mask_input", hasMask),
                NamedOnnxValue.CreateFromTensor("orig_im_size", size),
            ], ["masks", "iou_predictions"]);
            var tensor = results.First(r => r.Name == "masks").AsTensor<float>();
            shape = tensor.Dimensions.ToArray();
            masks = tensor.ToArray();
            iou = results.First(r => r.Name == "iou_predictions").AsTensor<float>().ToArray();
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"The sam-decoder failed on a prompt of a {image.Width}×{image.Height} image: {ex.Message}", ex);
        }

        if (shape.Length != 4 || shape[0] != 1 || shape[1] < 1 || iou.Length < 1)
        {
            throw new OnnxModelException($"The sam-decoder's masks are [{string.Join(", ", shape)}] with {iou.Length} IoU predictions; [1,K,H,W] and K predictions were expected.");
        }

        int k = shape[1], h = shape[2], w = shape[3];
        int best = 0;
        for (int i = 1; i < Math.Min(k, iou.Length); i++)
        {
            best = iou[i] > iou[best] ? i : best;
        }

        if (h == image.Height && w == image.Width)
        {
            return (masks.AsSpan(best * w * h, w * h).ToArray(), iou[best]);
        }

        var logits = new float[image.Width * image.Height];
        for (int y = 0; y < image.Height; y++)
        {
            float sy = ((y + 0.5f) * h / image.Height) - 0.5f;
            for (int x = 0; x < image.Width; x++)
            {
                logits[(y * image.Width) + x] = ImageTensors.SamplePlane(masks, best * w * h, w, h, ((x + 0.5f) * w / image.Width) - 0.5f, sy);
            }
        }

        return (logits, iou[best]);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _encoder.Dispose();
        _decoder.Dispose();
    }

    /// <summary>An image's SAM embedding with what the decoder needs to map boxes into the encoder's frame.</summary>
    /// <param name="Embeddings">The encoder's output.</param>
    /// <param name="Width">The image's width.</param>
    /// <param name="Height">The image's height.</param>
    /// <param name="Scale">Encoder-frame units per image pixel.</param>
    public sealed record EncodedImage(DenseTensor<float> Embeddings, int Width, int Height, float Scale);
}
