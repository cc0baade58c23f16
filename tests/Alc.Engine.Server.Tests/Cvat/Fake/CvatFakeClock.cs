using System.Globalization;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// The fake's <c>created_date</c>/<c>updated_date</c> source. CVAT's dates are Django <c>auto_now</c> fields printed by
/// Django REST framework's DateTimeField: Python's <c>isoformat()</c> of a UTC time with <c>+00:00</c> written as
/// <c>Z</c>, which has microseconds (<c>2026-12-03T10:15:30.123456Z</c>) and leaves the fraction out entirely when they
/// are zero (<c>2026-12-03T10:15:30Z</c>). Every stamp is at least a microsecond after the previous one, so a later
/// write always reads as later. Not thread-safe: the store calls it under its lock.
/// </summary>
internal sealed class CvatFakeClock
{
    private long lastMicroseconds;

    /// <summary>The next stamp: now, truncated to the microsecond, or a microsecond after the last stamp if that is later.</summary>
    public string Next()
    {
        long now = DateTime.UtcNow.Ticks / 10;
        lastMicroseconds = Math.Max(now, lastMicroseconds + 1);
        return Format(new DateTime(lastMicroseconds * 10, DateTimeKind.Utc));
    }

    /// <summary>A UTC time as DRF prints it (see the class summary).</summary>
    public static string Format(DateTime utc)
    {
        long microseconds = utc.Ticks / 10 % 1_000_000;
        string seconds = utc.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return microseconds == 0 ? seconds + "Z" : string.Create(CultureInfo.InvariantCulture, $"{seconds}.{microseconds:D6}Z");
    }
}
