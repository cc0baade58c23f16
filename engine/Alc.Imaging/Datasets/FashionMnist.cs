using System.Buffers.Binary;
using System.IO.Compression;
using Alc.Core.World;

namespace Alc.Imaging.Datasets;

/// <summary>
/// Reads Fashion-MNIST (Zalando, MIT): 70,000 real 28×28 grayscale product photos in 10 classes, in the IDX files
/// (gzip) that Debian's <c>dataset-fashion-mnist</c> package installs, as the <see cref="PhotoCatalog"/> of the photo
/// world: the training file's photos are placed in scenes, the test file's are the classifier's shot pool.
/// </summary>
public static class FashionMnist
{
    /// <summary>Where Debian's <c>dataset-fashion-mnist</c> installs the files.</summary>
    public const string DefaultDirectory = "/usr/share/datasets/fashion-mnist";

    /// <summary>The ten classes in label order (T-shirt/top, Trouser, Pullover, Dress, Coat, Sandal, Shirt, Sneaker, Bag, Ankle boot).</summary>
    public static IReadOnlyList<string> ClassNames { get; } =
        ["t-shirt", "trouser", "pullover", "dress", "coat", "sandal", "shirt", "sneaker", "bag", "ankle-boot"];

    /// <summary>The files a catalog needs: (images, labels) for the scene items, then for the shot pool.</summary>
    public static IReadOnlyList<string> Files { get; } =
        ["train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz", "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz"];

    /// <summary>Loads the catalog from <paramref name="directory"/> (default <see cref="DefaultDirectory"/>).</summary>
    /// <exception cref="FileNotFoundException">A file is missing; the message says how to install the dataset.</exception>
    /// <exception cref="DatasetFormatException">A file is not a valid IDX file or images and labels disagree.</exception>
    public static PhotoCatalog Load(string? directory = null)
    {
        directory ??= DefaultDirectory;
        foreach (string file in Files)
        {
            string path = Path.Combine(directory, file);
            if (!File.Exists(path))
            {
                throw new FileNotFoundException(
                    $"Fashion-MNIST is not installed: {path} is missing. On Debian or Ubuntu run `apt-get install dataset-fashion-mnist`, " +
                    "or download the four *-ubyte.gz files of github.com/zalandoresearch/fashion-mnist into a folder and pass it with --fashion-mnist.", path);
            }
        }

        return new PhotoCatalog(ClassNames, Read(directory, Files[0], Files[1]), Read(directory, Files[2], Files[3]));
    }

    /// <summary>Reads one (images, labels) pair of IDX files.</summary>
    public static IReadOnlyList<ItemPhoto> Read(string directory, string imagesFile, string labelsFile)
    {
        var (imageShape, images) = ReadIdx(Path.Combine(directory, imagesFile), 0x0803, 3);
        var (labelShape, labels) = ReadIdx(Path.Combine(directory, labelsFile), 0x0801, 1);
        if (imageShape[0] != labelShape[0])
        {
            throw new DatasetFormatException(labelsFile, $"holds {labelShape[0]} labels for the {imageShape[0]} images of {imagesFile}");
        }

        if (imageShape[1] != imageShape[2])
        {
            throw new DatasetFormatException(imagesFile, $"holds {imageShape[1]}×{imageShape[2]} images; the photo world takes square photos");
        }

        int side = imageShape[1], count = imageShape[0];
        var photos = new ItemPhoto[count];
        for (int i = 0; i < count; i++)
        {
            if (labels[i] >= ClassNames.Count)
            {
                throw new DatasetFormatException(labelsFile, $"label {labels[i]} at item {i} is not one of the {ClassNames.Count} classes");
            }

            photos[i] = new ItemPhoto(images.AsSpan(i * side * side, side * side).ToArray(), side, labels[i]);
        }

        return photos;
    }

    // IDX: a big-endian magic (0x08 = unsigned bytes, then the rank), one big-endian int32 per dimension, then the bytes.
    private static (int[] Shape, byte[] Data) ReadIdx(string path, int magic, int rank)
    {
        string name = Path.GetFileName(path);
        try
        {
            using var gzip = new GZipStream(File.OpenRead(path), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            gzip.CopyTo(buffer);
            var bytes = buffer.GetBuffer().AsSpan(0, (int)buffer.Length);
            int header = 4 + (4 * rank);
            if (bytes.Length < header || BinaryPrimitives.ReadInt32BigEndian(bytes) != magic)
            {
                throw new DatasetFormatException(name, $"is not an IDX file of rank {rank} with unsigned bytes (magic 0x{magic:X8})");
            }

            var shape = new int[rank];
            long total = 1;
            for (int d = 0; d < rank; d++)
            {
                shape[d] = BinaryPrimitives.ReadInt32BigEndian(bytes[(4 + (4 * d))..]);
                total *= shape[d];
            }

            if (shape.Any(s => s <= 0) || bytes.Length - header != total)
            {
                throw new DatasetFormatException(name, $"declares {string.Join('×', shape)} values but holds {bytes.Length - header} bytes");
            }

            return (shape, bytes[header..].ToArray());
        }
        catch (InvalidDataException ex)
        {
            throw new DatasetFormatException(name, "is not a gzip file", ex);
        }
    }
}
