using System.Buffers;

namespace Alc.Core.Rle;

/// <summary>A growable list of run lengths on pooled storage, so building counts allocates nothing per pixel.</summary>
/// <remarks>Owned by one method at a time; return the storage with <see cref="Dispose"/> in a finally block.</remarks>
internal sealed class RunBuffer : IDisposable
{
    private uint[] _items;
    private int _count;

    public RunBuffer(int capacity)
    {
        _items = ArrayPool<uint>.Shared.Rent(Math.Max(capacity, 16));
    }

    /// <summary>The runs added so far (valid until the next <see cref="Add"/> or <see cref="Dispose"/>).</summary>
    public Span<uint> Items => _items.AsSpan(0, _count);

    public void Add(uint value)
    {
        if (_count == _items.Length)
        {
            Grow();
        }

        _items[_count++] = value;
    }

    public void AddRange(ReadOnlySpan<uint> values)
    {
        foreach (uint value in values)
        {
            Add(value);
        }
    }

    public void Clear() => _count = 0;

    public uint[] ToArray() => Items.ToArray();

    public void Dispose()
    {
        uint[] items = _items;
        _items = [];
        _count = 0;
        if (items.Length > 0)
        {
            ArrayPool<uint>.Shared.Return(items);
        }
    }

    private void Grow()
    {
        int size = (int)Math.Min((long)_items.Length * 2, Array.MaxLength);
        uint[] bigger = ArrayPool<uint>.Shared.Rent(size);
        _items.AsSpan(0, _count).CopyTo(bigger);
        ArrayPool<uint>.Shared.Return(_items);
        _items = bigger;
    }
}
