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

    private const long Gigabyte = 1L << 30;

    [Theory]
    [InlineData("DEFAULT", "default")]
    [InlineData(" default ", "default")]
    [InlineData("sim", "sim")]
    public void The_default_strategy_is_named_in_any_case(string given, string stored) =>
        Assert.Equal(stored, new ProjectSettings(given, 10, null, false, 1, "fcn-small", 10, 0.1, 32, 2).Validated(3, Gigabyte).Acquisition);

    [Theory]
    [InlineData("nope", 10, "fcn-small", 10, 0.1, 32, 2, "acquisition", "unknown acquisition 'nope'")]
    [InlineData("sim", 10, "resnet-9000", 10, 0.1, 32, 2, "model", "unknown model 'resnet-9000'")]
    [InlineData("sim", 0, "fcn-small", 10, 0.1, 32, 2, "budget", "must be 1..10000")]
    [InlineData("sim", int.MaxValue, "fcn-small", 10, 0.1, 32, 2, "budget", "must be 1..10000")]
    [InlineData("sim", 10, "fcn-small", 0, 0.1, 32, 2, "iterations", "must be 1..20000")]
    [InlineData("sim", 10, "fcn-small", 2_000_000_000, 0.1, 32, 2, "iterations", "must be 1..20000")]
    [InlineData("sim", 10, "fcn-small", 10, double.NaN, 32, 2, "learningRate", "must be 1E-06..10")]
    [InlineData("sim", 10, "fcn-small", 10, double.PositiveInfinity, 32, 2, "learningRate", "must be 1E-06..10")]
    [InlineData("sim", 10, "fcn-small", 10, 1e308, 32, 2, "learningRate", "must be 1E-06..10")]
    [InlineData("sim", 10, "fcn-small", 10, 0.0, 32, 2, "learningRate", "must be 1E-06..10")]
    [InlineData("sim", 10, "fcn-small", 10, 0.1, 7, 2, "cropSize", "must be 8..1024")]
    [InlineData("sim", 10, "fcn-small", 10, 0.1, 1_000_000, 2, "cropSize", "must be 8..1024")]
    [InlineData("sim", 10, "fcn-small", 10, 0.1, 32, 100_000_000, "batchSize", "must be 1..256")]
    public void A_bad_setting_is_a_validation_error_naming_its_field(string acquisition, int budget, string model, int iterations, double learningRate,
        int cropSize, int batchSize, string field, string expected)
    {
        var error = Assert.Throws<CampaignValidationException>(() =>
            new ProjectSettings(acquisition, budget, null, false, 1, model, iterations, learningRate, cropSize, batchSize).Validated(3, Gigabyte));
        Assert.StartsWith(expected, Assert.Single(error.Errors![field]), StringComparison.Ordinal);
        Assert.Contains($"{field} {expected}", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Settings_whose_training_would_not_fit_the_memory_budget_are_refused_by_batch_size()
    {
        // fcn-small, 256 × 1024² pixels per step at 21 classes: 512 MiB + 268,435,456 px × (620 + 16·21) B ≈ 245 GiB.
        var huge = new ProjectSettings("sim", 10, null, false, 1, "fcn-small", 10, 0.1, 1024, 256);
        var error = Assert.Throws<CampaignValidationException>(() => huge.Validated(21, 8 * Gigabyte));
        Assert.Contains("needs about 245248 MB", Assert.Single(error.Errors!["batchSize"]), StringComparison.Ordinal);
        // The engine's defaults (8 × 96² at 21 classes: 512 MiB + 73,728 × 956 B ≈ 579 MiB) fit a 1 GiB budget.
        Assert.Equal(8, new ProjectSettings("sim", 10, null, false, 1, "fcn-small", 10, 0.1, 96, 8).Validated(21, Gigabyte).BatchSize);
    }
}
