using System.Buffers.Binary;

namespace Alc.Imaging.Png;

/// <summary>
/// Reads a PNG byte stream chunk by chunk: the signature, each chunk's length and type, its data (in
/// pieces, so a large chunk is never buffered whole) and its CRC, which is always checked.
/// </summary>
internal sealed class PngChunkReader
{
    /// <summary>The 8-byte PNG file signature.</summary>
    public static ReadOnlySpan<byte> Signature => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>The largest chunk length the specification allows (2³¹ − 1).</summary>
    public const uint MaxChunkLength = int.MaxValue;

    private readonly Stream _stream;
    private readonly long _maxBytes;
    private readonly byte[] _scratch = new byte[8];
    private uint _crc;
    private long _remaining;
    private long _consumed;

    /// <summary>Reads <paramref name="stream"/>, refusing to read more than <paramref name="maxBytes"/> bytes of it.</summary>
    public PngChunkReader(Stream stream, string fileName, long maxBytes)
    {
        _stream = stream;
        FileName = fileName;
        _maxBytes = maxBytes;
    }

    /// <summary>The file name used in error messages.</summary>
    public string FileName { get; }

    /// <summary>The current chunk's type as four ASCII letters packed big-endian.</summary>
    public uint Type { get; private set; }

    /// <summary>The current chunk's data length.</summary>
    public uint Length { get; private set; }

    /// <summary>Data bytes of the current chunk not yet read.</summary>
    public long Remaining => _remaining;

    /// <summary>The current chunk's type as text.</summary>
    public string TypeName => ChunkTypes.Name(Type);

    /// <summary>Reads and checks the 8-byte signature.</summary>
    public void ReadSignature()
    {
        int n = ReadStream(_scratch.AsSpan(0, 8));
        if (n < 8 || !_scratch.AsSpan(0, 8).SequenceEqual(Signature))
        {
            throw Fail(n == 0 ? "the file is empty" : "not a PNG file (the 8-byte PNG signature is missing)");
        }
    }

    /// <summary>Reads the next chunk's length and type; the previous chunk must have been ended.</summary>
    public void NextChunk()
    {
        int n = ReadStream(_scratch.AsSpan(0, 8));
        if (n < 8)
        {
            throw Fail("the file is truncated: it ends before the IEND chunk");
        }

        uint length = BinaryPrimitives.ReadUInt32BigEndian(_scratch);
        ReadOnlySpan<byte> type = _scratch.AsSpan(4, 4);
        foreach (byte b in type)
        {
            if (!char.IsAsciiLetter((char)b))
            {
                throw Fail($"a chunk type must be four ASCII letters, found bytes {Convert.ToHexString(type)} (the file is corrupt)");
            }
        }

        Type = BinaryPrimitives.ReadUInt32BigEndian(type);
        if (length > MaxChunkLength)
        {
            throw Fail($"chunk {TypeName} declares length {length}, more than the 2^31-1 the PNG format allows");
        }

        Length = length;
        _remaining = length;
        _crc = Crc32.Update(Crc32.Initial, type);
    }

    /// <summary>Reads up to <paramref name="destination"/>.Length bytes of the current chunk's data; returns the count (0 at the chunk's end).</summary>
    public int Read(Span<byte> destination)
    {
        int want = (int)Math.Min(destination.Length, _remaining);
        if (want == 0)
        {
            return 0;
        }

        int n = ReadStream(destination[..want]);
        if (n < want)
        {
            throw Fail($"the file is truncated inside chunk {TypeName} ({Length - _remaining + n} of {Length} data bytes present)");
        }

        _crc = Crc32.Update(_crc, destination[..want]);
        _remaining -= want;
        return want;
    }

    /// <summary>Reads the whole data of the current chunk into a new array; callers bound <see cref="Length"/> first.</summary>
    public byte[] ReadAll()
    {
        var data = new byte[Length];
        Read(data);
        return data;
    }

    /// <summary>Reads past the rest of the current chunk's data (still checking its CRC).</summary>
    public void SkipData()
    {
        if (_remaining == 0)
        {
            return;
        }

        var buffer = new byte[(int)Math.Min(_remaining, 16384)];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <summary>Reads and verifies the current chunk's CRC; all its data must have been read.</summary>
    public void EndChunk()
    {
        if (_remaining != 0)
        {
            throw new InvalidOperationException("Chunk data left unread.");
        }

        int n = ReadStream(_scratch.AsSpan(0, 4));
        if (n < 4)
        {
            throw Fail($"the file is truncated inside the CRC of chunk {TypeName}");
        }

        uint stored = BinaryPrimitives.ReadUInt32BigEndian(_scratch);
        uint computed = Crc32.Finish(_crc);
        if (stored != computed)
        {
            throw Fail($"chunk {TypeName} has a bad CRC (stored 0x{stored:X8}, computed 0x{computed:X8}): the file is corrupt");
        }
    }

    /// <summary>True when the stream has no bytes left (read after IEND).</summary>
    public bool AtEndOfStream() => _stream.ReadAtLeast(_scratch.AsSpan(0, 1), 1, throwOnEndOfStream: false) == 0;

    /// <summary>Reads until <paramref name="destination"/> is full or the stream ends; returns the count read.</summary>
    private int ReadStream(Span<byte> destination)
    {
        if (_consumed + destination.Length > _maxBytes)
        {
            throw Fail($"the file is larger than the limit of {_maxBytes} bytes");
        }

        int n = _stream.ReadAtLeast(destination, destination.Length, throwOnEndOfStream: false);
        _consumed += n;
        return n;
    }

    /// <summary>A <see cref="MapFormatException"/> for this file.</summary>
    public MapFormatException Fail(string reason, Exception? inner = null) => new(FileName, reason, inner);
}
