namespace Alc.Campaigns.Errors;

/// <summary>
/// A command the campaign domain refuses. It is thrown before any stored state changes; the HTTP host maps each
/// kind to one status (invalid 400, not found 404, conflict 409, reused idempotency key 422) in one handler.
/// </summary>
public abstract class CampaignException : Exception
{
    /// <summary>Creates the error with a sentence for the caller and, optionally, per-field or per-item errors.</summary>
    protected CampaignException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
        : base(message)
    {
        Errors = errors;
    }

    /// <summary>Per-field or per-item messages keyed by the field's path (<c>answers[2]</c>, <c>budget</c>), when there are several.</summary>
    public IReadOnlyDictionary<string, string[]>? Errors { get; }
}

/// <summary>The command itself is malformed: a field is missing, out of range or inconsistent with another.</summary>
public sealed class CampaignValidationException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : CampaignException(message, errors);

/// <summary>The command names a project, round, image or query that does not exist.</summary>
public sealed class CampaignNotFoundException(string what, IReadOnlyDictionary<string, string[]>? errors = null)
    : CampaignException(errors is null ? $"{what} does not exist." : what, errors);

/// <summary>The command is well formed but the campaign's state does not allow it now (wrong round state, lease held by another, answered already).</summary>
public sealed class CampaignConflictException(string message, IReadOnlyDictionary<string, string[]>? errors = null)
    : CampaignException(message, errors);

/// <summary>An idempotency key was used before with a different command: a retry must repeat the command exactly.</summary>
public sealed class IdempotencyKeyReusedException(string message) : CampaignException(message);
