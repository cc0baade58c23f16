namespace Alc.Cli.LabelStudio;

/// <summary>What a push did in Label Studio: the project, the tasks imported and skipped, and which registrations it made.</summary>
/// <param name="LabelStudioProject">The Label Studio project id.</param>
/// <param name="ProjectUrl">Its data manager page, <c>{ls-url}/projects/{id}/data</c>.</param>
/// <param name="ProjectCreated">True when the push created the project, false when it updated its labeling config.</param>
/// <param name="TasksImported">Tasks Label Studio reported imported.</param>
/// <param name="TasksAlreadyThere">The round's tasks the project already held (skipped).</param>
/// <param name="WebhookCreated">True when the push registered the webhook, false when it was already there.</param>
/// <param name="WebhookUrl">The engine webhook the project's annotation events go to.</param>
/// <param name="MlBackendCreated">True when the push connected the ML backend, false when it was already there.</param>
/// <param name="MlBackendUrl">The engine project's ML backend URL.</param>
internal sealed record PushResult(long LabelStudioProject, string ProjectUrl, bool ProjectCreated, int TasksImported, int TasksAlreadyThere,
    bool WebhookCreated, string WebhookUrl, bool MlBackendCreated, string MlBackendUrl);
