using System.Globalization;
using Alc.Core;
using Alc.Core.Superpixels;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Hosting;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Importers;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// One-step import of a server path in another format: the offline importers (<see cref="VocImporter"/>,
/// <see cref="CocoImporter"/>) convert it into an ALC folder in scratch space, which <see cref="DatasetImporter"/> then
/// validates and stores like any other; the scratch folder is deleted whatever happens. The labels are imported as the
/// pseudo labels D0 (they are what the campaign corrects).
/// </summary>
internal sealed class ForeignImports(DatasetImporter importer, EnginePaths paths)
{
    /// <summary>The fewest SLIC superpixels per image a VOC import may ask for.</summary>
    public const int MinSlicSegments = 10;

    /// <summary>The most SLIC superpixels per image a VOC import may ask for (more cost memory and time for no gain at VOC sizes).</summary>
    public const int MaxSlicSegments = 5000;

    /// <summary>SLIC superpixels per image when the request names none (the offline <c>import-voc</c>'s default).</summary>
    public const int DefaultSlicSegments = 300;

    /// <summary>Imports what <paramref name="request"/> names (its paths already resolved under the import roots); returns the dataset id.</summary>
    /// <param name="request">The request.</param>
    /// <param name="path">The resolved <see cref="ImportDatasetRequest.Path"/>.</param>
    /// <param name="images">The resolved <see cref="ImportDatasetRequest.Images"/> (coco only), else null.</param>
    public long Import(ImportDatasetRequest request, string path, string? images)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.Format == ImportFormat.Alc)
        {
            return importer.ImportFolder(request.Name, path);
        }

        string scratch = paths.TemporaryFolder();
        try
        {
            string converted = Path.Combine(scratch, "dataset");
            if (request.Format == ImportFormat.Voc)
            {
                int segments = request.SlicSegments;
                VocImporter.Import(path, converted, LabelRole.Pseudo,
                    image => Slic.SegmentMap(image.Rgb, image.Width, image.Height, new SlicOptions { SegmentCount = segments }));
            }
            else
            {
                CocoImporter.Import(path, images!, converted, LabelRole.Pseudo);
            }

            return importer.ImportFolder(request.Name, converted);
        }
        finally
        {
            Directory.Delete(scratch, recursive: true);
        }
    }

    /// <summary>Checks the fields that depend on the format before anything is read; a 400 names the field.</summary>
    public static void Validate(ImportDatasetRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!Enum.IsDefined(request.Format))
        {
            throw ApiProblemException.BadRequest("format must be alc, voc or coco.");
        }

        if (request.Format == ImportFormat.Coco && string.IsNullOrWhiteSpace(request.Images))
        {
            throw ApiProblemException.BadRequest("images is required for format coco: the server folder the JSON's file_name entries are relative to.");
        }

        if (request.Format != ImportFormat.Coco && request.Images is not null)
        {
            throw ApiProblemException.BadRequest("images applies to format coco only.");
        }

        if (request.SlicSegments is < MinSlicSegments or > MaxSlicSegments)
        {
            throw ApiProblemException.BadRequest(string.Create(CultureInfo.InvariantCulture,
                $"slicSegments must be {MinSlicSegments}–{MaxSlicSegments} (got {request.SlicSegments})."));
        }

        if (request.Format != ImportFormat.Voc && request.SlicSegments != DefaultSlicSegments)
        {
            throw ApiProblemException.BadRequest("slicSegments applies to format voc only.");
        }
    }
}
