using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Alc.Engine.Server.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Auth;

/// <summary>
/// Authenticates <c>X-Api-Key</c> against the configured admin and annotator keys (constant-time comparison).
/// With no keys configured the engine is open: every caller is an administrator.
/// A bound annotator key (<c>name:key</c>) carries its annotator in <see cref="ApiKeyDefaults.AnnotatorClaim"/> (see <see cref="AnnotatorBinding"/>).
/// Refusals are problem+json: 401 without a valid key, 403 when the key's role may not use the endpoint.
/// </summary>
internal sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> schemeOptions, ILoggerFactory logger, UrlEncoder encoder, IOptions<EngineOptions> engine)
    : AuthenticationHandler<AuthenticationSchemeOptions>(schemeOptions, logger, encoder)
{
    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var options = engine.Value;
        if (!options.KeysRequired)
        {
            return Task.FromResult(Success("anonymous", [ApiKeyDefaults.Admin, ApiKeyDefaults.Annotator]));
        }

        if (!Request.Headers.TryGetValue(ApiKeyDefaults.Header, out var values) || string.IsNullOrEmpty(values.ToString()))
        {
            return Task.FromResult(AuthenticateResult.NoResult());
        }

        string key = values.ToString();
        if (options.AdminKeyList.Any(k => Matches(k, key)))
        {
            return Task.FromResult(Success("admin-key", [ApiKeyDefaults.Admin, ApiKeyDefaults.Annotator]));
        }

        var annotator = options.AnnotatorKeyList.FirstOrDefault(k => Matches(k.Key, key));
        if (annotator is not null)
        {
            Claim[] bound = annotator.Name is null ? [] : [new Claim(ApiKeyDefaults.AnnotatorClaim, annotator.Name)];
            return Task.FromResult(Success("annotator-key", [ApiKeyDefaults.Annotator], bound));
        }

        return Task.FromResult(AuthenticateResult.Fail("Unknown API key."));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status401Unauthorized, "Unauthorized", $"This engine requires an API key in the {ApiKeyDefaults.Header} header.");

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblem(StatusCodes.Status403Forbidden, "Forbidden", "This API key's role may not use this endpoint (annotator keys may only lease, read and answer queries).");

    private Task WriteProblem(int status, string title, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(detail, Request.Path, status, title).ExecuteAsync(Context);
    }

    private static AuthenticateResult Success(string name, string[] roles, params Claim[] extra)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        claims.AddRange(roles.Select(r => new Claim(ClaimTypes.Role, r)));
        claims.AddRange(extra);
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, ApiKeyDefaults.Scheme));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, ApiKeyDefaults.Scheme));
    }

    private static bool Matches(string expected, string actual) =>
        CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(expected)), SHA256.HashData(Encoding.UTF8.GetBytes(actual)));
}
