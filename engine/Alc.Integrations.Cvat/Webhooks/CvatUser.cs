namespace Alc.Integrations.Cvat.Webhooks;

/// <summary>A CVAT user as webhook bodies embed one (<c>sender</c>, <c>job.assignee</c>): only what the engine keeps of it.</summary>
/// <param name="Id">CVAT's user id (<c>id</c>).</param>
/// <param name="Username">The login name (<c>username</c>); first and last names are not read.</param>
public sealed record CvatUser(long Id, string Username);
