using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>With API keys configured the page asks for one, an annotator key corrects, and an annotator key cannot start rounds.</summary>
public sealed class ApiKeyTests : IAsyncLifetime, IDisposable
{
    private readonly UiEngine _ui = new(new Dictionary<string, string> { ["ALC_ADMINKEYS"] = "lead-secret", ["ALC_ANNOTATORKEYS"] = "ann-secret" });

    public Task InitializeAsync() => _ui.InitializeAsync();

    public Task DisposeAsync() => _ui.DisposeAsync();

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task With_keys_configured_the_page_asks_for_a_key_and_an_annotator_key_answers_but_cannot_start_rounds()
    {
        var (project, _) = await _ui.QueryingProject("keys", budget: 4);
        var page = await (await _ui.Browser.NewContextAsync()).NewPageAsync();
        await page.GotoAsync(_ui.Url());
        var dialog = page.Locator("#key-dialog[open]");
        await dialog.WaitForAsync();
        await Screenshots.Save(page, "keys-dialog");
        await page.Keyboard.TypeAsync("ann-secret");
        await page.Keyboard.PressAsync("Enter");

        var annotator = new AnnotatorPage(page);
        await annotator.Start(_ui.Url(), "kai", "keys");
        long first = await annotator.NextCard();
        await page.Keyboard.PressAsync("Enter");
        await annotator.NextCard(first);

        await page.GotoAsync(_ui.Url("/ui/#/dashboard"));
        await page.Locator("#dashboard-error").WaitForAsync();
        Assert.Contains("admin key", await page.Locator("#dashboard-error").TextContentAsync(), StringComparison.Ordinal);
        await Screenshots.Save(page, "keys-dashboard-refused");
        // The page's own key, sent by hand from the page, cannot start a round either.
        int status = await page.EvaluateAsync<int>(
            $"async () => (await fetch('/projects/{project.Id}/rounds', {{ method: 'POST', headers: {{ 'X-Api-Key': sessionStorage.getItem('alc.apiKey') }} }})).status");
        Assert.Equal(403, status);
        Assert.Single(await _ui.Client.Get<List<RoundDto>>($"/projects/{project.Id}/rounds"));
    }
}
