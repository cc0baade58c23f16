namespace Alc.Integrations.LabelStudio.Annotations;

/// <summary>The verdict an annotator chose in the generated config's <c>verdict</c> Choices.</summary>
public enum CorrectionVerdict
{
    /// <summary>The shown label is right.</summary>
    Confirm,

    /// <summary>The shown label is wrong; <see cref="CorrectionChoice.TrueLabel"/> names the right class.</summary>
    Wrong,

    /// <summary>The annotator cannot tell.</summary>
    Unsure,
}

/// <summary>What one Label Studio annotation of a correction task says.</summary>
/// <param name="Verdict">The verdict.</param>
/// <param name="TrueLabel">The class name chosen in <c>true_label</c>: set exactly when the verdict is <see cref="CorrectionVerdict.Wrong"/>.</param>
public sealed record CorrectionChoice(CorrectionVerdict Verdict, string? TrueLabel);
