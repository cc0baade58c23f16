using Alc.Core;

namespace Alc.Imaging.Datasets;

/// <summary>What <see cref="DatasetValidator"/> found in a dataset folder.</summary>
public sealed record DatasetReport
{
    /// <summary>The dataset folder.</summary>
    public required string Root { get; init; }

    /// <summary>The classes (empty when classes.json itself is invalid).</summary>
    public IReadOnlyList<ClassInfo> Classes { get; init; } = [];

    /// <summary>Images listed per split.</summary>
    public IReadOnlyDictionary<string, int> ImagesPerSplit { get; init; } = new Dictionary<string, int>();

    /// <summary>Images whose files all read and validated.</summary>
    public int ValidImages { get; init; }

    /// <summary>Images with a ground-truth file.</summary>
    public int ImagesWithGroundTruth { get; init; }

    /// <summary>The size distribution of the superpixels (all splits), or null when no image was valid.</summary>
    public Alc.Core.Metrics.MaskSizeStatistics? MaskSizes { get; init; }

    /// <summary>Fewest, mean and most superpixels per image (over valid images).</summary>
    public (int Min, double Mean, int Max)? SuperpixelsPerImage { get; init; }

    /// <summary>D0 Data mIoU of the training split's pseudo labels against ground truth, when every training image has ground truth.</summary>
    public double? DataMIoU { get; init; }

    /// <summary>Share of training superpixels whose majority pseudo label is wrong (with ground truth).</summary>
    public double? WrongSuperpixelShare { get; init; }

    /// <summary>Share of training superpixels spanning two ground-truth classes (with ground truth).</summary>
    public double? MixedSuperpixelShare { get; init; }

    /// <summary>Problems that make the folder unusable, each naming the file and the reason.</summary>
    public IReadOnlyList<string> Errors { get; init; } = [];

    /// <summary>Things worth knowing that do not block use.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Whether the folder is valid.</summary>
    public bool IsValid => Errors.Count == 0;
}
