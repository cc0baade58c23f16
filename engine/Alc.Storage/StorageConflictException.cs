namespace Alc.Storage;

/// <summary>A write that a uniqueness or state rule of the database refuses (a duplicate name, a query answered twice).</summary>
public sealed class StorageConflictException : Exception
{
    /// <summary>Creates the exception.</summary>
    public StorageConflictException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception.</summary>
    public StorageConflictException()
    {
    }

    /// <summary>Creates the exception.</summary>
    public StorageConflictException(string message)
        : base(message)
    {
    }
}
