namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>The editor refused to submit the annotation and showed a warning instead (a required choice left empty, say).</summary>
/// <param name="warning">The warning's text as the editor showed it, e.g. <c>Checkbox "verdict" is required.</c></param>
public sealed class SubmitRefusedException(string warning)
    : Exception($"The editor refused to submit: {warning}")
{
    /// <summary>The warning's text as the editor showed it.</summary>
    public string Warning { get; } = warning;
}
