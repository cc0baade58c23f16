namespace Alc.Core.Pool;

/// <summary>Per-pixel uncertainty used to rank pixels for the PixelPick pool.</summary>
public enum PixelUncertainty
{
    /// <summary>a_CIL(x) = 1 − f(y(x); x), eq. (8).</summary>
    Cil,

    /// <summary>p₂/p₁, the BvSB ratio (PixelPick's own default).</summary>
    Margin,

    /// <summary>−Σ_c f ln f.</summary>
    Entropy,
}
