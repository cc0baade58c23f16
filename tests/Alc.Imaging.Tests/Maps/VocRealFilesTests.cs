using System.Buffers.Binary;
using System.Globalization;
using System.Text;
using Alc.Core.Maps;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;

namespace Alc.Imaging.Tests.Maps;

/// <summary>
/// Real PASCAL VOC files from Debian's <c>labelme-examples</c> package (installed by build/test.sh with
/// <c>apt-get install -y labelme-examples</c>; not committed): palette PNG masks checked against the
/// package's own NumPy arrays of the same labels, and the JPEG photos they belong to.
/// </summary>
public class VocRealFilesTests
{
    private const string Root = "/usr/share/doc/labelme-examples/examples/semantic_segmentation/data_dataset_voc";

    public static TheoryData<string> Stems => new() { "2011_000003", "2011_000006", "2011_000025" };

    [Theory]
    [MemberData(nameof(Stems))]
    public void Voc_palette_masks_read_by_index_match_the_packaged_label_arrays(string stem)
    {
        RequirePackage();
        string png = Path.Combine(Root, "SegmentationClassPNG", stem + ".png");
        int classes = File.ReadAllLines(Path.Combine(Root, "class_names.txt")).Count(l => l.Length > 0);
        Assert.Equal(21, classes);

        RgbImage photo = RgbImageCodec.Decode(Path.Combine(Root, "JPEGImages", stem + ".jpg"));
        LabelMap map = LabelMapFile.Read(png, classes, photo.Size);

        (int width, int height, int[] expected) = ReadNpyInt32(Path.Combine(Root, "SegmentationClass", stem + ".npy"));
        Assert.Equal((width, height), (map.Width, map.Height));
        byte[] labels = map.Labels.ToArray();
        for (int i = 0; i < expected.Length; i++)
        {
            // labelme stores "ignore" as -1 in the array and as index 255 in the PNG.
            byte want = expected[i] < 0 ? LabelMap.Ignore : (byte)expected[i];
            Assert.True(want == labels[i], $"pixel {i}: expected {want}, read {labels[i]}");
        }

        Assert.Contains(labels, l => l is not 0 and not LabelMap.Ignore);
    }

    [Fact]
    public void Voc_masks_fail_when_the_dataset_has_fewer_classes()
    {
        RequirePackage();
        string png = Path.Combine(Root, "SegmentationClassPNG", "2011_000003.png");
        var ex = Assert.Throws<MapFormatException>(() => LabelMapFile.Read(png, 10));
        Assert.Matches(@"^.*2011_000003\.png: pixel \(x=\d+, y=\d+\) has class 15 but the dataset has 10 classes", ex.Message);
    }

    private static void RequirePackage() =>
        Assert.True(Directory.Exists(Root), $"{Root} is missing: run `apt-get install -y labelme-examples` (build/test.sh does).");

    /// <summary>Reads a C-order little-endian int32 2-D .npy file (format version 1.0).</summary>
    private static (int Width, int Height, int[] Values) ReadNpyInt32(string path)
    {
        byte[] bytes = File.ReadAllBytes(path);
        int headerLength = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8));
        string header = Encoding.ASCII.GetString(bytes, 10, headerLength);
        Assert.Contains("'descr': '<i4'", header, StringComparison.Ordinal);
        Assert.Contains("'fortran_order': False", header, StringComparison.Ordinal);
        string shape = header[(header.IndexOf("'shape': (", StringComparison.Ordinal) + 10)..];
        int[] dims = [.. shape[..shape.IndexOf(')', StringComparison.Ordinal)].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(s => int.Parse(s, CultureInfo.InvariantCulture))];
        var values = new int[dims[0] * dims[1]];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(10 + headerLength + (4 * i)));
        }

        return (dims[1], dims[0], values);
    }
}
