using System.Buffers.Binary;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The pixel size of an uploaded image, read from its header only: a PNG's IHDR chunk (which the PNG specification puts
/// first, right after the 8-byte signature) or a JPEG's first start-of-frame marker (SOF0..SOF15 except DHT, JPG and DAC).
/// CVAT decodes uploads with Pillow and reads every format it knows; the fake knows these two, and a file that is
/// neither fails the upload.
/// </summary>
internal static class FakeImageHeader
{
    private static ReadOnlySpan<byte> PngSignature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The width and height the header declares, or null when the bytes are not a PNG or JPEG with a usable header.</summary>
    public static (int Width, int Height)? Read(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith(PngSignature))
        {
            return Png(bytes);
        }

        return bytes.Length > 2 && bytes[0] == 0xFF && bytes[1] == 0xD8 ? Jpeg(bytes) : null;
    }

    private static (int Width, int Height)? Png(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 24 || !bytes[12..16].SequenceEqual("IHDR"u8))
        {
            return null;
        }

        uint width = BinaryPrimitives.ReadUInt32BigEndian(bytes[16..]);
        uint height = BinaryPrimitives.ReadUInt32BigEndian(bytes[20..]);
        return width is > 0 and <= int.MaxValue && height is > 0 and <= int.MaxValue ? ((int)width, (int)height) : null;
    }

    private static (int Width, int Height)? Jpeg(ReadOnlySpan<byte> bytes)
    {
        int at = 2;
        while (at < bytes.Length)
        {
            if (bytes[at] != 0xFF)
            {
                return null;
            }

            while (at < bytes.Length && bytes[at] == 0xFF)
            {
                at++;
            }

            if (at >= bytes.Length)
            {
                return null;
            }

            byte marker = bytes[at];
            if (marker is 0x01 or (>= 0xD0 and <= 0xD7))
            {
                at++;
                continue;
            }

            if (marker is 0xD9 or 0xDA || at + 2 >= bytes.Length)
            {
                return null;
            }

            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 1)..]);
            bool startOfFrame = marker is >= 0xC0 and <= 0xCF and not (0xC4 or 0xC8 or 0xCC);
            if (startOfFrame)
            {
                if (at + 8 >= bytes.Length)
                {
                    return null;
                }

                int height = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 4)..]);
                int width = BinaryPrimitives.ReadUInt16BigEndian(bytes[(at + 6)..]);
                return width > 0 && height > 0 ? (width, height) : null;
            }

            if (length < 2)
            {
                return null;
            }

            at += 1 + length;
        }

        return null;
    }
}
