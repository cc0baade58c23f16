namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>One request the contract fake answered, refused ones (401, 404, 400) included.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="PathAndQuery">The path with its query string as sent (<c>/api/jobs/3/annotations?action=create</c>).</param>
/// <param name="Status">The status code the fake answered with.</param>
internal sealed record RecordedCvatCall(string Method, string PathAndQuery, int Status)
{
    /// <summary>The path without its query.</summary>
    public string Path => PathAndQuery.Split('?', 2)[0];

    /// <summary><c>METHOD /path</c>, the way error lines name a call.</summary>
    public string Call => $"{Method} {Path}";
}
