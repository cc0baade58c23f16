using System.ComponentModel;
using System.ComponentModel.DataAnnotations;
using System.Text.Json.Serialization;

using Alc.Engine.Server.Datasets;

namespace Alc.Engine.Server.Contracts;

/// <summary>One class of a dataset.</summary>
/// <param name="Id">Class id (the value in label maps), 0..254.</param>
/// <param name="Name">Name, unique within the dataset.</param>
/// <param name="Color">Display colour as <c>#rrggbb</c>.</param>
public sealed record ClassDto([property: Required] int Id, [property: Required] string Name, [property: Required] string Color);

/// <summary>A dataset with its classes and image counts.</summary>
/// <param name="Id">Id.</param>
/// <param name="Name">Unique name.</param>
/// <param name="Classes">Classes by id.</param>
/// <param name="TrainImages">Images in the train split (the ones corrected).</param>
/// <param name="ValImages">Images in the val split (Model mIoU).</param>
/// <param name="CreatedAt">Creation time (UTC).</param>
public sealed record DatasetDto(
    [property: Required] long Id,
    [property: Required] string Name,
    [property: Required] IReadOnlyList<ClassDto> Classes,
    [property: Required] int TrainImages,
    [property: Required] int ValImages,
    [property: Required] DateTimeOffset CreatedAt);

/// <summary>Creates an empty dataset; images are added with <c>POST /datasets/{id}/images</c>.</summary>
public sealed record CreateDatasetRequest
{
    /// <summary>Unique name.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>Classes; ids must be 0..n−1 without gaps.</summary>
    [Required]
    [JsonRequired]
    public IReadOnlyList<ClassDto> Classes { get; init; } = [];
}

/// <summary>What a server path to import holds.</summary>
public enum ImportFormat
{
    /// <summary>A folder in the ALC format (<c>classes.json</c>, <c>splits/</c>, <c>images/</c>, <c>pseudo/</c>, <c>superpixels/</c>, optional <c>gt/</c>).</summary>
    Alc,

    /// <summary>
    /// A PASCAL VOC folder (<c>JPEGImages/</c>, <c>SegmentationClass/</c> palette PNGs, <c>ImageSets/Segmentation/{train,val}.txt</c>,
    /// optional <c>class_names.txt</c>): its masks become the pseudo labels D0 and SLIC makes the superpixels.
    /// </summary>
    Voc,

    /// <summary>
    /// A COCO JSON file of instance masks (polygons or RLE; Grounded-SAM's output) with <c>images</c> naming the folder its
    /// <c>file_name</c> entries are relative to: the masks, painted largest first, become D0 and the superpixels.
    /// </summary>
    Coco,
}

/// <summary>
/// Imports a dataset from a path on the server (under one of the allowed roots): an ALC-format folder as it is, or a VOC folder or
/// a COCO JSON converted in one step (the conversion runs in the request; a large dataset is better converted offline with
/// <c>alc-engine dataset import-voc|import-coco</c> and imported as an ALC folder).
/// </summary>
public sealed record ImportDatasetRequest
{
    /// <summary>Unique name of the new dataset.</summary>
    [Required]
    [JsonRequired]
    public string Name { get; init; } = "";

    /// <summary>Server path: the folder (alc, voc) or the COCO JSON file (coco).</summary>
    [Required]
    [JsonRequired]
    public string Path { get; init; } = "";

    /// <summary>What <see cref="Path"/> holds.</summary>
    [DefaultValue(ImportFormat.Alc)]
    public ImportFormat Format { get; init; } = ImportFormat.Alc;

    /// <summary>For <c>coco</c> only, and required there: the server folder the JSON's <c>file_name</c> entries are relative to.</summary>
    public string? Images { get; init; }

    /// <summary>For <c>voc</c> only: SLIC superpixels per image (the superpixels each answer is expanded to).</summary>
    [Range(ForeignImports.MinSlicSegments, ForeignImports.MaxSlicSegments)]
    [DefaultValue(ForeignImports.DefaultSlicSegments)]
    public int SlicSegments { get; init; } = ForeignImports.DefaultSlicSegments;
}

/// <summary>One image of a dataset.</summary>
/// <param name="Id">Id.</param>
/// <param name="DatasetId">The dataset.</param>
/// <param name="Stem">File stem, unique within the dataset.</param>
/// <param name="Split"><c>train</c> or <c>val</c>.</param>
/// <param name="Width">Width in pixels.</param>
/// <param name="Height">Height in pixels.</param>
/// <param name="HasGroundTruth">Whether ground truth is stored.</param>
public sealed record ImageDto(
    [property: Required] long Id,
    [property: Required] long DatasetId,
    [property: Required] string Stem,
    [property: Required] string Split,
    [property: Required] int Width,
    [property: Required] int Height,
    [property: Required] bool HasGroundTruth);

/// <summary>A page of images.</summary>
/// <param name="Total">Images matching the filter.</param>
/// <param name="Offset">Offset of the first item.</param>
/// <param name="Items">The page.</param>
public sealed record ImagePageDto([property: Required] int Total, [property: Required] int Offset, [property: Required] IReadOnlyList<ImageDto> Items);
