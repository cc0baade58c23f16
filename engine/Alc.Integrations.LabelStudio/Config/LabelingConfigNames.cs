namespace Alc.Integrations.LabelStudio.Config;

/// <summary>
/// The tag names and values of the generated labeling config: the one place the predictions sent to Label
/// Studio and the annotations read back from it take their <c>from_name</c>, <c>to_name</c> and choice values from.
/// </summary>
public static class LabelingConfigNames
{
    /// <summary>The Image tag's name, the <c>to_name</c> of every result.</summary>
    public const string Image = "image";

    /// <summary>The task data key holding the image URL (the Image tag's <c>value</c> is <c>$image</c>).</summary>
    public const string ImageDataKey = "image";

    /// <summary>The KeyPointLabels tag that marks the queried pixel with its current label.</summary>
    public const string QueryPoint = "query_point";

    /// <summary>The BrushLabels tag whose mask shows the queried region (the superpixel the query stands for).</summary>
    public const string QueryRegion = "query_region";

    /// <summary>The one label of <see cref="QueryRegion"/>, the <c>brushlabels</c> value of the region's mask.</summary>
    public const string QueryRegionLabel = "query region";

    /// <summary>The Choices tag with the annotator's verdict on the current label.</summary>
    public const string Verdict = "verdict";

    /// <summary>The Choices tag with the true class, shown only when the verdict is <see cref="Wrong"/>.</summary>
    public const string TrueLabel = "true_label";

    /// <summary>Verdict value: the current label is right.</summary>
    public const string Confirm = "confirm";

    /// <summary>Verdict value: the current label is wrong; <see cref="TrueLabel"/> says which class it is.</summary>
    public const string Wrong = "wrong";

    /// <summary>Verdict value: the annotator cannot tell.</summary>
    public const string Unsure = "unsure";
}
