using System.ComponentModel;
using System.Diagnostics;
using System.Security.Cryptography;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// The npm package <c>label-studio</c> 1.0.1 (<c>editor/package.json</c>, pinned by the committed lock), installed
/// once per machine with <c>npm ci</c> into <c>~/.cache/alc/label-studio-editor/&lt;lock hash&gt;/</c>, so a changed
/// lock gets a fresh folder and an unchanged one is never installed twice.
/// </summary>
/// <remarks>Parallel test processes take a cross-process file lock before installing; a stamp file written last
/// marks a finished install, so one cut short is redone.</remarks>
internal sealed class EditorPackage
{
    /// <summary>Names a cache root other than <c>~/.cache/alc/label-studio-editor</c>.</summary>
    public const string CacheVariable = "ALC_EDITOR_CACHE";

    /// <summary>How long to wait for another process's install before giving up.</summary>
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(10);

    private static readonly Lazy<EditorPackage> Installed = new(Install, LazyThreadSafetyMode.ExecutionAndPublication);

    private EditorPackage(string folder) => Folder = folder;

    /// <summary>The package installed (on first use in this process: waits for or runs <c>npm ci</c>).</summary>
    /// <exception cref="InvalidOperationException">npm is missing or the install failed; the message says which.</exception>
    public static EditorPackage Instance => Installed.Value;

    /// <summary>The folder holding <c>node_modules</c>.</summary>
    public string Folder { get; }

    /// <summary>The editor's self-contained UMD build: defines <c>window.LabelStudio</c>.</summary>
    public string MainJs => Path.Combine(BuildFolder, "static", "js", "main.js");

    /// <summary>The editor's style sheet.</summary>
    public string MainCss => Path.Combine(BuildFolder, "static", "css", "main.css");

    /// <summary>The package's <c>build</c> folder, which the host serves as the editor's own files.</summary>
    public string BuildFolder => Path.Combine(Folder, "node_modules", "label-studio", "build");

    /// <summary>The source folder: <c>editor/</c> next to the test assembly.</summary>
    public static string SourceFolder => Path.Combine(AppContext.BaseDirectory, "editor");

    private static EditorPackage Install()
    {
        string lockFile = Path.Combine(SourceFolder, "package-lock.json");
        string hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(lockFile)))[..16];
        string folder = Path.Combine(CacheRoot(), hash);
        var package = new EditorPackage(folder);
        string stamp = Path.Combine(folder, ".installed");
        if (File.Exists(stamp) && File.Exists(package.MainJs))
        {
            return package;
        }

        Directory.CreateDirectory(folder);
        using (AcquireLock(folder + ".lock"))
        {
            // Another process may have finished while this one waited for the lock.
            if (!File.Exists(stamp) || !File.Exists(package.MainJs))
            {
                File.Copy(Path.Combine(SourceFolder, "package.json"), Path.Combine(folder, "package.json"), overwrite: true);
                File.Copy(lockFile, Path.Combine(folder, "package-lock.json"), overwrite: true);
                RunNpmCi(folder);
                File.WriteAllText(stamp, DateTimeOffset.UtcNow.ToString("O"));
            }
        }

        return package;
    }

    private static string CacheRoot() =>
        Environment.GetEnvironmentVariable(CacheVariable) is { Length: > 0 } root
            ? root
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "alc", "label-studio-editor");

    /// <summary>Opens <paramref name="path"/> exclusively, retrying while another process holds it.</summary>
    private static FileStream AcquireLock(string path)
    {
        var waited = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (waited.Elapsed < LockTimeout)
            {
                Thread.Sleep(250);
            }
        }
    }

    /// <summary>
    /// <c>npm ci</c> without install scripts (the UMD build is in the tarball; nothing needs building), audit or
    /// funding calls.
    /// </summary>
    private static void RunNpmCi(string folder)
    {
        var start = new ProcessStartInfo("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        Process npm;
        try
        {
            npm = Process.Start(start) ?? throw new InvalidOperationException("npm did not start.");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException(
                "The Label Studio editor tests need npm to install label-studio 1.0.1: apt-get install -y nodejs npm; build/test.sh does.", e);
        }

        using (npm)
        {
            Task<string> output = npm.StandardOutput.ReadToEndAsync();
            Task<string> errors = npm.StandardError.ReadToEndAsync();
            npm.WaitForExit();
            if (npm.ExitCode != 0)
            {
                throw new InvalidOperationException(
                    $"npm ci in {folder} failed with exit code {npm.ExitCode}:\n{output.Result}\n{errors.Result}");
            }
        }
    }
}
