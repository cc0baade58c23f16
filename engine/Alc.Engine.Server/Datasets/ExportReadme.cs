using Alc.Campaigns;
using Alc.Campaigns.Projects;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// The <c>README.txt</c> of an export: which labels the <c>SegmentationClass/</c> PNGs hold, so a file someone finds
/// later says whether it is the corrected dataset or the labels it started from.
/// </summary>
internal static class ExportReadme
{
    private const string Format =
        "The PNGs in SegmentationClass/ are palette images: each pixel's index is its class id (class_names.txt lists the classes by id, "
        + "from 0) and 255 is void (no class is right there). JPEGImages/ holds the photos and ImageSets/Segmentation/ the splits.";

    /// <summary>A project export: D_t for the training split, the imported labels elsewhere.</summary>
    public static string Project(CampaignState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        string automated = state.Settings.Acquisition == StrategyNames.Default
            ? ", then, round by round, the changes the default strategy made without a click (pixels its judges were sure of) and"
            : ", then, round by round,";
        return $"Alc.Engine export of project '{state.Project.Name}' (id {state.Project.Id}, dataset {state.Project.DatasetId}, "
            + $"strategy {state.Settings.Acquisition}).\n\n"
            + $"Training images (ImageSets/Segmentation/train.txt): the corrected labels D_t, that is the pseudo labels D0 the dataset was imported with{automated} "
            + "the annotators' accepted answers, each expanded to the superpixel or region its query covered.\n"
            + "Every other split: the labels it was imported with (ground truth where the dataset has it, else its pseudo labels).\n\n"
            + Format;
    }

    /// <summary>A dataset export of its stored pseudo labels or ground truth.</summary>
    public static string Dataset(string name, long id, bool groundTruth) =>
        $"Alc.Engine export of dataset '{name}' (id {id}): "
        + (groundTruth ? "its ground truth as imported (images without ground truth are left out).\n\n" : "its pseudo labels D0 as imported, before any correction.\n\n")
        + Format;
}
