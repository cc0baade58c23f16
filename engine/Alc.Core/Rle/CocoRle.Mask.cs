using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Alc.Core.Rle;

/// <content>Encoding row-major masks and decoding (or painting) them back.</content>
public sealed partial class CocoRle
{
    /// <summary>
    /// Encodes a row-major mask (any nonzero byte is a set pixel) as pycocotools <c>encode</c> does for the same
    /// mask in Fortran order: runs are counted down each column; an all-zero mask gives [w·h], an all-one mask [0, w·h].
    /// </summary>
    /// <exception cref="ArgumentException">The size is out of range or the mask length is not width·height.</exception>
    public static CocoRle Encode(ReadOnlySpan<byte> rowMajorMask, int width, int height)
    {
        RequireSize(width, height);
        nint pixels = (nint)width * height;
        if (rowMajorMask.Length != pixels)
        {
            throw new ArgumentException(
                $"Expected {pixels} mask values for a {width}×{height} mask, got {rowMajorMask.Length}.", nameof(rowMajorMask));
        }

        var runs = new RunBuffer(64);
        try
        {
            ref byte origin = ref MemoryMarshal.GetReference(rowMajorMask);
            bool set = false;
            uint run = 0;
            if (width == 1)
            {
                // Row-major is column-major: whole runs at a time with vectorised searches. The first run (0s)
                // may be empty, as in pycocotools; every later run is at least one pixel long.
                ReadOnlySpan<byte> rest = rowMajorMask;
                while (!rest.IsEmpty)
                {
                    int end = set ? rest.IndexOf((byte)0) : rest.IndexOfAnyExcept((byte)0);
                    if (end < 0)
                    {
                        end = rest.Length;
                    }

                    runs.Add((uint)end);
                    rest = rest[end..];
                    set = !set;
                }
            }
            else
            {
                for (int x = 0; x < width; x++)
                {
                    for (nint i = x; i < pixels; i += width)
                    {
                        bool pixel = Unsafe.Add(ref origin, i) != 0;
                        if (pixel != set)
                        {
                            runs.Add(run);
                            run = 0;
                            set = pixel;
                        }

                        run++;
                    }
                }

                runs.Add(run);
            }

            return new CocoRle(width, height, runs.ToArray());
        }
        finally
        {
            runs.Dispose();
        }
    }

    /// <summary>Decodes to a new row-major mask of 0s and 1s.</summary>
    public byte[] Decode()
    {
        byte[] mask = new byte[PixelCount];
        DecodeInto(mask, 1);
        return mask;
    }

    /// <summary>Decodes into <paramref name="rowMajorMask"/>: 1 where the mask is set, 0 elsewhere.</summary>
    /// <exception cref="ArgumentException">The destination length is not width·height.</exception>
    public void Decode(Span<byte> rowMajorMask)
    {
        RequireLength(rowMajorMask.Length, nameof(rowMajorMask));
        rowMajorMask.Clear();
        DecodeInto(rowMajorMask, 1);
    }

    /// <summary>
    /// Paints <paramref name="value"/> into a row-major map wherever the mask is set and leaves the other pixels
    /// alone (painting object masks onto a class or superpixel map; later calls overwrite earlier ones).
    /// </summary>
    /// <exception cref="ArgumentException">The map length is not width·height.</exception>
    public void DecodeInto(Span<byte> rowMajorMap, byte value)
    {
        RequireLength(rowMajorMap.Length, nameof(rowMajorMap));
        ref byte origin = ref MemoryMarshal.GetReference(rowMajorMap);
        long position = 0;
        for (int k = 0; k < _counts.Length; k++)
        {
            uint count = _counts[k];
            if ((k & 1) == 1 && count > 0)
            {
                if (Width == 1)
                {
                    rowMajorMap.Slice((int)position, (int)count).Fill(value);
                }
                else
                {
                    PaintRun(ref origin, position, count, value);
                }
            }

            position += count;
        }
    }

    /// <summary>Writes a column-major run [start, start + length) into a row-major map, a column segment at a time.</summary>
    private void PaintRun(ref byte origin, long start, uint length, byte value)
    {
        int height = Height;
        nint width = Width;
        int column = (int)(start / height);
        int row = (int)(start % height);
        long remaining = length;
        while (remaining > 0)
        {
            int rows = (int)Math.Min(remaining, height - row);
            nint index = row * width + column;
            for (int r = 0; r < rows; r++)
            {
                Unsafe.Add(ref origin, index) = value;
                index += width;
            }

            remaining -= rows;
            column++;
            row = 0;
        }
    }

    private void RequireLength(int length, string paramName)
    {
        if (length != PixelCount)
        {
            throw new ArgumentException($"Expected {PixelCount} values for a {Width}×{Height} mask, got {length}.", paramName);
        }
    }
}
