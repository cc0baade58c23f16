using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// RGB images to model input tensors [1,3,H,W] as a model's <see cref="ModelPreprocessing"/> declares (channel order, mean and
/// std on values scaled to 0..1), resampled bilinearly with pixel centres aligned (<c>interpolate(align_corners=False)</c>).
/// </summary>
internal static class ImageTensors
{
    /// <summary>The image resized to <paramref name="inW"/>×<paramref name="inH"/> (either aspect).</summary>
    public static DenseTensor<float> Resized(byte[] rgb, int width, int height, int inW, int inH, ModelPreprocessing preprocessing) =>
        Fill(new DenseTensor<float>([1, 3, inH, inW]), rgb, width, height, inW, inH, preprocessing);

    /// <summary>
    /// The image scaled so its longer side is <paramref name="side"/> (aspect kept) into the top-left of a
    /// <paramref name="side"/>² tensor whose rest is 0 after normalisation — segment-anything's <c>ResizeLongestSide</c> and
    /// padding. <paramref name="scale"/> maps image coordinates into the tensor's.
    /// </summary>
    public static DenseTensor<float> LongestSide(byte[] rgb, int width, int height, int side, ModelPreprocessing preprocessing, out float scale)
    {
        scale = side / (float)Math.Max(width, height);
        int inW = Math.Max(1, (int)MathF.Round(width * scale)), inH = Math.Max(1, (int)MathF.Round(height * scale));
        return Fill(new DenseTensor<float>([1, 3, side, side]), rgb, width, height, inW, inH, preprocessing);
    }

    /// <summary>Bilinear sample of channel <paramref name="c"/> of an interleaved byte image at (sx, sy), borders clamped.</summary>
    public static float Sample(byte[] pixels, int width, int height, int stride, int c, float sx, float sy)
    {
        (int x0, int x1, float fx) = Axis(sx, width);
        (int y0, int y1, float fy) = Axis(sy, height);
        float top = (pixels[(((y0 * width) + x0) * stride) + c] * (1 - fx)) + (pixels[(((y0 * width) + x1) * stride) + c] * fx);
        float bottom = (pixels[(((y1 * width) + x0) * stride) + c] * (1 - fx)) + (pixels[(((y1 * width) + x1) * stride) + c] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    /// <summary>Bilinear sample of a float plane (at <paramref name="offset"/> in <paramref name="plane"/>) at (sx, sy), borders clamped.</summary>
    public static float SamplePlane(float[] plane, int offset, int width, int height, float sx, float sy)
    {
        (int x0, int x1, float fx) = Axis(sx, width);
        (int y0, int y1, float fy) = Axis(sy, height);
        float top = (plane[offset + (y0 * width) + x0] * (1 - fx)) + (plane[offset + (y0 * width) + x1] * fx);
        float bottom = (plane[offset + (y1 * width) + x0] * (1 - fx)) + (plane[offset + (y1 * width) + x1] * fx);
        return (top * (1 - fy)) + (bottom * fy);
    }

    /// <summary>Throws unless <paramref name="rgb"/> holds a <paramref name="width"/>×<paramref name="height"/> RGB image.</summary>
    public static void RequireRgb(byte[] rgb, int width, int height)
    {
        ArgumentNullException.ThrowIfNull(rgb);
        if (width < 1 || height < 1 || rgb.Length != 3L * width * height)
        {
            throw new ArgumentException($"{rgb.Length} bytes are not a {width}×{height} RGB image.", nameof(rgb));
        }
    }

    // Writes the image resized to inW×inH into the tensor's top-left corner; the rest stays 0.
    private static DenseTensor<float> Fill(DenseTensor<float> tensor, byte[] rgb, int width, int height, int inW, int inH, ModelPreprocessing preprocessing)
    {
        for (int y = 0; y < inH; y++)
        {
            for (int x = 0; x < inW; x++)
            {
                for (int c = 0; c < 3; c++)
                {
                    int channel = preprocessing.Bgr ? 2 - c : c;
                    float value = Sample(rgb, width, height, 3, channel, ((x + 0.5f) * width / inW) - 0.5f, ((y + 0.5f) * height / inH) - 0.5f) / 255f;
                    tensor[0, c, y, x] = (value - preprocessing.Mean[c]) / preprocessing.Std[c];
                }
            }
        }

        return tensor;
    }

    private static (int Low, int High, float Fraction) Axis(float s, int size)
    {
        s = Math.Clamp(s, 0, size - 1);
        int low = (int)MathF.Floor(s);
        int high = Math.Min(low + 1, size - 1);
        return (low, high, s - low);
    }
}
