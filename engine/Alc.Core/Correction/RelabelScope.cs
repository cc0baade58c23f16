namespace Alc.Core.Correction;

/// <summary>Which pixels of a superpixel an automated correction relabels.</summary>
public enum RelabelScope
{
    /// <summary>Every labelled pixel of the superpixel (A²LC).</summary>
    Superpixel,

    /// <summary>
    /// Only pixels that carry the superpixel's majority label and that the segmentation model also predicts as the
    /// new class: a superpixel that leaks across a boundary keeps the part the model sees as something else.
    /// </summary>
    AgreeingPixels,
}
