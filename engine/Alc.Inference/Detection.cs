namespace Alc.Inference;

/// <summary>One box a detector found, in image pixels (x0, y0 inclusive corner; x1, y1 the far edges), with its class and score.</summary>
/// <param name="X0">Left edge.</param>
/// <param name="Y0">Top edge.</param>
/// <param name="X1">Right edge (&gt; <paramref name="X0"/>).</param>
/// <param name="Y1">Bottom edge (&gt; <paramref name="Y0"/>).</param>
/// <param name="ClassId">The dataset class: score column k is class k + 1 (class 0 is background, what no mask covers).</param>
/// <param name="Score">The box's best class score, the one that chose <paramref name="ClassId"/>.</param>
public sealed record Detection(float X0, float Y0, float X1, float Y1, int ClassId, float Score)
{
    /// <summary>The box's area in pixels².</summary>
    public float Area => (X1 - X0) * (Y1 - Y0);
}
