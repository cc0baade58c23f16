namespace Alc.Core.Expansion;

/// <summary>What one label expansion did.</summary>
/// <param name="Covered">Pixels of s(x, ε) that now carry the answered label (changed or already equal).</param>
/// <param name="ChangedPixels">Linear indices whose label changed, ascending.</param>
/// <param name="PreviousLabels">The label each changed pixel held before, aligned with <paramref name="ChangedPixels"/>.</param>
public sealed record ExpansionResult(int Covered, int[] ChangedPixels, byte[] PreviousLabels)
{
    /// <summary>Number of pixels whose label changed.</summary>
    public int Changed => ChangedPixels.Length;
}
