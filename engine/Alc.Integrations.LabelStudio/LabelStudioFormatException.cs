namespace Alc.Integrations.LabelStudio;

/// <summary>
/// Something Label Studio sent (a webhook payload, an annotation result, a task) does not have the shape the
/// generated labeling config and Label Studio's documented formats give it; the message names the field and what was expected.
/// </summary>
public sealed class LabelStudioFormatException(string message) : Exception(message);
