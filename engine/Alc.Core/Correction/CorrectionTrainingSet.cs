namespace Alc.Core.Correction;

/// <summary>What the label-correction model is trained on.</summary>
public enum CorrectionTrainingSet
{
    /// <summary>This round's answered superpixels only (A²LC).</summary>
    ThisRound,

    /// <summary>Every superpixel answered so far, each with its answered label.</summary>
    AllAnswered,
}
