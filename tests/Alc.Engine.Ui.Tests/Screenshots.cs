using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>Writes a page's screenshot to <c>screenshots/</c> in the test output folder, for a person to review.</summary>
internal static class Screenshots
{
    public static string Folder { get; } = Directory.CreateDirectory(Path.Combine(AppContext.BaseDirectory, "screenshots")).FullName;

    public static Task Save(IPage page, string name) =>
        page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, $"{name}.png"), FullPage = true });
}
