using System.Text.Json.Serialization;

namespace Alc.Campaigns.AutoCorrection;

/// <summary>What one round's automated correction did (not cumulative).</summary>
public sealed record AutoCorrectionRecord
{
    /// <summary>τ used this round; for confident pixels the seed threshold.</summary>
    [JsonPropertyName("threshold")]
    public double Threshold { get; init; }

    /// <summary>Answered superpixels the MLP was trained on (LCM).</summary>
    [JsonPropertyName("trainingSamples")]
    public int TrainingSamples { get; init; }

    /// <summary>Unqueried superpixels judged.</summary>
    [JsonPropertyName("candidates")]
    public int Candidates { get; init; }

    /// <summary>Superpixels with at least one relabelled pixel.</summary>
    [JsonPropertyName("superpixels")]
    public int Superpixels { get; init; }

    /// <summary>Pixels whose label changed.</summary>
    [JsonPropertyName("pixels")]
    public long Pixels { get; init; }

    /// <summary>Changed pixels whose new label equals the ground truth; null without ground truth.</summary>
    [JsonPropertyName("pixelsRight")]
    public long? PixelsRight { get; init; }

    /// <summary>Changed pixels whose old label equalled the ground truth (made wrong); null without ground truth.</summary>
    [JsonPropertyName("pixelsRightBefore")]
    public long? PixelsRightBefore { get; init; }

    /// <summary>Region checks asked this round (part of the round's budget; see <see cref="RegionCheck"/>).</summary>
    [JsonPropertyName("checks")]
    public int Checks { get; init; }

    /// <summary>Pixels the region checks' corrections changed.</summary>
    [JsonPropertyName("checkPixels")]
    public long CheckPixels { get; init; }

    /// <summary>Of those, pixels whose new label equals the ground truth (0 without ground truth).</summary>
    [JsonPropertyName("checkPixelsRight")]
    public long CheckPixelsRight { get; init; }

    /// <summary>PixelsRight / Pixels; null without ground truth or changes.</summary>
    [JsonPropertyName("shareRight")]
    public double? ShareRight => PixelsRight is { } right && Pixels > 0 ? (double)right / Pixels : null;
}
