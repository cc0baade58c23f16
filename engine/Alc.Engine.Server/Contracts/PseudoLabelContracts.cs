using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

using Alc.Engine.Server.Datasets;

namespace Alc.Engine.Server.Contracts;

/// <summary>Where a pseudo-labelled dataset's superpixels come from.</summary>
public enum SuperpixelSource
{
    /// <summary>The source dataset's own (for example SAM masks it was imported with).</summary>
    Keep,

    /// <summary>New SLIC superpixels from each photo (<see cref="PseudoLabelRequest.SlicSegments"/> per image).</summary>
    Slic,

    /// <summary>Grounded-SAM only: the painted SAM masks (each mask one superpixel, 0 where none painted) — the paper's choice.</summary>
    Masks,

    /// <summary>SAM's automatic mask generation (<see cref="PseudoLabelRequest.AutomaticMasks"/>), painted largest first; needs the SAM models.</summary>
    Sam,
}

/// <summary>
/// segment-anything's automatic mask generation settings (<c>SamAutomaticMaskGenerator</c>), its defaults named: a grid of
/// point prompts, masks kept by predicted IoU and stability, duplicates removed by box NMS, small masks dropped.
/// </summary>
public sealed record AutomaticMasksDto
{
    /// <summary>Grid points along each side (<c>points_per_side</c>): PointsPerSide² prompts per image.</summary>
    [Range(1, 128)]
    [DefaultValue(32)]
    public int PointsPerSide { get; init; } = 32;

    /// <summary>The least predicted IoU a mask needs (<c>pred_iou_thresh</c>).</summary>
    [Range(0.0, 1.0)]
    [DefaultValue(0.88)]
    public double PredictedIouThreshold { get; init; } = 0.88;

    /// <summary>The least stability score (<c>stability_score_thresh</c>): the IoU of the mask cut at logit ±offset.</summary>
    [Range(0.0, 1.0)]
    [DefaultValue(0.95)]
    public double StabilityScoreThreshold { get; init; } = 0.95;

    /// <summary>The stability score's logit offset (<c>stability_score_offset</c>).</summary>
    [Range(0.0, 100.0)]
    [DefaultValue(1.0)]
    public double StabilityScoreOffset { get; init; } = 1.0;

    /// <summary>The box IoU above which the less confident of two masks is dropped (<c>box_nms_thresh</c>).</summary>
    [Range(0.0, 1.0)]
    [DefaultValue(0.7)]
    public double BoxNmsThreshold { get; init; } = 0.7;

    /// <summary>Masks of fewer pixels are dropped (0: none).</summary>
    [Range(0, int.MaxValue)]
    [DefaultValue(0)]
    public int MinMaskArea { get; init; }
}

/// <summary>
/// Labels a dataset's photos with uploaded models into a new dataset; photos, splits and ground truth are the source's, and
/// the source is never changed. Either <see cref="ModelId"/> (a <c>semantic</c> model: its argmax labels are D0), or all of
/// <see cref="DetectorModelId"/>, <see cref="SamEncoderModelId"/> and <see cref="SamDecoderModelId"/> (the paper's Grounded-SAM
/// rule: boxes above <see cref="BoxThreshold"/>, one class per box, SAM's mask per box, painted largest first). With only
/// the SAM encoder and decoder, the labels are kept and the superpixels are SAM's automatic masks (<c>superpixels=sam</c>).
/// </summary>
public sealed record PseudoLabelRequest
{
    /// <summary>A <c>semantic</c> model answering as many classes as the dataset has.</summary>
    public long? ModelId { get; init; }

    /// <summary>Grounded-SAM: a <c>detector</c> model scoring every class but background (score column k = class k + 1).</summary>
    public long? DetectorModelId { get; init; }

    /// <summary>Grounded-SAM: a <c>sam-encoder</c> model with a fixed square input [1,3,S,S].</summary>
    public long? SamEncoderModelId { get; init; }

    /// <summary>Grounded-SAM: a <c>sam-decoder</c> model (the segment-anything ONNX export).</summary>
    public long? SamDecoderModelId { get; init; }

    /// <summary>Grounded-SAM: the least best-class score a box needs (the paper's 0.2).</summary>
    [Range(0.0, 1.0)]
    [DefaultValue(0.2)]
    public double BoxThreshold { get; init; } = 0.2;

    /// <summary>Unique name of the dataset the job makes.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>
    /// The new dataset's superpixels; default <c>keep</c> for a semantic model, <c>masks</c> for Grounded-SAM, and <c>sam</c> with the
    /// SAM models alone. A semantic model with the SAM models makes SAM superpixels (<c>sam</c>).
    /// </summary>
    public SuperpixelSource? Superpixels { get; init; }

    /// <summary>For <c>superpixels=sam</c>: the automatic mask generation settings (segment-anything's defaults when left out).</summary>
    public AutomaticMasksDto? AutomaticMasks { get; init; }

    /// <summary>For <c>slic</c> only: SLIC superpixels per image.</summary>
    [Range(ForeignImports.MinSlicSegments, ForeignImports.MaxSlicSegments)]
    [DefaultValue(ForeignImports.DefaultSlicSegments)]
    public int SlicSegments { get; init; } = ForeignImports.DefaultSlicSegments;
}
