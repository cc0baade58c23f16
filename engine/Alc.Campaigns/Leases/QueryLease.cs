namespace Alc.Campaigns.Leases;

/// <summary>Who holds a query and until when. A lease past <see cref="ExpiresAt"/> is free for anyone to take.</summary>
/// <param name="Owner">The annotator holding it.</param>
/// <param name="ExpiresAt">When it lapses (UTC).</param>
public sealed record QueryLease(string Owner, DateTimeOffset ExpiresAt)
{
    /// <summary>Whether the lease still holds at <paramref name="now"/>.</summary>
    public bool HeldAt(DateTimeOffset now) => ExpiresAt > now;
}
