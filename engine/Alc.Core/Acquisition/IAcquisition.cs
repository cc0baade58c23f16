using Alc.Core.Pool;

namespace Alc.Core.Acquisition;

/// <summary>
/// An acquisition function a(x; θ) over the candidates of one image's pool. Every implementation
/// returns "higher = ask first", so selection (eq. 7) is always a top-B by score.
/// </summary>
public interface IAcquisition
{
    /// <summary>Short, stable name used in configuration and reports (for example <c>sim</c>).</summary>
    string Name { get; }

    /// <summary>Writes one score per candidate of <paramref name="pool"/> into <paramref name="scores"/>.</summary>
    void Score(ImagePool pool, Span<double> scores);
}
