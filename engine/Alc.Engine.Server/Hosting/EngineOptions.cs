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

    /// <summary>
    /// θ's training iterations per round of the demo project, set when it is created (the <c>default</c> strategy's two
    /// judges train 4× as long each); lower it for a quicker, less accurate demo.
    /// </summary>
    public int DemoIterations { get; set; } = 150;

    /// <summary>How long a leased query stays reserved for its annotator.</summary>
    public int LeaseSeconds { get; set; } = 600;

    /// <summary>Most queries one <c>next</c> call leases.</summary>
    public int MaxLeaseCount { get; set; } = 100;

    /// <summary>Server folders that dataset imports may read from, separated by <c>;</c> (none: server-path import is off).</summary>
    public string AllowedImportRoots { get; set; } = "";

    /// <summary>Largest accepted upload (a dataset zip or one image's files), in megabytes.</summary>
    public int MaxUploadMegabytes { get; set; } = 512;

    /// <summary>
    /// Administrator API keys, separated by <c>;</c>. When this or <see cref="AnnotatorKeys"/> is set, every endpoint but health
    /// (the OpenAPI document and Swagger UI included, unless <see cref="PublicApiDocs"/>) needs <c>X-Api-Key</c>.
    /// Administrators may lease and answer as any annotator.
    /// </summary>
    public string AdminKeys { get; set; } = "";

    /// <summary>
    /// Annotator API keys, separated by <c>;</c>: they may only lease, read and answer queries. An entry <c>name:key</c>
    /// (split on the first <c>:</c>) binds the key to annotator <c>name</c>: it leases and answers only as that annotator.
    /// An entry without <c>:</c> is unbound: it may name any annotator.
    /// </summary>
    public string AnnotatorKeys { get; set; } = "";

    /// <summary>
    /// Serve the OpenAPI document (<c>/openapi/v1.json</c>) and Swagger UI (<c>/swagger</c>) without a key even when keys are
    /// configured. Off by default: with keys, reading them needs any valid key (admin or annotator), like every endpoint but health.
    /// A browser cannot send <c>X-Api-Key</c> for the Swagger UI page itself, so with keys the UI needs this option
    /// (or a client, e.g. a proxy, that adds the header); the UI's Authorize button then sends the key on API calls.
    /// </summary>
    public bool PublicApiDocs { get; set; }

    /// <summary>Where models train: auto (CUDA when available), cpu or cuda.</summary>
    public DevicePreference Device { get; set; } = DevicePreference.Auto;

    /// <summary>
    /// Memory one round's training may take, in megabytes: a project whose model, batch × crop² and classes would need
    /// more (estimated by <see cref="TrainingMemory"/>) is refused at creation. 0: half of the memory this process may use
    /// (the container's limit where there is one).
    /// </summary>
    public int TrainingMemoryMegabytes { get; set; }

    /// <summary>
    /// Longest one job may run, in seconds, before it is failed and its round removed (it can be started again): the job
    /// runner works one job at a time, so this is the longest any other project's round waits behind one job.
    /// </summary>
    public int MaxJobSeconds { get; set; } = 4 * 3600;

    /// <summary>The training memory budget in bytes (<see cref="TrainingMemoryMegabytes"/>, or half the available memory).</summary>
    public long MaxTrainingBytes => TrainingMemoryMegabytes > 0 ? TrainingMemoryMegabytes * 1024L * 1024L
        : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 2;

    /// <summary>Largest accepted upload in bytes.</summary>
    public long MaxUploadBytes => MaxUploadMegabytes * 1024L * 1024L;

    /// <summary>The import roots as full paths.</summary>
    public IReadOnlyList<string> ImportRoots => Split(AllowedImportRoots).Select(Path.GetFullPath).ToList();

    /// <summary>The administrator keys.</summary>
    public IReadOnlyList<string> AdminKeyList => Split(AdminKeys);

    /// <summary>The annotator keys, each with the annotator it is bound to (null: unbound). Throws <see cref="ArgumentException"/> on a bad entry.</summary>
    public IReadOnlyList<AnnotatorKey> AnnotatorKeyList => Split(AnnotatorKeys).Select(AnnotatorKey.Parse).ToList();

    /// <summary>Whether API keys are required.</summary>
    public bool KeysRequired => AdminKeyList.Count > 0 || Split(AnnotatorKeys).Count > 0;

    /// <summary>The Label Studio integration's settings (<c>ALC_LABELSTUDIO__…</c>).</summary>
    public LabelStudioOptions LabelStudio { get; set; } = new();

    /// <summary>The CVAT integration's settings (<c>ALC_CVAT__…</c>).</summary>
    public CvatOptions Cvat { get; set; } = new();

    /// <summary>Throws <see cref="ArgumentException"/> naming the first bad setting.</summary>
    public void Validate()
    {
        LabelStudio.Validate();
        Cvat.Validate();
        if (string.IsNullOrWhiteSpace(DataDirectory))
        {
            throw new ArgumentException("DataDirectory must be set.");
        }

        if (LeaseSeconds < 1 || MaxLeaseCount < 1 || MaxUploadMegabytes < 1 || MaxJobSeconds < 1 || DemoIterations < 1)
        {
            throw new ArgumentException("LeaseSeconds, MaxLeaseCount, MaxUploadMegabytes, MaxJobSeconds and DemoIterations must be ≥ 1.");
        }

        if (DemoIterations > Campaigns.Projects.SettingBounds.MaxIterations)
        {
            throw new ArgumentException($"DemoIterations must be ≤ {Campaigns.Projects.SettingBounds.MaxIterations} (got {DemoIterations}).");
        }

        if (TrainingMemoryMegabytes < 0)
        {
            throw new ArgumentException("TrainingMemoryMegabytes must be ≥ 0 (0: half the available memory).");
        }

        _ = AnnotatorKeyList;
    }

    private static List<string> Split(string value) =>
        value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList();
}

/// <summary>One entry of <see cref="EngineOptions.AnnotatorKeys"/>: the key and the annotator it is bound to.</summary>
/// <param name="Name">The annotator the key leases and answers as, or null when the key may name any annotator.</param>
/// <param name="Key">The secret sent in <c>X-Api-Key</c>.</param>
public sealed record AnnotatorKey(string? Name, string Key)
{
    /// <summary>Parses <c>name:key</c> (bound; split on the first <c>:</c>) or <c>key</c> (unbound). Error messages never echo the secret.</summary>
    public static AnnotatorKey Parse(string entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        int colon = entry.IndexOf(':', StringComparison.Ordinal);
        if (colon < 0)
        {
            return new AnnotatorKey(null, entry);
        }

        string name = entry[..colon].Trim();
        string key = entry[(colon + 1)..].Trim();
        if (name.Length == 0)
        {
            throw new ArgumentException("AnnotatorKeys: an entry has an empty annotator name before ':' (use name:key, or a key without ':').");
        }

        if (name.Length > 200)
        {
            throw new ArgumentException("AnnotatorKeys: an annotator name is longer than 200 characters.");
        }

        if (key.Length == 0)
        {
            throw new ArgumentException($"AnnotatorKeys: the entry for annotator '{name}' has an empty key after ':'.");
        }

        return new AnnotatorKey(name, key);
    }
}
