using System.Text.Json;
using Alc.Engine.Rounds;
using Alc.Engine.Server.Contracts;
using Alc.Training;

namespace Alc.Engine.Server.Campaigns;

/// <summary>A project's settings: how they are stored (JSON in <c>projects.strategy_json</c>) and what the round steps take.</summary>
internal static class ProjectSettings
{
    /// <summary>The name of <see cref="CorrectionStrategy.Default"/>, the strategy of a project that names none.</summary>
    public const string DefaultStrategy = "default";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>Validates a create request and returns its settings; throws <see cref="Problems.ApiProblemException"/> naming the bad field.</summary>
    public static ProjectSettingsDto From(CreateProjectRequest request)
    {
        // A client may send null for a field it leaves at its default.
        string acquisition = request.Acquisition ?? DefaultStrategy;
        if (string.Equals(acquisition.Trim(), DefaultStrategy, StringComparison.OrdinalIgnoreCase))
        {
            acquisition = DefaultStrategy;
        }

        var settings = new ProjectSettingsDto(acquisition, request.Budget, request.PerImageCap, request.ExcludeZeroId, request.Seed,
            request.Model ?? "fcn-small", request.Iterations, request.LearningRate, request.CropSize, request.BatchSize);
        if (acquisition != DefaultStrategy && !Alc.Core.Acquisition.Acquisitions.Names.Contains(acquisition.Trim().ToLowerInvariant()))
        {
            throw Problems.ApiProblemException.BadRequest(
                $"Unknown acquisition '{acquisition}'. Known: {DefaultStrategy}, {string.Join(", ", Alc.Core.Acquisition.Acquisitions.Names)}.");
        }

        try
        {
            Strategy(settings).Validate();
        }
        catch (ArgumentException ex)
        {
            throw Problems.ApiProblemException.BadRequest(ex.Message);
        }

        if (!Alc.Training.Models.SegmentationModels.Names.Contains(settings.Model))
        {
            throw Problems.ApiProblemException.BadRequest($"Unknown model '{settings.Model}'; known: {string.Join(", ", Alc.Training.Models.SegmentationModels.Names)}.");
        }

        if (settings.Iterations < 1 || settings.BatchSize < 1 || settings.CropSize < 8 || !(settings.LearningRate > 0))
        {
            throw Problems.ApiProblemException.BadRequest("iterations and batchSize must be ≥ 1, cropSize ≥ 8 and learningRate > 0.");
        }

        return settings;
    }

    public static string Serialize(ProjectSettingsDto settings) => JsonSerializer.Serialize(settings, Json);

    public static ProjectSettingsDto Deserialize(string json) =>
        JsonSerializer.Deserialize<ProjectSettingsDto>(json, Json) ?? throw new InvalidDataException("A project's settings are empty.");

    // ε stays 0 on the engine: ε > 0 compares softmax outputs of the model that selected the query, which the engine does not keep per answer.
    public static CorrectionStrategy Strategy(ProjectSettingsDto settings) =>
        (settings.Acquisition == DefaultStrategy ? CorrectionStrategy.Default : new CorrectionStrategy { Acquisition = settings.Acquisition }) with
        {
            Budget = settings.Budget,
            PerImageCap = settings.PerImageCap,
            ExcludeZeroId = settings.ExcludeZeroId,
            Seed = settings.Seed,
        };

    // Every round trains with the project's seed, as the bench does, so a gt-oracle campaign over HTTP reproduces the bench's numbers.
    public static TrainerOptions Trainer(ProjectSettingsDto settings, int classCount, DevicePreference device) => new()
    {
        Model = settings.Model,
        ClassCount = classCount,
        Iterations = settings.Iterations,
        LearningRate = settings.LearningRate,
        CropSize = settings.CropSize,
        BatchSize = settings.BatchSize,
        Seed = settings.Seed,
        Device = device,
    };

    /// <summary>How the strategy's out-of-fold judges train: as θ_t, for <see cref="Alc.Core.Correction.LabelCorrectionOptions.JudgeIterations"/>.</summary>
    public static TrainerOptions Judges(ProjectSettingsDto settings, Alc.Core.Correction.LabelCorrectionOptions correction, int classCount, DevicePreference device) =>
        Trainer(settings, classCount, device) with { Iterations = correction.JudgeIterations(settings.Iterations) };
}
