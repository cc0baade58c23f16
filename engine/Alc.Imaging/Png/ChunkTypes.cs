using System.Buffers.Binary;
using System.Text;

namespace Alc.Imaging.Png;

/// <summary>The chunk types the codec knows, as big-endian packed ASCII.</summary>
internal static class ChunkTypes
{
    public const uint Ihdr = 0x49484452;
    public const uint Plte = 0x504C5445;
    public const uint Idat = 0x49444154;
    public const uint Iend = 0x49454E44;
    public const uint Trns = 0x74524E53;

    /// <summary>A critical chunk has an upper-case first letter (bit 5 of its first byte clear).</summary>
    public static bool IsCritical(uint type) => (type & 0x20000000u) == 0;

    /// <summary>The four letters of a chunk type.</summary>
    public static string Name(uint type)
    {
        Span<byte> bytes = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32BigEndian(bytes, type);
        return Encoding.ASCII.GetString(bytes);
    }
}
