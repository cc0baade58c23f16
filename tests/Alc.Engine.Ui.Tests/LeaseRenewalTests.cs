using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Tests;

namespace Alc.Engine.Ui.Tests;

/// <summary>While the page is open its leases are renewed: with 6-second leases, the card's query is still the annotator's well past its first expiry.</summary>
public sealed class LeaseRenewalTests : IAsyncLifetime, IDisposable
{
    private readonly UiEngine _ui = new(new Dictionary<string, string> { ["ALC_LEASESECONDS"] = "6" });

    public Task InitializeAsync() => _ui.InitializeAsync();

    public Task DisposeAsync() => _ui.DisposeAsync();

    public void Dispose() => _ui.Dispose();

    [Fact]
    public async Task An_open_page_keeps_its_leases_past_their_first_expiry_and_another_annotator_cannot_take_them()
    {
        var (project, _) = await _ui.QueryingProject("renewal", budget: 4);
        var page = await (await _ui.Browser.NewContextAsync()).NewPageAsync();
        var annotator = new AnnotatorPage(page);
        await annotator.Start(_ui.Url(), "rita", "renewal");
        long shown = await annotator.NextCard();
        var first = await _ui.Client.Get<QueryDto>($"/queries/{shown}");
        Assert.Equal("rita", first.LeaseOwner);

        // Three lease lengths later, with the page idle on its card, the lease is still rita's and has moved on.
        await Task.Delay(TimeSpan.FromSeconds(18));
        var later = await _ui.Client.Get<QueryDto>($"/queries/{shown}");
        Assert.Equal("rita", later.LeaseOwner);
        Assert.True(later.LeaseExpiresAt > first.LeaseExpiresAt!.Value.AddSeconds(6), $"{first.LeaseExpiresAt:O} → {later.LeaseExpiresAt:O}");
        var other = await _ui.Client.Lease(project.Id, "sam", 4);
        Assert.DoesNotContain(shown, other.Queries.Select(q => q.Id));
    }
}
