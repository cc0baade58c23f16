using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;
using Alc.Campaigns.Projects;
using Alc.Campaigns;
using Alc.Training.Models;

namespace Alc.Engine.Server.Contracts;

/// <summary>Who answers a project's queries.</summary>
public enum OracleKind
{
    /// <summary>People, over the API.</summary>
    None,

    /// <summary>The engine itself, from the dataset's ground truth (a simulated campaign).</summary>
    Gt,
}

/// <summary>Creates a project: a correction campaign over a dataset with its strategy and training settings.</summary>
public sealed record CreateProjectRequest
{
    /// <summary>Unique name.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>The dataset to correct.</summary>
    [Required]
    [JsonRequired]
    public long DatasetId { get; init; }

    /// <summary>
    /// Strategy: default (SIM, with automated correction of confident regions by out-of-fold judges and region checks on
    /// part of each round's budget), or a plain acquisition: sim, lcil, cil, softmin, aiou, abc, margin, entropy or random.
    /// </summary>
    [DefaultValue(StrategyNames.Default)]
    public string Acquisition { get; init; } = StrategyNames.Default;

    /// <summary>B, queries per round.</summary>
    [DefaultValue(100)]
    [Range(1, SettingBounds.MaxBudget)]
    public int Budget { get; init; } = 100;

    /// <summary>At most this many queries per image and round (null: no cap).</summary>
    [Range(1, SettingBounds.MaxBudget)]
    public int? PerImageCap { get; init; }

    /// <summary>Never query superpixel id 0 ("no mask" in Grounded-SAM maps).</summary>
    [DefaultValue(false)]
    public bool ExcludeZeroId { get; init; }

    /// <summary>Seed of training and the seeded acquisitions.</summary>
    [DefaultValue(1L)]
    public long Seed { get; init; } = 1;

    /// <summary>Segmentation model: fcn-small (default), deeplabv3plus-resnet18, …</summary>
    [DefaultValue(SegmentationModels.FcnSmallName)]
    public string Model { get; init; } = SegmentationModels.FcnSmallName;

    /// <summary>SGD iterations per round.</summary>
    [DefaultValue(200)]
    [Range(1, SettingBounds.MaxIterations)]
    public int Iterations { get; init; } = 200;

    /// <summary>Initial learning rate.</summary>
    [DefaultValue(0.05)]
    [Range(SettingBounds.MinLearningRate, SettingBounds.MaxLearningRate)]
    public double LearningRate { get; init; } = 0.05;

    /// <summary>Training crop side in pixels.</summary>
    [DefaultValue(96)]
    [Range(SettingBounds.MinCropSize, SettingBounds.MaxCropSize)]
    public int CropSize { get; init; } = 96;

    /// <summary>Training batch size.</summary>
    [DefaultValue(8)]
    [Range(1, SettingBounds.MaxBatchSize)]
    public int BatchSize { get; init; } = 8;

    /// <summary>Who answers: none (people over the API) or gt (the engine, from ground truth).</summary>
    [DefaultValue(OracleKind.None)]
    public OracleKind Oracle { get; init; } = OracleKind.None;
}

/// <summary>A project's settings as stored.</summary>
/// <param name="Acquisition">Acquisition.</param>
/// <param name="Budget">B.</param>
/// <param name="PerImageCap">Per-image cap.</param>
/// <param name="ExcludeZeroId">Whether superpixel 0 is never queried.</param>
/// <param name="Seed">Seed.</param>
/// <param name="Model">Model.</param>
/// <param name="Iterations">Iterations per round.</param>
/// <param name="LearningRate">Learning rate.</param>
/// <param name="CropSize">Crop side.</param>
/// <param name="BatchSize">Batch size.</param>
public sealed record ProjectSettingsDto(
    [property: Required] string Acquisition,
    [property: Required] int Budget,
    int? PerImageCap,
    [property: Required] bool ExcludeZeroId,
    [property: Required] long Seed,
    [property: Required] string Model,
    [property: Required] int Iterations,
    [property: Required] double LearningRate,
    [property: Required] int CropSize,
    [property: Required] int BatchSize);

/// <summary>A project with its current round and running totals.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Name.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Oracle">Who answers.</param>
/// <param name="Settings">Strategy and training settings.</param>
/// <param name="CurrentRound">The latest round, if any.</param>
/// <param name="Totals">Totals over all rounds.</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record ProjectDto(
    [property: Required] long Id,
    [property: Required] string Name,
    [property: Required] long DatasetId,
    [property: Required] OracleKind Oracle,
    [property: Required] ProjectSettingsDto Settings,
    RoundDto? CurrentRound,
    [property: Required] ProjectTotalsDto Totals,
    [property: Required] DateTimeOffset CreatedAt);

/// <summary>Totals of a project.</summary>
/// <param name="Rounds">Rounds started.</param>
/// <param name="Answers">Answers accepted (clicks).</param>
/// <param name="Corrections">Answers that corrected a label.</param>
/// <param name="Bits">Annotation bits (Theorem 3.1).</param>
/// <param name="Seconds">Reported annotator seconds.</param>
public sealed record ProjectTotalsDto(
    [property: Required] int Rounds,
    [property: Required] long Answers,
    [property: Required] long Corrections,
    [property: Required] double Bits,
    [property: Required] double Seconds);
