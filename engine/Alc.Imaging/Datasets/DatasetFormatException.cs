namespace Alc.Imaging.Datasets;

/// <summary>A dataset folder (or one of its files) breaks the ALC folder format; the message names the file and the reason.</summary>
public sealed class DatasetFormatException : Exception
{
    /// <summary>Creates the exception for <paramref name="path"/> (relative to the dataset root where possible).</summary>
    public DatasetFormatException(string path, string reason, Exception? innerException = null)
        : base($"{path}: {reason}", innerException)
    {
        Path = path;
        Reason = reason;
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DatasetFormatException()
        : this(string.Empty, "invalid dataset")
    {
    }

    /// <summary>Creates the exception with a message only.</summary>
    public DatasetFormatException(string message)
        : this(string.Empty, message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    public DatasetFormatException(string message, Exception innerException)
        : this(string.Empty, message, innerException)
    {
    }

    /// <summary>The offending file or folder.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
