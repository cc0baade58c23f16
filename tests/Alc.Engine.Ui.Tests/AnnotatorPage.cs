using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>The annotator view as a person at a keyboard drives it: every step below is a key press, never a click.</summary>
internal sealed class AnnotatorPage(IPage page)
{
    public IPage Page { get; } = page;

    public ILocator Card => Page.Locator("#card");

    public ILocator Status => Page.Locator("#queue-status");

    /// <summary>
    /// Opens the page and, keys only, picks the project by typing its name into the focused project list (the list's own
    /// type-ahead), tabs to the name, types it and starts with Enter.
    /// </summary>
    public async Task Start(string url, string annotator, string projectName)
    {
        await Page.GotoAsync(url);
        await Page.Locator("#project-select:focus").WaitForAsync();
        await Page.Keyboard.TypeAsync(projectName);
        await Page.Keyboard.PressAsync("Tab");
        await Page.Keyboard.PressAsync("Control+A");
        await Page.Keyboard.TypeAsync(annotator);
        await Page.Keyboard.PressAsync("Enter");
    }

    /// <summary>Waits for a card other than <paramref name="previous"/> with its picture drawn; returns its query id.</summary>
    public async Task<long> NextCard(long? previous = null)
    {
        await Page.WaitForFunctionAsync(
            "prev => { const c = document.querySelector('#card'); const img = document.querySelector('#card-image'); " +
            "return c && !c.hidden && img && img.complete && c.dataset.queryId && c.dataset.queryId !== String(prev); }",
            previous ?? -1, new PageWaitForFunctionOptions { Timeout = 20000 });
        return long.Parse((await Card.GetAttributeAsync("data-query-id"))!, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Waits until the status says <paramref name="state"/> (none, training, loading, sending, empty, closed).</summary>
    public Task WaitForState(string state, int timeoutMs = 30000) =>
        Page.WaitForSelectorAsync($"#queue-status[data-state='{state}']", new PageWaitForSelectorOptions { Timeout = timeoutMs });
}
