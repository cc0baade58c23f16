using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>How the tests start a browser: Debian's chromium (<c>apt-get install chromium</c>), never a downloaded one.</summary>
internal static class Chromium
{
    /// <summary>The system chromium; <c>ALC_CHROMIUM</c> names another binary.</summary>
    public static string Path => Environment.GetEnvironmentVariable("ALC_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    /// <summary>Headless, without the sandbox (the tests may run as root, where chromium refuses it).</summary>
    public static BrowserTypeLaunchOptions Options => new()
    {
        ExecutablePath = File.Exists(Path) ? Path : throw new InvalidOperationException($"No chromium at {Path}: apt-get install -y chromium (build/test.sh does)."),
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"],
    };
}
