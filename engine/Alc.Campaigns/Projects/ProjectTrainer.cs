using Alc.Campaigns.Pipeline;
using Alc.Training;
using Alc.Training.Models;

namespace Alc.Campaigns.Projects;

/// <summary>The engine's trainer: θ and the judges as the project's settings say, on the engine's device; every round trains from scratch.</summary>
public sealed class ProjectTrainer : ICampaignTrainer
{
    private readonly SegmentationTrainer _model;

    /// <summary>Creates the trainers of <paramref name="state"/>'s project.</summary>
    public ProjectTrainer(CampaignState state, DevicePreference device)
    {
        ArgumentNullException.ThrowIfNull(state);
        _model = new SegmentationTrainer(state.Settings.Trainer(state.ClassCount, device), SegmentationModels.Create);
        Judges = state.Strategy.AutoCorrection is { } correction
            ? new SegmentationTrainer(state.Settings.Judges(correction, state.ClassCount, device), SegmentationModels.Create)
            : _model;
    }

    /// <summary>θ's trainer (it also loads stored checkpoints).</summary>
    public SegmentationTrainer Model => _model;

    /// <inheritdoc />
    public ISegmentationTrainer Judges { get; }

    /// <inheritdoc />
    public ISegmentationPredictor Train(int round, IReadOnlyList<SegmentationSample> samples, ISegmentationPredictor? previous,
        IProgress<TrainingProgress>? progress, CancellationToken cancellationToken) => _model.Train(samples, null, progress, cancellationToken);
}
