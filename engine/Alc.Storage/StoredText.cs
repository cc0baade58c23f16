namespace Alc.Storage;

/// <summary>
/// The stored text of the engine's state and kind enums (<c>training</c>, <c>queued</c>, <c>confirm</c>, <c>gt</c>,
/// <c>train</c>): the member name in lower case. Dapper reads such text back into the enum by name, but writes an
/// enum parameter as its number and ignores type handlers for enums, so every enum parameter goes through here.
/// </summary>
public static class StoredText
{
    /// <summary>The stored text of <paramref name="value"/>.</summary>
    public static string Of<T>(T value)
        where T : struct, Enum => value.ToString().ToLowerInvariant();
}
