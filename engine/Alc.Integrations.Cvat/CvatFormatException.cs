namespace Alc.Integrations.Cvat;

/// <summary>A CVAT payload (mask points, webhook body, annotations) that does not have the documented shape; the message names what is wrong.</summary>
public sealed class CvatFormatException(string message) : Exception(message);
