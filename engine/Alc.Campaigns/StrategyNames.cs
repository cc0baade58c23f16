namespace Alc.Campaigns;

/// <summary>
/// The name of the engine's own strategy, beside the acquisition names of <see cref="Alc.Core.Acquisition.Acquisitions"/>
/// and the model names of <see cref="Alc.Training.Models.SegmentationModels"/>: the places every well-known name is kept.
/// </summary>
public static class StrategyNames
{
    /// <summary><see cref="CorrectionStrategy.Default"/>: SIM with confident-pixel automated correction and region checks; a project that names no strategy gets it.</summary>
    public const string Default = "default";
}
