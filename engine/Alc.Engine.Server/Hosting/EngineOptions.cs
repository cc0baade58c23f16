using Alc.Training;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Settings of <c>alc-engine serve</c>, bound from configuration: <c>appsettings.json</c>, environment variables
/// with the <c>ALC_</c> prefix (e.g. <c>ALC_DATADIRECTORY</c>, <c>ALC_LEASESECONDS</c>) and the command line.
/// </summary>
public sealed class EngineOptions
{
    /// <summary>Folder holding <c>alc.db</c> and the blob store.</summary>
    public string DataDirectory { get; set; } = "alc-data";

    /// <summary>Create a seeded synthetic dataset and a project on first start.</summary>
    public bool Demo { get; set; }

    /// <summary>How long a leased query stays reserved for its annotator.</summary>
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>Most queries one <c>next</c> call leases.</summary>
    public int MaxLeaseCount { get; set; } = 100;

    /// <summary>Server folders that dataset imports may read from, separated by <c>;</c> (none: server-path import is off).</summary>
    public string AllowedImportRoots { get; set; } = "";

    /// <summary>Largest accepted upload (a dataset zip or one image's files), in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 512;

    /// <summary>Administrator API keys, separated by <c>;</c>. When this or <see cref="AnnotatorKeys"/> is set, every endpoint but health needs <c>X-Api-Key</c>.</summary>
    public string AdminKeys { get; set; } = "";

    /// <summary>Annotator API keys, separated by <c>;</c>: they may only lease, read and answer queries.</summary>
    public string AnnotatorKeys { get; set; } = "";

    /// <summary>Where models train: auto (CUDA when available), cpu or cuda.</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>Largest accepted upload in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The import roots as full paths.</summary>
    public IReadOnlyList<string> ImportRoots => Split(AllowedImportRoots).Select(Path.GetFullPath).ToList();

    /// <summary>The administrator keys.</summary>
    public IReadOnlyList<string> AdminKeyList => Split(AdminKeys);

    /// <summary>The annotator keys.</summary>
    public IReadOnlyList<string> AnnotatorKeyList => Split(AnnotatorKeys);

    /// <summary>Whether API keys are required.</summary>
    public bool KeysRequired => AdminKeyList.Count > 0 || AnnotatorKeyList.Count > 0;

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("DataDirectory must be set.");
        }

        if (LeaseSeconds < 1 || MaxLeaseCount < 1 || MaxUploadMegabytes < 1)
        {
            throw new ArgumentException("LeaseSeconds, MaxLeaseCount and MaxUploadMegabytes must be ≥ 1.");
        }
    }

    private static List<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}
