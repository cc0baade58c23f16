namespace Alc.Core.Correction;

/// <summary>How an automated correction decides which labels to change.</summary>
public enum CorrectionMethod
{
    /// <summary>
    /// A²LC's label-correction module: an MLP on each superpixel's mean softmax, trained on answered superpixels,
    /// relabels unqueried superpixels it is confident about (τ schedule, tail-class guards).
    /// </summary>
    Lcm,

    /// <summary>
    /// Relabel pixels of unqueried superpixels where a segmentation model that never saw their labels predicts another
    /// class with softmax confidence ≥ τ, growing from those seeds (<see cref="ConfidentRelabel"/>). Pixel-level, so it
    /// also reaches errors inside a superpixel whose majority is right (missed objects, leaks).
    /// </summary>
    ConfidentPixels,
}
