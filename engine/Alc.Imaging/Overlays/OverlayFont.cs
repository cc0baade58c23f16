using SkiaSharp;

namespace Alc.Imaging.Overlays;

/// <summary>
/// The typeface overlays write with: DejaVu Sans, embedded in this assembly (SkiaSharp's NoDependencies build has no
/// fontconfig, so a server without fonts still writes the class name). Loaded once.
/// </summary>
internal static class OverlayFont
{
    private static readonly Lazy<SKTypeface> Loaded = new(Load);

    /// <summary>The typeface.</summary>
    public static SKTypeface Typeface => Loaded.Value;

    private static SKTypeface Load()
    {
        using var stream = typeof(OverlayFont).Assembly.GetManifestResourceStream("Alc.Imaging.DejaVuSans.ttf")
            ?? throw new InvalidOperationException("The embedded overlay font Alc.Imaging.DejaVuSans.ttf is missing.");
        using var data = SKData.Create(stream);
        return SKTypeface.FromData(data) ?? throw new InvalidOperationException("SkiaSharp could not read the embedded overlay font.");
    }
}
