namespace Alc.Client.Tests.LabelStudio;

/// <summary>One request the contract fake received, as sent: method, path, query string, Authorization header and body text.</summary>
/// <param name="Method">The HTTP method.</param>
/// <param name="Path">The path, without the query.</param>
/// <param name="Query">The query string with its <c>?</c>, or empty.</param>
/// <param name="Authorization">The Authorization header, or null without one.</param>
/// <param name="Body">The body text (empty for none).</param>
internal sealed record RecordedRequest(string Method, string Path, string Query, string? Authorization, string Body)
{
    /// <summary><c>METHOD /path</c>, the way the CLI's error lines name a call.</summary>
    public string Call => $"{Method} {Path}";
}
