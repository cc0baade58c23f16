namespace Alc.Core.Cost;

/// <summary>An annotator's answer to a correction query (section 3.2).</summary>
public enum QueryVerdict
{
    /// <summary>The shown label is right: one binary decision.</summary>
    Confirm,

    /// <summary>The shown label is wrong and the annotator gave the right class.</summary>
    Correct,

    /// <summary>The annotator could not tell; nothing changes.</summary>
    Unsure,
}
