using System.ComponentModel.DataAnnotations;

namespace Alc.Engine.Server.Contracts;

/// <summary>A round's measurements.</summary>
/// <param name="Round">Round number.</param>
/// <param name="State">Round state.</param>
/// <param name="Clicks">Answers in this round.</param>
/// <param name="Bits">Annotation bits in this round (Theorem 3.1).</param>
/// <param name="Seconds">Reported annotator seconds in this round.</param>
/// <param name="CumulativeClicks">Answers up to and including this round.</param>
/// <param name="DataMIoU">mIoU of the labels after this round against ground truth (when every train image has it).</param>
/// <param name="ModelMIoU">mIoU of this round's model on the val split (when it has ground truth).</param>
/// <param name="Precision">Share of this round's queries whose shown label was wrong (needs ground truth).</param>
/// <param name="CorrectionsPerClass">Corrections in this round by the class answered.</param>
/// <param name="AutomatedCorrection">What the strategy's automated correction did this round (null for a strategy without one).</param>
public sealed record RoundMetricsDto(
    [property: Required] int Round,
    [property: Required] RoundState State,
    [property: Required] long Clicks,
    [property: Required] double Bits,
    [property: Required] double Seconds,
    [property: Required] long CumulativeClicks,
    double? DataMIoU,
    double? ModelMIoU,
    double? Precision,
    [property: Required] IReadOnlyDictionary<string, int> CorrectionsPerClass,
    AutomatedCorrectionDto? AutomatedCorrection);

/// <summary>One round's automated correction: labels changed without a click, and the region checks it asked.</summary>
/// <param name="Threshold">τ: the judges' confidence a pixel needed to be relabelled.</param>
/// <param name="Candidates">Unqueried superpixels judged.</param>
/// <param name="Superpixels">Superpixels with at least one relabelled pixel.</param>
/// <param name="Pixels">Pixels relabelled.</param>
/// <param name="PixelsRight">Of those, pixels whose new label equals the ground truth (null without ground truth).</param>
/// <param name="ShareRight">PixelsRight / Pixels (null without ground truth or changes).</param>
/// <param name="Checks">Region checks asked (part of the round's budget B).</param>
/// <param name="ChecksAnswered">Region checks answered so far.</param>
/// <param name="CheckCorrections">Region checks answered with a correction (the judges were right that the label was wrong).</param>
public sealed record AutomatedCorrectionDto(
    [property: Required] double Threshold,
    [property: Required] int Candidates,
    [property: Required] int Superpixels,
    [property: Required] long Pixels,
    long? PixelsRight,
    double? ShareRight,
    [property: Required] int Checks,
    [property: Required] int ChecksAnswered,
    [property: Required] int CheckCorrections);

/// <summary>A project's metrics, round by round.</summary>
/// <param name="ProjectId">The project.</param>
/// <param name="InitialDataMIoU">Data mIoU of D0 (when every train image has ground truth).</param>
/// <param name="Rounds">Per-round metrics.</param>
public sealed record ProjectMetricsDto([property: Required] long ProjectId, double? InitialDataMIoU, [property: Required] IReadOnlyList<RoundMetricsDto> Rounds);

/// <summary>Liveness or readiness.</summary>
/// <param name="Status"><c>ok</c> or <c>not ready</c>.</param>
/// <param name="SchemaVersion">Database schema version.</param>
/// <param name="Version">Engine version.</param>
public sealed record HealthDto([property: Required] string Status, [property: Required] int SchemaVersion, [property: Required] string Version);
