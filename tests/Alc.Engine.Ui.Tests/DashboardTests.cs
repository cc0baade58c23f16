using System.Net;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;
using Microsoft.Playwright;

namespace Alc.Engine.Ui.Tests;

/// <summary>The lead's dashboard in a real chromium: the new curve point after a round closes, and a training job's live progress.</summary>
[Collection(UiEngineGroup.Name)]
public sealed class DashboardTests(UiEngine ui)
{
    [Fact]
    public async Task The_dashboard_shows_the_new_curve_point_after_the_round_closes_and_job_progress_while_training()
    {
        // Long enough training that its progress is seen between the first event and the last.
        var (project, round) = await ui.QueryingProject("dash", budget: 4, iterations: 150);
        var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(ui.Url("/ui/#/dashboard"));
        await page.Locator("#dashboard-project").SelectOptionAsync(project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await page.Locator("#quality-chart .point").First.WaitForAsync();
        Assert.Equal(0, await page.Locator("#quality-chart [data-series='Data mIoU'] .point[data-round='1']").CountAsync());

        // Answer round 1 over the API; the round closes and records its Data mIoU.
        var batch = await ui.Client.Lease(project.Id, "api", round.Queries);
        var answers = batch.Queries.Select(q => new AnswerItem { QueryId = q.Id, Verdict = Verdict.Correct, Label = (q.ShownLabel + 1) % ui.Dataset.Classes.Count, ElapsedMs = 3000 }).ToList();
        var receipt = await (await ui.Client.Answer(project.Id, "dash-1", new AnswerBatchRequest { Annotator = "api", Answers = answers })).Read<AnswerBatchResponse>();
        Assert.True(receipt.RoundClosed);
        var metrics = await ui.Client.Get<ProjectMetricsDto>($"/projects/{project.Id}/metrics");

        await page.ReloadAsync();
        await page.Locator("#dashboard-project").SelectOptionAsync(project.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var point = page.Locator("#quality-chart [data-series='Data mIoU'] .point[data-round='1']");
        await point.WaitForAsync();
        Assert.Equal(metrics.Rounds[0].DataMIoU!.Value, double.Parse((await point.GetAttributeAsync("data-y"))!, System.Globalization.CultureInfo.InvariantCulture), 9);
        Assert.Equal(round.Queries, await page.Locator("#throughput-table tbody td").Nth(1).TextContentAsync() is { } n ? int.Parse(n, System.Globalization.CultureInfo.InvariantCulture) : -1);
        await page.Locator("#changed-count").WaitForAsync();
        Assert.True(int.Parse((await page.Locator("#changed-count").GetAttributeAsync("data-changed"))!, System.Globalization.CultureInfo.InvariantCulture) >= 0);
        await Screenshots.Save(page, "dashboard-after-round");

        // Start round 2 from the page: the job's progress arrives by its events while it trains.
        await page.Locator("#start-round").ClickAsync();
        await page.WaitForFunctionAsync("() => { const p = document.querySelector('#job-progress'); return p && Number(p.dataset.progress) > 0 && Number(p.dataset.progress) < 1; }",
            null, new PageWaitForFunctionOptions { Timeout = 60000 });
        await Screenshots.Save(page, "dashboard-training");
        var rounds = await ui.Client.Get<List<RoundDto>>($"/projects/{project.Id}/rounds");
        Assert.Equal(2, rounds.Count);
        Assert.NotEqual(RoundState.Closed, rounds[1].State);
        await ui.Client.WaitForJob(rounds[1].JobId!.Value);
        await page.Locator("#round-controls li[data-round='2'][data-state='querying']").WaitForAsync(new LocatorWaitForOptions { Timeout = 30000 });
        Assert.Equal(HttpStatusCode.OK, (await ui.Client.GetAsync($"/projects/{project.Id}/rounds/2")).StatusCode);
    }
}
