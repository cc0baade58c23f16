using System.Security.Cryptography;

namespace Alc.Storage;

/// <summary>
/// A content-addressed store for large arrays and checkpoints under the data directory: a blob's name is the
/// SHA-256 of its bytes (<c>blobs/ab/cdef…</c>). Writes go to a temporary file that is flushed to disk and
/// renamed into place, so a blob that exists is complete — and it exists before any database row that
/// references it commits. Reads verify the hash.
/// </summary>
public sealed class BlobStore
{
    /// <summary>A store rooted at <paramref name="root"/> (created when missing).</summary>
    public BlobStore(string root)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    /// <summary>The folder holding the blobs.</summary>
    public string Root { get; }

    /// <summary>Stores <paramref name="bytes"/> and returns their hash (64 lowercase hex digits); storing the same bytes again is a no-op.</summary>
    public string Put(ReadOnlySpan<byte> bytes)
    {
        string hash = Convert.ToHexStringLower(SHA256.HashData(bytes));
        string path = PathOf(hash);
        if (File.Exists(path))
        {
            return hash;
        }

        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        string temporary = Path.Combine(Root, $".{hash}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }

            // A concurrent writer of the same content may have won the race: same name, same bytes.
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary))
            {
                File.Delete(temporary);
            }
        }

        return hash;
    }

    /// <summary>The bytes of blob <paramref name="hash"/>, verified against their hash.</summary>
    /// <exception cref="ArgumentException"><paramref name="hash"/> is not 64 hex digits.</exception>
    /// <exception cref="FileNotFoundException">No such blob.</exception>
    /// <exception cref="InvalidDataException">The file's content no longer matches its name (corruption).</exception>
    public byte[] Get(string hash)
    {
        string path = PathOf(hash);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Blob {hash} is not in the store.", path);
        }

        byte[] bytes = File.ReadAllBytes(path);
        string actual = Convert.ToHexStringLower(SHA256.HashData(bytes));
        if (actual != hash)
        {
            throw new InvalidDataException($"Blob {hash} is corrupt: its content hashes to {actual}.");
        }

        return bytes;
    }

    /// <summary>Whether blob <paramref name="hash"/> exists.</summary>
    public bool Contains(string hash) => File.Exists(PathOf(hash));

    // Only 64 lowercase hex digits are names, so a hash can never address a path outside the store.
    private string PathOf(string hash)
    {
        if (hash is null || hash.Length != 64 || !hash.All(c => c is >= '0' and <= '9' or >= 'a' and <= 'f'))
        {
            throw new ArgumentException($"'{hash}' is not a blob hash (64 lowercase hex digits).", nameof(hash));
        }

        return Path.Combine(Root, hash[..2], hash[2..]);
    }
}
