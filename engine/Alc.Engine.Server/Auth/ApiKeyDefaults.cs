namespace Alc.Engine.Server.Auth;

/// <summary>Names of the API-key scheme, header, roles and policies.</summary>
public static class ApiKeyDefaults
{
    /// <summary>The authentication scheme.</summary>
    public const string Scheme = "ApiKey";

    /// <summary>The request header carrying the key.</summary>
    public const string Header = "X-Api-Key";

    /// <summary>Role and policy of administrators: everything.</summary>
    public const string Admin = "admin";

    /// <summary>Role and policy of annotators: lease, read and answer queries (administrators have it too).</summary>
    public const string Annotator = "annotator";

    /// <summary>Claim naming the annotator a bound annotator key leases and answers as (absent: the key may name anyone).</summary>
    public const string AnnotatorClaim = "alc:annotator";
}
