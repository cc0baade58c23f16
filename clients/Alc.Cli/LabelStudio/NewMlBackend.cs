namespace Alc.Cli.LabelStudio;

/// <summary>
/// The body of <c>POST /api/ml/</c> that connects the engine's project as the Label Studio project's ML backend
/// (Label Studio then calls its <c>/health</c>, <c>/setup</c> and <c>/predict</c>).
/// </summary>
/// <param name="Url">The engine's <c>/integrations/label-studio/projects/{p}</c> prefix.</param>
/// <param name="Project">The Label Studio project id.</param>
/// <param name="AuthMethod"><c>BASIC_AUTH</c> when the engine's Label Studio endpoints need Basic auth, else <c>NONE</c>.</param>
/// <param name="BasicAuthUser">The Basic auth user, or null without Basic auth.</param>
/// <param name="BasicAuthPass">The Basic auth password, or null without Basic auth.</param>
internal sealed record NewMlBackend(string Url, long Project, string AuthMethod, string? BasicAuthUser, string? BasicAuthPass)
{
    /// <summary>The name Label Studio shows for the backend.</summary>
    public string Title { get; init; } = "Alc.Engine";

    /// <summary>False: the engine predicts per task, not interactively while a person draws.</summary>
    public bool IsInteractive { get; init; }

    /// <summary>The backend for <paramref name="url"/>, with <paramref name="credentials"/> as its Basic auth when given.</summary>
    public static NewMlBackend For(string url, long project, BasicAuth? credentials) => credentials is null
        ? new(url, project, "NONE", null, null)
        : new(url, project, "BASIC_AUTH", credentials.User, credentials.Password);

    // The password stays out of any printed form of the body.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Url = ").Append(Url).Append(", Project = ").Append(Project).Append(", AuthMethod = ").Append(AuthMethod);
        return true;
    }
}
