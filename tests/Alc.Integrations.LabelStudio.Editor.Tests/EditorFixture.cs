using Alc.Engine.Ui.Tests;
using Microsoft.Playwright;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>
/// One chromium and one loopback host shared by the editor tests of a collection (starting the browser and loading a
/// 2 MB editor bundle is the slow part); each test gets its own browser context, so no state passes between tests.
/// </summary>
public sealed class EditorFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;
    private EditorHost? _host;

    /// <summary>The window size of every editor page: wide enough for the image (750 px at most) and the side column.</summary>
    public static ViewportSize Viewport { get; } = new() { Width = 1280, Height = 900 };

    /// <inheritdoc />
    public async Task InitializeAsync()
    {
        _host = await EditorHost.StartAsync(EditorPackage.Instance);
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(Chromium.Options);
    }

    /// <summary>Serves <paramref name="png"/> from the editor's origin (so the canvas may read it); returns its path.</summary>
    public string AddImage(string name, byte[] png) => (_host ?? throw new InvalidOperationException("The fixture has not been initialised.")).AddImage(name, png);

    /// <summary>A fresh editor page in a context of its own; disposing the editor closes the context.</summary>
    public async Task<LabelStudioEditor> OpenAsync()
    {
        IBrowser browser = _browser ?? throw new InvalidOperationException("The fixture has not been initialised.");
        IBrowserContext context = await browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = Viewport });
        return await LabelStudioEditor.OpenAsync(context, _host!);
    }

    /// <inheritdoc />
    public async Task DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
    }
}

/// <summary>The editor tests share one <see cref="EditorFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class EditorGroup : ICollectionFixture<EditorFixture>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "label-studio-editor";
}
