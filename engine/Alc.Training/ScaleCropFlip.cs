using Alc.Core.Numerics;
using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training;

/// <summary>
/// The training augmentation of paper App. D on the device, for a whole batch at once: random rescale in
/// [scaleMin, scaleMax] (bilinear for the image, nearest for the labels), random crop of cropSize × cropSize
/// (padded with 0 after normalisation — the mean colour — and with ignore labels where the rescaled image is
/// smaller), and random horizontal flip. The three steps are one resampling grid per sample, so only the crop's
/// pixels are ever computed (never the rescaled image) and one <c>grid_sample</c> serves the batch.
/// </summary>
internal sealed class ScaleCropFlip
{
    private readonly int _cropSize;
    private readonly double _scaleMin;
    private readonly double _scaleMax;
    private readonly bool _flip;

    /// <summary>An augmentation producing <paramref name="cropSize"/>² crops.</summary>
    public ScaleCropFlip(int cropSize, double scaleMin, double scaleMax, bool flip)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(cropSize);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(scaleMin);
        ArgumentOutOfRangeException.ThrowIfLessThan(scaleMax, scaleMin);
        _cropSize = cropSize;
        _scaleMin = scaleMin;
        _scaleMax = scaleMax;
        _flip = flip;
    }

    /// <summary>Side of the square crops.</summary>
    public int CropSize => _cropSize;

    /// <summary>
    /// Draws one sample's window: scale uniform in [scaleMin, scaleMax], a crop position uniform over the positions
    /// that keep the crop inside the rescaled image (0 on an axis where it is smaller than the crop: padding goes
    /// right and bottom), and a fair coin for the flip. Always draws four numbers, so the stream stays aligned.
    /// </summary>
    public CropWindow Sample(int width, int height, SeededRandom random)
    {
        double scale = random.Uniform(_scaleMin, _scaleMax);
        var window = new CropWindow(scale, 0, 0, false);
        int left = random.Next(Math.Max(0, window.Scaled(width) - _cropSize) + 1);
        int top = random.Next(Math.Max(0, window.Scaled(height) - _cropSize) + 1);
        bool flip = random.Chance(0.5) && _flip;
        return window with { Left = left, Top = top, Flip = flip };
    }

    /// <summary>
    /// Applies <paramref name="windows"/> (one per sample) to a batch of one image size.
    /// </summary>
    /// <param name="rgb">Float RGB in [0, 255], [N, 3, H, W].</param>
    /// <param name="labels">Float class ids, [N, 1, H, W].</param>
    /// <param name="windows">One window per sample.</param>
    /// <returns>Normalised images [N, 3, C, C] and int64 labels [N, C, C] (255 on padding).</returns>
    public (Tensor Images, Tensor Labels) Apply(Tensor rgb, Tensor labels, ReadOnlySpan<CropWindow> windows)
    {
        int n = (int)rgb.shape[0];
        int height = (int)rgb.shape[2];
        int width = (int)rgb.shape[3];
        if (windows.Length != n || labels.shape[0] != n)
        {
            throw new ArgumentException($"{windows.Length} windows and {labels.shape[0]} label maps for {n} images.", nameof(windows));
        }

        int c = _cropSize;
        float[] gx = new float[n * c];
        float[] gy = new float[n * c];
        float[] vx = new float[n * c];
        float[] vy = new float[n * c];
        for (int s = 0; s < n; s++)
        {
            CropWindow w = windows[s];
            Fill(gx.AsSpan(s * c, c), vx.AsSpan(s * c, c), w.Left, w.Scaled(width), w.Flip);
            Fill(gy.AsSpan(s * c, c), vy.AsSpan(s * c, c), w.Top, w.Scaled(height), flip: false);
        }

        Device device = rgb.device;
        using var scope = NewDisposeScope();
        Tensor gridX = tensor(gx, [n, 1, c], device: device).expand(n, c, c);
        Tensor gridY = tensor(gy, [n, c, 1], device: device).expand(n, c, c);
        Tensor grid = stack([gridX, gridY], dim: -1);
        Tensor valid = tensor(vy, [n, c, 1], device: device) * tensor(vx, [n, 1, c], device: device);

        Tensor sampled = nn.functional.grid_sample(rgb, grid, GridSampleMode.Bilinear, GridSamplePaddingMode.Border, align_corners: false);
        Tensor images = ImageNetNormalization.Normalize(sampled) * valid.unsqueeze(1);

        Tensor nearest = nn.functional.grid_sample(labels, grid, GridSampleMode.Nearest, GridSamplePaddingMode.Border, align_corners: false);
        Tensor cropped = nearest.squeeze(1).masked_fill(valid.eq(0), SegmentationLoss.IgnoreIndex).to_type(ScalarType.Int64);
        return scope.MoveToOuter(images, cropped);
    }

    /// <summary>
    /// grid_sample coordinates (align_corners = false) of one axis of the crop: crop index j reads rescaled index
    /// u = start + j (mirrored: start + C − 1 − j), i.e. source coordinate (u + ½)·size/scaled − ½, which is what
    /// bilinear resizing to <paramref name="scaled"/> pixels reads; normalised, g = 2(u + ½)/scaled − 1.
    /// u ≥ <paramref name="scaled"/> is padding (g &gt; 1); its validity is 0.
    /// </summary>
    private static void Fill(Span<float> grid, Span<float> valid, int start, int scaled, bool flip)
    {
        int c = grid.Length;
        for (int j = 0; j < c; j++)
        {
            int u = start + (flip ? c - 1 - j : j);
            grid[j] = (float)((2.0 * (u + 0.5) / scaled) - 1.0);
            valid[j] = u < scaled ? 1f : 0f;
        }
    }
}
