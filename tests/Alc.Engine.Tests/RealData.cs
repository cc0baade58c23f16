namespace Alc.Engine.Tests;

/// <summary>Real PASCAL VOC photos and masks from Debian's labelme-examples (installed by build/test.sh).</summary>
internal static class RealData
{
    private const string Root = "/usr/share/doc/labelme-examples/examples";

    public static string Voc => Require(Path.Combine(Root, "semantic_segmentation", "data_dataset_voc"));

    public static string Coco => Require(Path.Combine(Root, "instance_segmentation", "data_dataset_coco"));

    private static string Require(string path) => Directory.Exists(path)
        ? path
        : throw new InvalidOperationException($"{path} is missing: run `apt-get install -y labelme-examples` (build/test.sh does).");
}
