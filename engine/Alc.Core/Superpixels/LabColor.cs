namespace Alc.Core.Superpixels;

/// <summary>
/// A CIE 1976 L*a*b* colour under illuminant D65 and the 2° observer, as <c>skimage.color.rgb2lab</c>
/// computes it from sRGB (IEC 61966-2-1): L* in [0, 100], a* and b* roughly in [−128, 127].
/// </summary>
/// <param name="L">Lightness L*.</param>
/// <param name="A">Green–red axis a*.</param>
/// <param name="B">Blue–yellow axis b*.</param>
public readonly record struct LabColor(double L, double A, double B)
{
    // sRGB primaries → XYZ (the matrix scikit-image uses) and the D65 / 2° reference white.
    private const double Xr = 0.412453, Xg = 0.357580, Xb = 0.180423;
    private const double Yr = 0.212671, Yg = 0.715160, Yb = 0.072169;
    private const double Zr = 0.019334, Zg = 0.119193, Zb = 0.950227;
    private const double WhiteX = 0.95047, WhiteY = 1.0, WhiteZ = 1.08883;

    /// <summary>
    /// Converts a gamma-encoded sRGB colour with channels in [0, 1]: linearise (IEC 61966-2-1), map to XYZ,
    /// divide by the D65 white, then L* = 116·f(Y) − 16, a* = 500·(f(X) − f(Y)), b* = 200·(f(Y) − f(Z)).
    /// </summary>
    /// <param name="r">Red in [0, 1].</param>
    /// <param name="g">Green in [0, 1].</param>
    /// <param name="b">Blue in [0, 1].</param>
    public static LabColor FromSrgb(double r, double g, double b) =>
        FromLinearRgb(Linearize(r), Linearize(g), Linearize(b));

    /// <summary>The sRGB transfer function inverted: c/12.92 up to 0.04045, ((c + 0.055)/1.055)^2.4 above.</summary>
    internal static double Linearize(double c) => c > 0.04045 ? Math.Pow((c + 0.055) / 1.055, 2.4) : c / 12.92;

    /// <summary>L*a*b* of a linear-light RGB triple (the XYZ and Lab steps of <see cref="FromSrgb"/>).</summary>
    internal static LabColor FromLinearRgb(double r, double g, double b)
    {
        double fx = F(((r * Xr) + (g * Xg) + (b * Xb)) / WhiteX);
        double fy = F(((r * Yr) + (g * Yg) + (b * Yb)) / WhiteY);
        double fz = F(((r * Zr) + (g * Zg) + (b * Zb)) / WhiteZ);
        return new LabColor((116.0 * fy) - 16.0, 500.0 * (fx - fy), 200.0 * (fy - fz));
    }

    // CIE f(t): cube root above (6/29)^3 ≈ 0.008856, the linear segment 7.787·t + 16/116 below.
    private static double F(double t) => t > 0.008856 ? Math.Cbrt(t) : (7.787 * t) + (16.0 / 116.0);
}
