using System.Text;
using System.Text.Json;
using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training;

/// <summary>
/// The checkpoint file of a segmentation model, one file: the 8 ASCII bytes <c>ALCSEGCK</c>, the format version
/// (int32, little-endian), a length-prefixed UTF-8 JSON header (<see cref="SegmentationCheckpointHeader"/>), then
/// the module's state in TorchSharp's own format (<c>Module.save</c>).
/// </summary>
public static class SegmentationCheckpoint
{
    /// <summary>The layout version this build writes and reads.</summary>
    public const int FormatVersion = 1;

    private static readonly byte[] Magic = "ALCSEGCK"u8.ToArray();

    private static readonly JsonSerializerOptions Json = new() { PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>Reads the header of the checkpoint at <paramref name="path"/>.</summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint of a version this build reads.</exception>
    public static SegmentationCheckpointHeader ReadHeader(string path)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        return ReadHeader(reader, path);
    }

    /// <summary>Writes <paramref name="module"/>'s state under a header for <paramref name="model"/>, atomically (a temporary file renamed over <paramref name="path"/>).</summary>
    internal static void Write(string path, string model, int classCount, nn.Module<Tensor, Tensor> module)
    {
        string full = Path.GetFullPath(path);
        string temporary = full + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            using (FileStream stream = File.Create(temporary))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true))
            {
                var header = new SegmentationCheckpointHeader(FormatVersion, model, classCount, TorchRuntime.TorchSharpVersion);
                byte[] json = JsonSerializer.SerializeToUtf8Bytes(header, Json);
                writer.Write(Magic);
                writer.Write(FormatVersion);
                writer.Write(json.Length);
                writer.Write(json);
                using (var scope = NewDisposeScope())
                {
                    module.save(writer);
                }

                writer.Flush();
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    /// <summary>
    /// Loads the weights at <paramref name="path"/> into <paramref name="module"/> after checking that the header
    /// names <paramref name="model"/> with <paramref name="classCount"/> classes.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a checkpoint, or holds another model or class count.</exception>
    internal static void Read(string path, string model, int classCount, nn.Module<Tensor, Tensor> module)
    {
        using FileStream stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        SegmentationCheckpointHeader header = ReadHeader(reader, path);
        Check(header, path, model, classCount);
        using var scope = NewDisposeScope();
        module.load(reader, strict: true);
    }

    /// <summary>Refuses a checkpoint whose model or class count differs from the expected one.</summary>
    /// <exception cref="InvalidDataException">The header names another model or class count.</exception>
    internal static void Check(SegmentationCheckpointHeader header, string path, string model, int classCount)
    {
        if (!string.Equals(header.Model, model, StringComparison.Ordinal) || header.ClassCount != classCount)
        {
            throw new InvalidDataException(
                $"Checkpoint '{path}' holds model '{header.Model}' with {header.ClassCount} classes; expected model '{model}' with {classCount} classes. " +
                "Load it with the model and class count it was trained with, or train a new model.");
        }
    }

    private static SegmentationCheckpointHeader ReadHeader(BinaryReader reader, string path)
    {
        byte[] magic = reader.ReadBytes(Magic.Length);
        if (!magic.AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not an ALC segmentation checkpoint (it does not start with ALCSEGCK).");
        }

        try
        {
            int version = reader.ReadInt32();
            if (version != FormatVersion)
            {
                throw new InvalidDataException($"Checkpoint '{path}' has format version {version}; this build reads version {FormatVersion}.");
            }

            int length = reader.ReadInt32();
            if (length <= 0 || length > 1 << 20)
            {
                throw new InvalidDataException($"Checkpoint '{path}' has a header of {length} bytes; it is damaged.");
            }

            byte[] json = reader.ReadBytes(length);
            SegmentationCheckpointHeader? header = json.Length == length ? JsonSerializer.Deserialize<SegmentationCheckpointHeader>(json, Json) : null;
            if (header is null || string.IsNullOrEmpty(header.Model) || header.ClassCount <= 0)
            {
                throw new InvalidDataException($"Checkpoint '{path}' has an unreadable header; it is damaged.");
            }

            return header;
        }
        catch (Exception ex) when (ex is EndOfStreamException or JsonException)
        {
            throw new InvalidDataException($"Checkpoint '{path}' is truncated or has an unreadable header; it is damaged.", ex);
        }
    }
}
