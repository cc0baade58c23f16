using Alc.Campaigns.Answers;
using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;
using Alc.Core.Cost;
using Alc.Inference;
using Alc.Storage.Projects;

namespace Alc.Engine.Server.Contracts;

/// <summary>Wire types to domain commands and back: the only place the HTTP contract meets the campaign domain's types.</summary>
internal static class WireMapping
{
    /// <summary>A create request's settings, validated by the domain for a dataset of <paramref name="classCount"/> classes.</summary>
    public static ProjectSettings Settings(CreateProjectRequest request, int classCount, long maxTrainingBytes) =>
        new ProjectSettings(request.Acquisition, request.Budget, request.PerImageCap, request.ExcludeZeroId, request.Seed, request.Model,
            request.Iterations, request.LearningRate, request.CropSize, request.BatchSize).Validated(classCount, maxTrainingBytes);

    /// <summary>Stored settings as the wire shows them.</summary>
    public static ProjectSettingsDto Dto(ProjectSettings s) =>
        new(s.Acquisition, s.Budget, s.PerImageCap, s.ExcludeZeroId, s.Seed, s.Model, s.Iterations, s.LearningRate, s.CropSize, s.BatchSize);

    /// <summary>The wire's oracle kind as stored.</summary>
    public static ProjectOracle Oracle(OracleKind kind) => kind switch
    {
        OracleKind.None => ProjectOracle.None,
        OracleKind.Gt => ProjectOracle.Gt,
        _ => throw new CampaignValidationException("oracle must be none or gt."),
    };

    /// <summary>The stored oracle as the wire shows it.</summary>
    public static OracleKind Oracle(ProjectOracle oracle) => oracle == ProjectOracle.Gt ? OracleKind.Gt : OracleKind.None;

    /// <summary>An answer batch as the domain's command (the strict JSON reader has refused nulls and missing fields).</summary>
    public static SubmitAnswers Command(long projectId, string? idempotencyKey, AnswerBatchRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        return new SubmitAnswers(projectId, idempotencyKey ?? "", request.Annotator,
            request.Answers.Select(a => new AnswerCommand(a.QueryId, Verdict(a.Verdict), a.Label, a.ElapsedMs)).ToList());
    }

    /// <summary>The wire verdict as the domain's (an undefined number stays undefined, for the domain to reject by name).</summary>
    public static QueryVerdict Verdict(Verdict verdict) => verdict switch
    {
        Contracts.Verdict.Confirm => QueryVerdict.Confirm,
        Contracts.Verdict.Correct => QueryVerdict.Correct,
        Contracts.Verdict.Unsure => QueryVerdict.Unsure,
        _ => (QueryVerdict)(-1),
    };

    /// <summary>A receipt as the wire's response.</summary>
    public static AnswerBatchResponse Response(AnswerReceipt r) => new(r.Accepted, r.Corrections, r.ChangedPixels, r.Round, r.Remaining, r.RoundClosed);

    /// <summary>Automatic mask generation settings as ONNX inference takes them (segment-anything's defaults for null).</summary>
    public static SamAutomaticMasks AutomaticMasks(AutomaticMasksDto? d) => d is null ? new SamAutomaticMasks()
        : new SamAutomaticMasks(d.PointsPerSide, (float)d.PredictedIouThreshold, (float)d.StabilityScoreThreshold, (float)d.StabilityScoreOffset, (float)d.BoxNmsThreshold, d.MinMaskArea);

    /// <summary>The superpixels a pseudo-labels request makes when it names none.</summary>
    public static SuperpixelSource Superpixels(PseudoLabelRequest r) => r.Superpixels
        ?? (r.DetectorModelId is not null ? SuperpixelSource.Masks : r.ModelId is null || r.SamEncoderModelId is not null ? SuperpixelSource.Sam : SuperpixelSource.Keep);

    /// <summary>The engine's device setting as ONNX inference takes it.</summary>
    public static InferenceDevice Inference(Alc.Training.DevicePreference device) => device switch
    {
        Alc.Training.DevicePreference.Cpu => InferenceDevice.Cpu,
        Alc.Training.DevicePreference.Cuda => InferenceDevice.Cuda,
        _ => InferenceDevice.Auto,
    };

    /// <summary>A model's declared pre-processing as ONNX inference takes it.</summary>
    public static ModelPreprocessing Preprocessing(ModelPreprocessingDto p) =>
        new(p.Width, p.Height, p.ChannelOrder == "bgr", [.. p.Mean.Select(v => (float)v)], [.. p.Std.Select(v => (float)v)], (float?)p.BinaryThreshold);
}
