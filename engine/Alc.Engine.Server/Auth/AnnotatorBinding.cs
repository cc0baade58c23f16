using System.Security.Claims;
using Alc.Engine.Server.Problems;

namespace Alc.Engine.Server.Auth;

/// <summary>
/// A bound annotator key (<c>AnnotatorKeys=alice:key</c>) leases and answers only as its own annotator; unbound annotator keys
/// and administrators may name anyone.
/// </summary>
internal static class AnnotatorBinding
{
    /// <summary>
    /// Throws a 403 <see cref="ApiProblemException"/> when <paramref name="user"/>'s key is bound to another annotator than
    /// <paramref name="annotator"/>. A blank name passes, for the endpoint's validation to refuse (400).
    /// </summary>
    public static void Check(ClaimsPrincipal user, string? annotator)
    {
        string? bound = user.FindFirst(ApiKeyDefaults.AnnotatorClaim)?.Value;
        if (bound is null || string.IsNullOrWhiteSpace(annotator) || string.Equals(bound, annotator, StringComparison.Ordinal))
        {
            return;
        }

        throw ApiProblemException.Forbidden($"This API key answers as '{bound}', not '{annotator}'.");
    }
}
