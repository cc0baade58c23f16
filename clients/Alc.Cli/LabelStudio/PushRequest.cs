namespace Alc.Cli.LabelStudio;

/// <summary>What <c>alc labelstudio push</c> was asked to do, with every default already resolved.</summary>
/// <param name="Project">The engine project whose querying round is pushed.</param>
/// <param name="LabelStudioProject">The Label Studio project to update, or null to create one.</param>
/// <param name="Title">The title of a created project.</param>
/// <param name="BackendUrl">The engine's address as Label Studio's server reaches it, without a trailing slash.</param>
/// <param name="WebhookSecret">The value of the webhook's <c>X-Alc-Webhook-Secret</c> header, or null to send none.</param>
/// <param name="BasicAuth">The engine's Label Studio Basic auth, or null when its Label Studio endpoints are open.</param>
internal sealed record PushRequest(long Project, long? LabelStudioProject, string Title, string BackendUrl, string? WebhookSecret, BasicAuth? BasicAuth)
{
    /// <summary>The engine project's Label Studio prefix, the URL of its ML backend.</summary>
    public string MlBackendUrl => $"{BackendUrl}/integrations/label-studio/projects/{Project}";

    /// <summary>The engine project's webhook URL.</summary>
    public string WebhookUrl => $"{MlBackendUrl}/webhook";
}
