using System.Text.Json;
using System.Text.Json.Serialization;

namespace Alc.Imaging.Importers;

/// <summary>The parts of a COCO instances/panoptic-style JSON file that the importer reads.</summary>
public sealed class CocoDocument
{
    /// <summary>Images.</summary>
    [JsonPropertyName("images")]
    public List<CocoImage> Images { get; set; } = [];

    /// <summary>Object annotations.</summary>
    [JsonPropertyName("annotations")]
    public List<CocoAnnotation> Annotations { get; set; } = [];

    /// <summary>Categories.</summary>
    [JsonPropertyName("categories")]
    public List<CocoCategory> Categories { get; set; } = [];
}

/// <summary>A COCO image entry.</summary>
public sealed class CocoImage
{
    /// <summary>Image id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>File name relative to the images folder.</summary>
    [JsonPropertyName("file_name")]
    public string FileName { get; set; } = "";

    /// <summary>Width in pixels.</summary>
    [JsonPropertyName("width")]
    public int Width { get; set; }

    /// <summary>Height in pixels.</summary>
    [JsonPropertyName("height")]
    public int Height { get; set; }
}

/// <summary>A COCO category.</summary>
public sealed class CocoCategory
{
    /// <summary>Category id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>Category name.</summary>
    [JsonPropertyName("name")]
    public string Name { get; set; } = "";
}

/// <summary>
/// A COCO annotation. <see cref="Segmentation"/> is polygons (<c>[[x1,y1,…], …]</c>), compressed RLE
/// (<c>{"size":[h,w],"counts":"…"}</c>) or uncompressed RLE (<c>{"size":[h,w],"counts":[…]}</c>).
/// </summary>
public sealed class CocoAnnotation
{
    /// <summary>Annotation id.</summary>
    [JsonPropertyName("id")]
    public long Id { get; set; }

    /// <summary>The image it belongs to.</summary>
    [JsonPropertyName("image_id")]
    public long ImageId { get; set; }

    /// <summary>Its category.</summary>
    [JsonPropertyName("category_id")]
    public long CategoryId { get; set; }

    /// <summary>The mask, in one of the three COCO encodings.</summary>
    [JsonPropertyName("segmentation")]
    public JsonElement Segmentation { get; set; }

    /// <summary>Optional detection confidence (Grounded-SAM output carries one).</summary>
    [JsonPropertyName("score")]
    public double? Score { get; set; }
}
