namespace Alc.Imaging.Png;

/// <summary>
/// The concatenated data of consecutive IDAT chunks as a read-only stream, for the zlib inflater.
/// Each chunk's CRC is checked when its data is used up. When the next chunk is not an IDAT the stream
/// ends and that chunk's header stays current in the <see cref="PngChunkReader"/> for the caller.
/// </summary>
internal sealed class IdatStream : Stream
{
    private readonly PngChunkReader _reader;

    /// <summary>Starts on an IDAT chunk whose header the reader has just read.</summary>
    public IdatStream(PngChunkReader reader) => _reader = reader;

    /// <summary>True once the IDAT sequence has ended (the reader is on the following chunk's header).</summary>
    public bool Finished { get; private set; }

    /// <summary>True when the underlying stream itself threw an <see cref="IOException"/> (as opposed to the inflater).</summary>
    public bool SourceFailed { get; private set; }

    /// <inheritdoc/>
    public override bool CanRead => true;

    /// <inheritdoc/>
    public override bool CanSeek => false;

    /// <inheritdoc/>
    public override bool CanWrite => false;

    /// <inheritdoc/>
    public override long Length => throw new NotSupportedException();

    /// <inheritdoc/>
    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <inheritdoc/>
    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    /// <inheritdoc/>
    public override int Read(Span<byte> buffer)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        try
        {
            while (!Finished)
            {
                if (_reader.Remaining > 0)
                {
                    return _reader.Read(buffer);
                }

                _reader.EndChunk();
                _reader.NextChunk();
                Finished = _reader.Type != ChunkTypes.Idat;
            }

            return 0;
        }
        catch (IOException)
        {
            SourceFailed = true;
            throw;
        }
    }

    /// <summary>Reads past whatever IDAT data is left (checking CRCs) until the sequence ends.</summary>
    public void Drain()
    {
        var buffer = new byte[4096];
        while (Read(buffer) > 0)
        {
        }
    }

    /// <inheritdoc/>
    public override void Flush()
    {
    }

    /// <inheritdoc/>
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void SetLength(long value) => throw new NotSupportedException();

    /// <inheritdoc/>
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
