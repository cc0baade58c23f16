namespace Alc.Inference;

/// <summary>What an uploaded ONNX model is for; each role has the signature <see cref="OnnxModelInspector"/> checks.</summary>
public enum ModelRole
{
    /// <summary>Image → per-class logits: one float input [N,3,H,W], one float output [N,L,h,w].</summary>
    Semantic,

    /// <summary>The segment-anything image encoder: one float image input, one float embedding output [1,C,h,w].</summary>
    SamEncoder,

    /// <summary>
    /// The segment-anything prompt decoder as its ONNX export names it: inputs <c>image_embeddings</c>, <c>point_coords</c>,
    /// <c>point_labels</c>, <c>mask_input</c>, <c>has_mask_input</c>, <c>orig_im_size</c>; outputs <c>masks</c>,
    /// <c>iou_predictions</c>, <c>low_res_masks</c>.
    /// </summary>
    SamDecoder,

    /// <summary>Image → boxes and class scores: one float image input; an output whose last axis is 4 (boxes) and one of scores.</summary>
    Detector,
}

/// <summary>The wire names of <see cref="ModelRole"/> (<c>semantic</c>, <c>sam-encoder</c>, <c>sam-decoder</c>, <c>detector</c>).</summary>
public static class ModelRoles
{
    private static readonly Dictionary<string, ModelRole> ByName = new(StringComparer.Ordinal)
    {
        ["semantic"] = ModelRole.Semantic,
        ["sam-encoder"] = ModelRole.SamEncoder,
        ["sam-decoder"] = ModelRole.SamDecoder,
        ["detector"] = ModelRole.Detector,
    };

    /// <summary>Every role's wire name.</summary>
    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The role named <paramref name="name"/>, or null when there is none.</summary>
    public static ModelRole? Parse(string? name) => name is not null && ByName.TryGetValue(name, out var role) ? role : null;

    /// <summary>The wire name of <paramref name="role"/>.</summary>
    public static string Name(ModelRole role) => ByName.First(p => p.Value == role).Key;
}
