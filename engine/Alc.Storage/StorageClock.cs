using System.Globalization;

namespace Alc.Storage;

/// <summary>
/// Timestamps as the database stores them: UTC, fixed-width ISO 8601 with 7 fractional digits, so that text
/// comparison in SQL (lease expiry) orders them like time.
/// </summary>
public static class StorageClock
{
    private const string Format = "yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'";

    /// <summary>The stored form of <paramref name="time"/>.</summary>
    public static string ToText(DateTimeOffset time) => time.UtcDateTime.ToString(Format, CultureInfo.InvariantCulture);

    /// <summary>Parses a stored timestamp.</summary>
    public static DateTimeOffset Parse(string text) =>
        DateTimeOffset.ParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}
