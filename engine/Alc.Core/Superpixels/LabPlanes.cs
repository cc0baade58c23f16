using System.Numerics.Tensors;

namespace Alc.Core.Superpixels;

/// <summary>The colour half of SLIC's preprocessing: bytes → [0, 1] → L*a*b* → divided by the compactness.</summary>
internal static class LabPlanes
{
    /// <summary>
    /// Min-max rescales the bytes to [0, 1] over all channels (as scikit-image does; a constant image becomes
    /// black), converts each pixel to L*a*b* and multiplies by <paramref name="ratio"/> = 1/m, writing planes.
    /// </summary>
    public static void FromRgb(ReadOnlySpan<byte> rgb, double ratio, Span<double> l, Span<double> a, Span<double> b)
    {
        const double ByteToUnit = 1.0 / 255;
        byte min = TensorPrimitives.Min(rgb);
        byte max = TensorPrimitives.Max(rgb);
        double low = min * ByteToUnit;
        double range = (max * ByteToUnit) - low;

        // Only 256 byte values exist, so the rescale and the sRGB transfer function are tabulated.
        Span<double> linear = stackalloc double[256];
        for (int v = min; v <= max; v++)
        {
            double unit = (v * ByteToUnit) - low;
            if (range != 0)
            {
                unit /= range;
            }

            linear[v] = LabColor.Linearize(unit);
        }

        for (int p = 0, i = 0; p < l.Length; p++, i += 3)
        {
            LabColor lab = LabColor.FromLinearRgb(linear[rgb[i]], linear[rgb[i + 1]], linear[rgb[i + 2]]);
            l[p] = lab.L * ratio;
            a[p] = lab.A * ratio;
            b[p] = lab.B * ratio;
        }
    }
}
