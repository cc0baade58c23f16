using Alc.Core.Masks;

namespace Alc.Inference;

/// <summary>
/// The paper's Grounded-SAM pseudo labels: the detector's boxes whose best class score reaches the box threshold, one class per
/// box, SAM prompted with each box, and the masks painted largest first (<see cref="MaskPainter"/>) — the painted classes are
/// D0 and the painted mask ids the superpixels; pixels no mask covers are background (class 0, superpixel 0).
/// </summary>
/// <param name="detector">The box detector (disposed with this labeller).</param>
/// <param name="sam">SAM's encoder and decoder (disposed with this labeller).</param>
/// <param name="classCount">The dataset's classes, background (0) included.</param>
/// <param name="boxThreshold">The least best-class score a box needs (paper: 0.2).</param>
public sealed class GroundedSamLabeller(BoxDetector detector, SamPrompter sam, int classCount, float boxThreshold = BoxDetector.DefaultBoxThreshold) : IDisposable
{
    /// <summary>D0 and the superpixels of one RGB image, with how many boxes were kept.</summary>
    /// <param name="Painted">The painted class and superpixel maps.</param>
    /// <param name="Boxes">Boxes at or above the threshold (each one SAM prompt).</param>
    public sealed record Result(MaskPainter.Result Painted, int Boxes);

    /// <summary>Labels one image.</summary>
    /// <exception cref="OnnxModelException">A model fails or answers what its role's contract does not allow.</exception>
    public Result Label(byte[] rgb, int width, int height)
    {
        var boxes = detector.Detect(rgb, width, height, boxThreshold);
        var masks = new List<ObjectMask>(boxes.Count);
        if (boxes.Count > 0)
        {
            var encoded = sam.Encode(rgb, width, height);
            masks.AddRange(boxes.Select(box => new ObjectMask(sam.MaskForBox(encoded, box), box.ClassId, box.Score)));
        }

        return new Result(MaskPainter.Paint(width, height, classCount, masks), boxes.Count);
    }

    /// <inheritdoc />
    public void Dispose()
    {
        detector.Dispose();
        sam.Dispose();
    }
}
