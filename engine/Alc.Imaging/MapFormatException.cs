namespace Alc.Imaging;

/// <summary>
/// The one exception the readers in this assembly throw for bad file content: a corrupt, truncated,
/// oversized or unsupported image or map file, or a map whose values or size do not fit the dataset.
/// The message starts with the file name, then the reason (<c>"pseudo/a.png: pixel (x=12, y=4) has class 23 …"</c>).
/// </summary>
/// <remarks>
/// File-system failures (missing file, permissions, a failing stream) surface as the usual
/// <see cref="IOException"/> and its subclasses; invalid arguments as <see cref="ArgumentException"/>.
/// </remarks>
public sealed class MapFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="fileName"/> with a human-readable <paramref name="reason"/>.</summary>
    public MapFormatException(string fileName, string reason, Exception? innerException = null)
        : base($"{fileName}: {reason}", innerException)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>Creates the exception with a generic message (prefer the file-and-reason constructor).</summary>
    public MapFormatException()
        : this("(unnamed)", "the file is not a valid image or map")
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> as its reason and no file name.</summary>
    public MapFormatException(string message)
        : this("(unnamed)", message)
    {
    }

    /// <summary>Creates the exception with <paramref name="message"/> as its reason, wrapping <paramref name="innerException"/>.</summary>
    public MapFormatException(string message, Exception innerException)
        : this("(unnamed)", message, innerException)
    {
    }

    /// <summary>The file the problem was found in, as the caller named it (a path or a display name).</summary>
    public string FileName { get; }

    /// <summary>What is wrong with the file, without the file name.</summary>
    public string Reason { get; }
}
