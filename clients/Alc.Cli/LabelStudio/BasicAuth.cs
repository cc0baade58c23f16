using System.Net.Http.Headers;
using System.Text;
using Alc.Client;

namespace Alc.Cli.LabelStudio;

/// <summary>
/// The HTTP Basic credentials of the engine's Label Studio endpoints, given as <c>user:password</c> like the engine's
/// <c>ALC_LABELSTUDIO__BASICAUTH</c>: the CLI sends them when it reads the labeling config and tasks, and Label Studio
/// stores them as its ML backend's Basic auth.
/// </summary>
/// <param name="User">The part before the first colon.</param>
/// <param name="Password">Everything after the first colon (a password may itself hold colons).</param>
internal sealed record BasicAuth(string User, string Password)
{
    /// <summary>Parses <c>user:password</c>.</summary>
    /// <exception cref="AlcApiException">The value has no colon or an empty user; the message says what to give.</exception>
    public static BasicAuth Parse(string value)
    {
        int colon = value.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0)
        {
            throw new AlcApiException("--basic-auth (or ALC_LABELSTUDIO__BASICAUTH) must be user:password.");
        }

        return new BasicAuth(value[..colon], value[(colon + 1)..]);
    }

    /// <summary>The <c>Authorization: Basic …</c> header value: base64 of <c>user:password</c> in UTF-8.</summary>
    public AuthenticationHeaderValue Header() => new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{User}:{Password}")));

    // The password never reaches logs or JSON output through the record's generated ToString.
    private bool PrintMembers(StringBuilder builder)
    {
        builder.Append("User = ").Append(User).Append(", Password = ***");
        return true;
    }
}
