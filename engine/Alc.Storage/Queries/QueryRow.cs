namespace Alc.Storage.Queries;

/// <summary>A correction query of a round as stored (leases are held in memory by the campaign layer, not here).</summary>
public sealed record QueryRow
{
    /// <summary>Id.</summary>
    public long Id { get; init; }

    /// <summary>The round.</summary>
    public long RoundId { get; init; }

    /// <summary>The round's number (joined).</summary>
    public int RoundNumber { get; init; }

    /// <summary>The round's project (joined).</summary>
    public long ProjectId { get; init; }

    /// <summary>The queried image.</summary>
    public long ImageId { get; init; }

    /// <summary>Linear pixel index (y · width + x).</summary>
    public int Pixel { get; init; }

    /// <summary>The superpixel the answer expands to.</summary>
    public int SuperpixelId { get; init; }

    /// <summary>The label the query shows.</summary>
    public int ShownLabel { get; init; }

    /// <summary>The acquisition score that selected it.</summary>
    public double Score { get; init; }

    /// <summary>Whether an answer was accepted.</summary>
    public bool Answered { get; init; }

    /// <summary>For a region check, the blob of its region's pixels (the answer covers them); null for a pixel query.</summary>
    public string? RegionBlob { get; init; }
}
