using System.Text.Json;
using Alc.Campaigns.Errors;
using Alc.Core.Acquisition;
using Alc.Core.Correction;
using Alc.Training;
using Alc.Training.Models;

namespace Alc.Campaigns.Projects;

/// <summary>
/// A project's persisted settings (JSON in <c>projects.strategy_json</c>): the strategy and how θ trains. It is the
/// stored record, not a wire type, so a change of the HTTP contract never changes stored projects.
/// </summary>
/// <param name="Acquisition"><see cref="StrategyNames.Default"/> or an acquisition name (<see cref="Acquisitions.Names"/>).</param>
/// <param name="Budget">Queries per round (B).</param>
/// <param name="PerImageCap">Most queries per image and round; null for none.</param>
/// <param name="ExcludeZeroId">Whether superpixel id 0 (no SAM mask) is left out of the pool.</param>
/// <param name="Seed">Seeds training, selection and the automated correction of every round.</param>
/// <param name="Model">The segmentation model (<see cref="SegmentationModels.Names"/>).</param>
/// <param name="Iterations">Training iterations per round.</param>
/// <param name="LearningRate">SGD learning rate.</param>
/// <param name="CropSize">Training crop side in pixels.</param>
/// <param name="BatchSize">Training batch size.</param>
public sealed record ProjectSettings(
    string Acquisition, int Budget, int? PerImageCap, bool ExcludeZeroId, long Seed, string Model, int Iterations, double LearningRate, int CropSize, int BatchSize)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Checks every setting against <see cref="SettingBounds"/> and the training memory budget and returns the settings
    /// with the acquisition's name normalised; throws <see cref="CampaignValidationException"/> naming every bad field.
    /// </summary>
    /// <param name="classCount">The dataset's classes (the logits' share of training memory).</param>
    /// <param name="maxTrainingBytes">The engine's training memory budget (see <see cref="TrainingMemory"/>).</param>
    public ProjectSettings Validated(int classCount, long maxTrainingBytes)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok)
            {
                errors[field] = [message];
            }
        }

        string acquisition = string.Equals(Acquisition.Trim(), StrategyNames.Default, StringComparison.OrdinalIgnoreCase)
            ? StrategyNames.Default : Acquisition;
        bool knownAcquisition = acquisition == StrategyNames.Default || Acquisitions.Names.Contains(acquisition.Trim().ToLowerInvariant());
        Check(knownAcquisition, "acquisition", $"unknown acquisition '{acquisition}'; known: {StrategyNames.Default}, {string.Join(", ", Acquisitions.Names)}");
        Check(SegmentationModels.Names.Contains(Model), "model", $"unknown model '{Model}'; known: {string.Join(", ", SegmentationModels.Names)}");
        Check(Budget is >= 1 and <= SettingBounds.MaxBudget, "budget", $"must be 1..{SettingBounds.MaxBudget}");
        Check(PerImageCap is null or (>= 1 and <= SettingBounds.MaxBudget), "perImageCap", $"must be 1..{SettingBounds.MaxBudget} or null");
        Check(Iterations is >= 1 and <= SettingBounds.MaxIterations, "iterations", $"must be 1..{SettingBounds.MaxIterations}");
        Check(LearningRate is >= SettingBounds.MinLearningRate and <= SettingBounds.MaxLearningRate, "learningRate",
            $"must be {SettingBounds.MinLearningRate:G}..{SettingBounds.MaxLearningRate:G}");
        Check(CropSize is >= SettingBounds.MinCropSize and <= SettingBounds.MaxCropSize, "cropSize", $"must be {SettingBounds.MinCropSize}..{SettingBounds.MaxCropSize}");
        Check(BatchSize is >= 1 and <= SettingBounds.MaxBatchSize, "batchSize", $"must be 1..{SettingBounds.MaxBatchSize}");
        if (errors.Count == 0)
        {
            long need = TrainingMemory.EstimateBytes(Model, BatchSize, CropSize, classCount);
            Check(need <= maxTrainingBytes, "batchSize",
                $"{Model} at batchSize {BatchSize} × cropSize {CropSize}² × {classCount} classes needs about {need >> 20} MB to train, " +
                $"more than this engine's training budget of {maxTrainingBytes >> 20} MB (TrainingMemoryMegabytes); lower batchSize or cropSize");
        }

        var settings = this with { Acquisition = acquisition };
        if (errors.Count == 0)
        {
            try
            {
                settings.Strategy().Validate();
            }
            catch (ArgumentException ex)
            {
                errors["acquisition"] = [ex.Message];
            }
        }

        return errors.Count == 0 ? settings
            : throw new CampaignValidationException($"Invalid project settings: {string.Join("; ", errors.Select(e => $"{e.Key} {e.Value[0]}"))}.", errors);
    }

    /// <summary>The settings as stored.</summary>
    public string ToJson() => JsonSerializer.Serialize(this, Json);

    /// <summary>Reads stored settings.</summary>
    /// <exception cref="InvalidDataException">The stored text is empty.</exception>
    public static ProjectSettings FromJson(string json) =>
        JsonSerializer.Deserialize<ProjectSettings>(json, Json) ?? throw new InvalidDataException("A project's settings are empty.");

    /// <summary>
    /// The strategy the round pipeline runs. ε stays 0 on the engine: ε &gt; 0 compares softmax outputs of the model
    /// that selected the query, which the engine does not keep per answer.
    /// </summary>
    public CorrectionStrategy Strategy() =>
        (Acquisition == StrategyNames.Default ? CorrectionStrategy.Default : new CorrectionStrategy { Acquisition = Acquisition }) with
        {
            Budget = Budget,
            PerImageCap = PerImageCap,
            ExcludeZeroId = ExcludeZeroId,
            Seed = Seed,
        };

    /// <summary>How θ trains each round: with the project's seed, as the bench does, so a gt-oracle campaign reproduces the bench's numbers.</summary>
    public TrainerOptions Trainer(int classCount, DevicePreference device) => new()
    {
        Model = Model,
        ClassCount = classCount,
        Iterations = Iterations,
        LearningRate = LearningRate,
        CropSize = CropSize,
        BatchSize = BatchSize,
        Seed = Seed,
        Device = device,
    };

    /// <summary>How the strategy's out-of-fold judges train: as θ, for <see cref="LabelCorrectionOptions.JudgeIterations"/>.</summary>
    public TrainerOptions Judges(LabelCorrectionOptions correction, int classCount, DevicePreference device)
    {
        ArgumentNullException.ThrowIfNull(correction);
        return Trainer(classCount, device) with { Iterations = correction.JudgeIterations(Iterations) };
    }
}
