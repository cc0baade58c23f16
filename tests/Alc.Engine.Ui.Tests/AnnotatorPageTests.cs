using System.Collections.Concurrent;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>The correction page in a real chromium against the real engine: keyboard-only rounds, undo, lost requests, two annotators.</summary>
[Collection(UiEngineGroup.Name)]
public sealed class AnnotatorPageTests(UiEngine ui)
{
    private async Task<IPage> NewPage(IBrowserContext? context = null)
    {
        context ??= await ui.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 900 } });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task An_annotator_answers_a_whole_round_with_the_keyboard_only_and_the_engine_stores_exactly_those_verdicts_and_the_round_closes()
    {
        var (project, round) = await ui.QueryingProject("keyboard", budget: 8);
        var page = new AnnotatorPage(await NewPage());
        await page.Start(ui.Url(), "kim", "keyboard");
        var classes = ui.Dataset.Classes;
        var verdicts = new Verdicts(ui.Client, project.Id, classes);
        long? previous = null;
        for (int i = 0; i < round.Queries; i++)
        {
            long id = await page.NextCard(previous);
            var query = await ui.Client.Get<QueryDto>($"/queries/{id}");
            switch (i % 4)
            {
                case 0:
                    await page.Page.Keyboard.PressAsync(i % 8 == 0 ? "Enter" : " ");
                    verdicts.Record(id, "confirm");
                    break;
                case 1:
                    int digit = (query.ShownLabel + 1) % classes.Count;
                    await page.Page.Keyboard.PressAsync(((digit + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
                    verdicts.Record(id, "correct", digit);
                    break;
                case 2:
                    await page.Page.Keyboard.PressAsync("u");
                    verdicts.Record(id, "unsure");
                    break;
                default:
                    // The type-ahead picker: "/", the first letters of the class's name, Enter.
                    var target = classes[(query.ShownLabel + 2) % classes.Count];
                    await page.Page.Keyboard.PressAsync("/");
                    await page.Page.Keyboard.TypeAsync(target.Name[..Math.Min(3, target.Name.Length)]);
                    if (i == 3)
                    {
                        await Screenshots.Save(page.Page, "annotator-class-picker");
                    }

                    await page.Page.Keyboard.PressAsync("Enter");
                    verdicts.Record(id, "correct", target.Id);
                    break;
            }

            if (i == 0)
            {
                await Screenshots.Save(page.Page, "annotator-card");
            }

            previous = id;
        }

        await page.WaitForState("closed");
        await Screenshots.Save(page.Page, "annotator-round-closed");
        Assert.Equal(RoundState.Closed, (await ui.Client.Get<RoundDto>($"/projects/{project.Id}/rounds/1")).State);
        await verdicts.AssertStored();
    }

    [Fact]
    public async Task Undo_takes_back_an_answer_before_it_is_sent_and_a_network_failure_mid_batch_loses_and_duplicates_nothing()
    {
        var (project, round) = await ui.QueryingProject("undo", budget: 8);
        var page = new AnnotatorPage(await NewPage());
        // The first answer batch reaches the engine but its response is lost; its retry is lost before it arrives; then the network is back.
        var keys = new ConcurrentQueue<string>();
        int calls = 0;
        await page.Page.RouteAsync("**/projects/*/answers", async route =>
        {
            keys.Enqueue(route.Request.Headers["idempotency-key"]);
            switch (Interlocked.Increment(ref calls))
            {
                case 1:
                    await route.FetchAsync();
                    await route.AbortAsync("connectionreset");
                    break;
                case 2:
                    await route.AbortAsync("internetdisconnected");
                    break;
                default:
                    await route.ContinueAsync();
                    break;
            }
        });
        await page.Start(ui.Url(), "uma", "undo");
        var verdicts = new Verdicts(ui.Client, project.Id, ui.Dataset.Classes);

        long first = await page.NextCard();
        await page.Page.Keyboard.PressAsync("Enter");
        long second = await page.NextCard(first);
        await page.Page.Keyboard.PressAsync("Backspace");
        Assert.Equal(first, await page.NextCard(second));
        await Screenshots.Save(page.Page, "annotator-undo");
        var query = await ui.Client.Get<QueryDto>($"/queries/{first}");
        int corrected = (query.ShownLabel + 1) % ui.Dataset.Classes.Count;
        await page.Page.Keyboard.PressAsync(((corrected + 1) % 10).ToString(System.Globalization.CultureInfo.InvariantCulture));
        verdicts.Record(first, "correct", corrected);
        long previous = first;
        for (int i = 1; i < round.Queries; i++)
        {
            long id = await page.NextCard(previous);
            await page.Page.Keyboard.PressAsync("Enter");
            verdicts.Record(id, "confirm");
            previous = id;
        }

        await page.WaitForState("closed", 60000);
        var sent = keys.ToArray();
        Assert.True(sent.Length >= 3, $"{sent.Length} answer requests");
        Assert.Equal(sent[0], sent[1]);
        Assert.Equal(sent[0], sent[2]);
        Assert.Equal(sent.Length - 2, sent.Distinct().Count());
        await verdicts.AssertStored();
    }

    [Fact]
    public async Task Two_annotators_in_two_browser_contexts_never_see_the_same_query()
    {
        var (project, round) = await ui.QueryingProject("pair", budget: 16);
        var pages = new[] { new AnnotatorPage(await NewPage()), new AnnotatorPage(await NewPage()) };
        await pages[0].Start(ui.Url(), "ada", "pair");
        await pages[0].NextCard();
        await pages[1].Start(ui.Url(), "bo", "pair");
        var seen = new[] { new List<long>(), new List<long>() };
        var done = new[] { false, false };
        while (!done[0] || !done[1])
        {
            for (int a = 0; a < 2; a++)
            {
                if (done[a])
                {
                    continue;
                }

                var page = pages[a];
                var state = await page.Page.WaitForFunctionAsync(
                    "prev => { const c = document.querySelector('#card'); const img = document.querySelector('#card-image'); const s = document.querySelector('#queue-status');" +
                    " if (c && !c.hidden && img && img.complete && c.dataset.queryId !== String(prev)) return 'card';" +
                    " return ['empty', 'closed'].includes(s.dataset.state) ? s.dataset.state : false; }",
                    seen[a].Count == 0 ? -1 : seen[a][^1], new PageWaitForFunctionOptions { Timeout = 30000 });
                if ((await state.JsonValueAsync<string>()) != "card")
                {
                    done[a] = true;
                    continue;
                }

                seen[a].Add(long.Parse((await page.Card.GetAttributeAsync("data-query-id"))!, System.Globalization.CultureInfo.InvariantCulture));
                await page.Page.Keyboard.PressAsync("Enter");
            }
        }

        await Screenshots.Save(pages[1].Page, "annotator-second-annotator-done");
        Assert.Empty(seen[0].Intersect(seen[1]));
        Assert.NotEmpty(seen[0]);
        Assert.NotEmpty(seen[1]);
        await pages[0].WaitForState("closed");
        Assert.Equal(round.Queries, seen[0].Count + seen[1].Count);
        var throughput = await ui.Client.Get<List<AnnotatorThroughputDto>>($"/projects/{project.Id}/annotators");
        Assert.Equal(new[] { "ada", "bo" }, throughput.Select(t => t.Annotator).Order(StringComparer.Ordinal));
    }
}
