using Alc.Campaigns.Errors;
using Alc.Campaigns.Projects;

namespace Alc.Campaigns.Tests.Projects;

public sealed class ProjectSettingsTests
{
    // Written by the engine before the settings became their own record (then the wire DTO was stored as is).
    private const string StoredBefore =
        """{"acquisition":"default","budget":20,"perImageCap":null,"excludeZeroId":false,"seed":1,"model":"fcn-small","iterations":150,"learningRate":0.05,"cropSize":64,"batchSize":4}""";

    [Fact]
    public void Settings_stored_by_an_earlier_version_read_back_and_store_the_same_text()
    {
        var settings = ProjectSettings.FromJson(StoredBefore);

        Assert.Equal(new ProjectSettings(StrategyNames.Default, 20, null, false, 1, "fcn-small", 150, 0.05, 64, 4), settings);
        Assert.Equal(StoredBefore, settings.ToJson());
        Assert.NotNull(settings.Strategy().AutoCorrection);
    }

    [Theory]
    [InlineData("DEFAULT", "default")]
    [InlineData(" default ", "default")]
    [InlineData("sim", "sim")]
    public void The_default_strategy_is_named_in_any_case(string given, string stored) =>
        Assert.Equal(stored, new ProjectSettings(given, 10, null, false, 1, "fcn-small", 10, 0.1, 32, 2).Validated().Acquisition);

    [Theory]
    [InlineData("nope", 10, "fcn-small", 10, 0.1, "Unknown acquisition 'nope'")]
    [InlineData("sim", 10, "resnet-9000", 10, 0.1, "Unknown model 'resnet-9000'")]
    [InlineData("sim", 10, "fcn-small", 0, 0.1, "iterations and batchSize must be ≥ 1")]
    [InlineData("sim", 10, "fcn-small", 10, double.NaN, "learningRate > 0")]
    public void A_bad_setting_is_a_validation_error_naming_it(string acquisition, int budget, string model, int iterations, double learningRate, string expected)
    {
        var error = Assert.Throws<CampaignValidationException>(() =>
            new ProjectSettings(acquisition, budget, null, false, 1, model, iterations, learningRate, 32, 2).Validated());
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
