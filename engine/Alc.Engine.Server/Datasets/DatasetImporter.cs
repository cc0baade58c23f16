using Alc.Campaigns.Projects;
using Alc.Core;
using Alc.Core.Maps;
using Alc.Engine.Server.Problems;
using Alc.Imaging.Datasets;
using Alc.Imaging.Maps;
using Alc.Imaging.Photos;
using Alc.Storage;
using Alc.Storage.Datasets;

namespace Alc.Engine.Server.Datasets;

/// <summary>
/// Brings images into the engine: a whole ALC-format folder (validated first, every problem reported, nothing
/// stored unless all of it is valid) or one image's files. Arrays go to the blob store before the rows naming them commit.
/// </summary>
internal sealed class DatasetImporter(BlobStore blobs, DatasetRepository datasets)
{
    /// <summary>Imports the folder at <paramref name="root"/> as dataset <paramref name="name"/>; returns its id.</summary>
    public long ImportFolder(string name, string root, IProgress<(int Done, int Total)>? progress = null)
    {
        RequireName(name);
        if (datasets.FindByName(name) is not null)
        {
            throw ApiProblemException.Conflict($"A dataset named '{name}' already exists.");
        }

        var report = DatasetValidator.Validate(root, progress);
        if (!report.IsValid)
        {
            throw ApiProblemException.Unprocessable($"The dataset folder has {report.Errors.Count} problem(s); nothing was imported.",
                new Dictionary<string, string[]> { ["dataset"] = report.Errors.ToArray() });
        }

        var folder = DatasetFolder.Open(root);
        var rows = new List<ImageRow>();
        foreach (var (split, stems) in folder.Splits)
        {
            foreach (string stem in stems)
            {
                byte[] photo = File.ReadAllBytes(folder.Layout.ImageFile(stem));
                var size = RgbImageCodec.ReadSize(photo, stem);
                rows.Add(Store(stem, split, size.Width, size.Height, photo, folder.ReadPseudo(stem, size), folder.ReadSuperpixels(stem, size),
                    folder.ReadGroundTruth(stem, size)));
            }
        }

        return datasets.Create(name, folder.Classes, rows);
    }

    /// <summary>Creates an empty dataset with <paramref name="classes"/>; returns its id.</summary>
    public long Create(string name, IReadOnlyList<ClassInfo> classes)
    {
        RequireName(name);
        var problems = ClassProblems(classes);
        if (problems.Count > 0)
        {
            throw ApiProblemException.BadRequest("The class list is invalid.", new Dictionary<string, string[]> { ["classes"] = problems.ToArray() });
        }

        return datasets.Create(name, classes, []);
    }

    /// <summary>Adds one image from its uploaded files; every file is decoded and checked against the photo's size and the classes.</summary>
    public long AddImage(long datasetId, int classCount, string stem, string split, Stream photo, Stream pseudo, Stream superpixels, Stream? groundTruth)
    {
        if (DatasetLayout.StemProblem(stem) is string problem)
        {
            throw ApiProblemException.BadRequest($"stem: {problem}");
        }

        if (split is not ("train" or "val"))
        {
            throw ApiProblemException.BadRequest($"split must be train or val (got '{split}').");
        }

        using var buffer = new MemoryStream();
        photo.CopyTo(buffer);
        byte[] photoBytes = buffer.ToArray();
        var image = RgbImageCodec.Decode(photoBytes, "image");
        var labels = LabelMapFile.Read(pseudo, "pseudo", classCount, image.Size);
        var ids = SuperpixelMapFile.Read(superpixels, "superpixels", image.Size);
        var truth = groundTruth is null ? null : LabelMapFile.Read(groundTruth, "gt", classCount, image.Size);
        return datasets.AddImage(datasetId, Store(stem, split, image.Width, image.Height, photoBytes, labels, ids, truth));
    }

    private ImageRow Store(string stem, string split, int width, int height, byte[] photo, LabelMap pseudo, SuperpixelMap superpixels, LabelMap? truth) => new()
    {
        Stem = stem,
        Split = split,
        Width = width,
        Height = height,
        ImageBlob = blobs.Put(photo),
        PseudoBlob = blobs.Put(StoredImages.Raw(pseudo)),
        SuperpixelBlob = blobs.Put(StoredImages.Raw(superpixels)),
        GtBlob = truth is null ? null : blobs.Put(StoredImages.Raw(truth)),
    };

    private static void RequireName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name.Length > 100)
        {
            throw ApiProblemException.BadRequest("name is required (1–100 characters).");
        }
    }

    private static List<string> ClassProblems(IReadOnlyList<ClassInfo> classes)
    {
        var problems = new List<string>();
        if (classes is null || classes.Count < 2 || classes.Count > LabelMap.MaxClasses)
        {
            problems.Add($"a dataset needs 2..{LabelMap.MaxClasses} classes");
            return problems;
        }

        for (int i = 0; i < classes.Count; i++)
        {
            var c = classes[i];
            if (c.Id != i)
            {
                problems.Add($"classes[{i}]: ids must be 0..n−1 in order (got {c.Id})");
            }

            if (string.IsNullOrWhiteSpace(c.Name))
            {
                problems.Add($"classes[{i}]: name is required");
            }

            if (c.Color is null || !System.Text.RegularExpressions.Regex.IsMatch(c.Color, "^#[0-9a-fA-F]{6}$"))
            {
                problems.Add($"classes[{i}]: color must be #rrggbb (got '{c.Color}')");
            }
        }

        if (classes.Select(c => c.Name).Distinct(StringComparer.Ordinal).Count() != classes.Count)
        {
            problems.Add("class names must be unique");
        }

        return problems;
    }
}
