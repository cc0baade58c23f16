namespace Alc.Cli.LabelStudio;

/// <summary>
/// The body of <c>POST /api/projects/</c>: one annotation per task (an engine query takes one answer), and predictions shown
/// to annotators so the queried pixel and its shown label appear as the engine proposes them.
/// </summary>
/// <param name="Title">The project's title (Label Studio allows 3 to 50 characters).</param>
/// <param name="LabelConfig">The labeling config XML, exactly the engine's <c>config.xml</c>.</param>
/// <param name="MaximumAnnotations">Annotations a task takes before it counts as labeled.</param>
/// <param name="ShowCollabPredictions">Whether annotators see the tasks' predictions.</param>
internal sealed record NewProject(string Title, string LabelConfig, int MaximumAnnotations = 1, bool ShowCollabPredictions = true);

/// <summary>The body of <c>PATCH /api/projects/{id}/</c> when an existing project takes the engine's labeling config.</summary>
/// <param name="LabelConfig">The labeling config XML, exactly the engine's <c>config.xml</c>.</param>
internal sealed record LabelConfigPatch(string LabelConfig);
