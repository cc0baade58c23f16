namespace Alc.Core.Oracle;

/// <summary>How the simulated annotator answers correction queries.</summary>
public enum OracleMode
{
    /// <summary>Like a person: looks at the queried pixel only and gives its ground-truth class.</summary>
    Pixel,

    /// <summary>
    /// The authors' benchmark rule (paper-compatible): it peeks at the whole superpixel and corrects only
    /// when at least half of its pixels are wrong, answering the superpixel's majority ground-truth class.
    /// </summary>
    Paper,
}

/// <summary>Options of the simulated oracle. Defaults follow the paper's user study (section 4.2, Table 1).</summary>
public sealed record OracleOptions
{
    /// <summary>How answers are derived from ground truth.</summary>
    public OracleMode Mode { get; init; } = OracleMode.Pixel;

    /// <summary>Probability that an answer is wrong: a class drawn uniformly from the other classes (the study's annotators were ~95% accurate).</summary>
    public double ErrorRate { get; init; }

    /// <summary>Seconds for a confirmed correction query (user study mean for correction queries: 4.76 s).</summary>
    public double ConfirmSeconds { get; init; } = 4.76;

    /// <summary>Seconds for a corrected correction query (user study mean for correction queries: 4.76 s).</summary>
    public double CorrectionSeconds { get; init; } = 4.76;

    /// <summary>Seconds for a classification query, for comparison (user study mean: 6.31 s).</summary>
    public double ClassificationSeconds { get; init; } = 6.31;

    /// <summary>Seed of the annotator's mistakes.</summary>
    public long Seed { get; init; }

    /// <summary>Throws <see cref="ArgumentException"/> naming the first option out of range.</summary>
    public void Validate()
    {
        if (ErrorRate is < 0 or > 1 || double.IsNaN(ErrorRate))
        {
            throw new ArgumentException($"The oracle's error rate must be in [0, 1] (got {ErrorRate}).");
        }

        foreach (var (name, s) in new[] { ("confirm", ConfirmSeconds), ("correction", CorrectionSeconds), ("classification", ClassificationSeconds) })
        {
            if (!(s >= 0) || double.IsInfinity(s))
            {
                throw new ArgumentException($"Seconds per {name} must be a finite number ≥ 0 (got {s}).");
            }
        }
    }
}
