using Alc.Core.Maps;
using Alc.Core.Masks;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;

namespace Alc.Imaging.Importers;

/// <summary>
/// Imports SAM automatic-mask-generator output — one folder per image stem holding one binary PNG per mask
/// (<c>0.png</c>, <c>1.png</c>, …; nonzero = inside) — as the superpixels of an existing ALC dataset: masks are
/// painted largest first (smaller on top), ids 1..k in painting order, 0 where no mask covers a pixel.
/// </summary>
public static class SamMaskImporter
{
    /// <summary>Reads <c>masksRoot/&lt;stem&gt;/*.png</c> for every stem of the dataset at <paramref name="datasetRoot"/>.</summary>
    /// <exception cref="DatasetFormatException">A stem has no mask folder, or a mask is unreadable or of the wrong size; nothing is written then.</exception>
    public static ImportSummary Import(string masksRoot, string datasetRoot, IProgress<(int Done, int Total)>? progress = null)
    {
        var dataset = DatasetFolder.Open(datasetRoot);
        var stems = dataset.AllStems.ToList();
        using var staged = new StagedImport(datasetRoot);
        int done = 0;
        foreach (string stem in stems)
        {
            string folder = Path.Combine(masksRoot, stem);
            if (!Directory.Exists(folder))
            {
                throw new DatasetFormatException($"{stem}/", $"no mask folder for this image under {masksRoot}");
            }

            var size = dataset.ImageSize(stem);
            var masks = new List<ObjectMask>();
            foreach (string file in Directory.EnumerateFiles(folder, "*.png").Order(StringComparer.Ordinal))
            {
                using var stream = File.OpenRead(file);
                // A binary mask is a 2-class label map: 0 outside, 1 inside (8-bit 0/255 masks are normalised first).
                var png = Png.PngMapCodec.Read(stream, $"{stem}/{Path.GetFileName(file)}");
                png.Size.RequireEqual(size, $"{stem}/{Path.GetFileName(file)}");
                byte[] values = png.ToBytes();
                masks.Add(new ObjectMask(values.Select(v => v == 0 ? (byte)0 : (byte)1).ToArray()));
            }

            var painted = MaskPainter.Paint(size.Width, size.Height, dataset.ClassCount, masks);
            staged.Writer.WriteSuperpixels(stem, new SuperpixelMap(size.Width, size.Height, painted.Superpixels));
            // Counted outside the call: "progress?." skips its arguments when there is no progress.
            done++;
            progress?.Report((done, stems.Count));
        }

        staged.Commit();
        return new ImportSummary(new Dictionary<string, int> { ["superpixels"] = done }, dataset.ClassCount, []);
    }
}
