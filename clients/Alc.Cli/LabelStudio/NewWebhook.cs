namespace Alc.Cli.LabelStudio;

/// <summary>
/// The body of <c>POST /api/webhooks/</c> that points a Label Studio project's annotation events at the engine's
/// webhook, with the full payload (the engine reads the annotation and its task from it).
/// </summary>
/// <param name="Project">The Label Studio project id (a webhook without one would fire for the whole organization).</param>
/// <param name="Url">The engine's <c>/integrations/label-studio/projects/{p}/webhook</c>.</param>
/// <param name="Headers">Extra headers Label Studio sends with each delivery: the engine's <c>X-Alc-Webhook-Secret</c>, or null for none.</param>
internal sealed record NewWebhook(long Project, string Url, IReadOnlyDictionary<string, string>? Headers)
{
    /// <summary>The header the engine checks against <c>ALC_LABELSTUDIO__WEBHOOKSECRET</c>.</summary>
    public const string SecretHeader = "X-Alc-Webhook-Secret";

    /// <summary>Whether deliveries carry the annotation and task (the engine needs both).</summary>
    public bool SendPayload { get; init; } = true;

    /// <summary>False: only <see cref="Actions"/> are delivered.</summary>
    public bool SendForAllActions { get; init; }

    /// <summary>The events the engine turns into answers, revisions and withdrawals.</summary>
    public IReadOnlyList<string> Actions { get; init; } = ["ANNOTATION_CREATED", "ANNOTATION_UPDATED", "ANNOTATIONS_DELETED"];

    /// <summary>Whether the webhook fires.</summary>
    public bool IsActive { get; init; } = true;

    /// <summary>A webhook for <paramref name="url"/> that sends <paramref name="secret"/> in <see cref="SecretHeader"/> when one is given.</summary>
    public static NewWebhook For(long project, string url, string? secret) =>
        new(project, url, string.IsNullOrEmpty(secret) ? null : new Dictionary<string, string> { [SecretHeader] = secret });
}
