using System.Security.Cryptography;

namespace Alc.Engine.Server.Ui;

/// <summary>
/// The correction page and the dashboard: plain ES modules, CSS and one HTML file embedded in this assembly under
/// <c>ui/</c> (no CDN, no build step), read once at start with a content type and a strong ETag each.
/// </summary>
internal sealed class UiAssets
{
    private const string Prefix = "ui/";

    private static readonly Dictionary<string, string> ContentTypes = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8",
        [".js"] = "text/javascript; charset=utf-8",
        [".css"] = "text/css; charset=utf-8",
        [".svg"] = "image/svg+xml",
    };

    private readonly Dictionary<string, UiAsset> _assets;

    private UiAssets(Dictionary<string, UiAsset> assets) => _assets = assets;

    /// <summary>The asset at <paramref name="path"/> below <c>/ui/</c> (empty: <c>index.html</c>), or null.</summary>
    public UiAsset? Find(string? path) => _assets.GetValueOrDefault(string.IsNullOrEmpty(path) ? "index.html" : path);

    /// <summary>Paths of every asset (for tests).</summary>
    public IEnumerable<string> Paths => _assets.Keys;

    /// <summary>Reads the embedded assets of the engine's assembly.</summary>
    public static UiAssets Load()
    {
        var assembly = typeof(UiAssets).Assembly;
        var assets = new Dictionary<string, UiAsset>(StringComparer.Ordinal);
        foreach (string name in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            byte[] content = buffer.ToArray();
            string type = ContentTypes.GetValueOrDefault(Path.GetExtension(name), "application/octet-stream");
            assets[name[Prefix.Length..]] = new UiAsset(content, type, $"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..32]}\"");
        }

        return new UiAssets(assets);
    }
}

/// <summary>One embedded file of the page.</summary>
/// <param name="Content">Its bytes.</param>
/// <param name="ContentType">Its media type.</param>
/// <param name="ETag">A strong validator: a hash of the bytes.</param>
internal sealed record UiAsset(byte[] Content, string ContentType, string ETag);
