using System.Text.Json.Serialization;
using Alc.Campaigns.AutoCorrection;

namespace Alc.Campaigns;

/// <summary>
/// Row t of a campaign's history: D_t as round t closed it (row 0: D0) and θ_t as round t+1 trained and measured it
/// (row 0: the warm start θ0 on D0). Clicks, bits, seconds and corrected pixels are cumulative; mIoU are fractions.
/// </summary>
public sealed record RoundRecord
{
    /// <summary>Round number t.</summary>
    [JsonPropertyName("round")]
    public int Round { get; init; }

    /// <summary>Answered queries so far.</summary>
    [JsonPropertyName("clicks")]
    public long Clicks { get; init; }

    /// <summary>Annotation bits so far (Theorem 3.1).</summary>
    [JsonPropertyName("bits")]
    public double Bits { get; init; }

    /// <summary>Annotator seconds so far.</summary>
    [JsonPropertyName("seconds")]
    public double Seconds { get; init; }

    /// <summary>mIoU of D_t against ground truth (training split).</summary>
    [JsonPropertyName("dataMIoU")]
    public double DataMIoU { get; init; }

    /// <summary>mIoU of θ_t on the validation split.</summary>
    [JsonPropertyName("modelMIoU")]
    public double ModelMIoU { get; init; }

    /// <summary>Share of this round's queries whose shown label was wrong; null for round 0.</summary>
    [JsonPropertyName("precision")]
    public double? Precision { get; init; }

    /// <summary>Share of the wrong pixels before this round that its expansions fixed; null for round 0.</summary>
    [JsonPropertyName("recall")]
    public double? Recall { get; init; }

    /// <summary>Pixels whose label answers changed so far.</summary>
    [JsonPropertyName("correctedPixels")]
    public long CorrectedPixels { get; init; }

    /// <summary>What this round's automated correction did; null when the strategy has none (and for round 0).</summary>
    [JsonPropertyName("autoCorrection")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public AutoCorrectionRecord? AutoCorrection { get; init; }
}
