namespace Alc.Campaigns.Pipeline;

/// <summary>
/// The stages of round t, in order. Round t trains θ_(t−1) on D_(t−1) (round 1's is the warm start θ0 on D0), measures
/// it, lets the strategy's automated correction relabel and propose region checks, selects B_t with θ_(t−1), asks,
/// applies the answers (D_(t−1) → D_t) and closes with D_t's measurements.
/// </summary>
public enum RoundStage
{
    /// <summary>θ_(t−1) trains on D_(t−1).</summary>
    Train,

    /// <summary>Model mIoU of θ_(t−1) on the validation split.</summary>
    Measure,

    /// <summary>The strategy's judges train and relabel confident regions; unsure regions become region checks.</summary>
    AutoCorrect,

    /// <summary>The acquisition picks the rest of B over the pool; the round's queries are published in asking order.</summary>
    Select,

    /// <summary>Annotators (people or the simulated oracle) answer the round's queries.</summary>
    Ask,

    /// <summary>Each answer is expanded onto the labels (superpixel, or a region check's region).</summary>
    Apply,

    /// <summary>Data mIoU of D_t, the round's cost and quality are recorded.</summary>
    Close,
}
