using Alc.Client.Generator;

namespace Alc.Client.Tests;

/// <summary>The checked-in SDK is what the generator makes from the checked-in contract.</summary>
public sealed class GeneratedSdkTests
{
    [Fact]
    public async Task The_checked_in_sdk_is_generated_from_the_checked_in_openapi_document()
    {
        var files = await SdkGenerator.GenerateAsync(Repository.OpenApi);
        Assert.Equal(["Contracts.g.cs", "IAlcApi.g.cs"], files.Keys);
        foreach (var (name, code) in files)
        {
            string path = Path.Combine(Repository.Generated, name);
            Assert.True(File.Exists(path) && File.ReadAllText(path).ReplaceLineEndings("\n") == code,
                $"{name} is stale; regenerate: dotnet run --project clients/Alc.Client.Generator -- openapi/alc.v1.json clients/Alc.Client/Generated");
        }
    }

    [Fact]
    public async Task Every_operation_becomes_one_method_named_after_its_operation_id()
    {
        var document = await NSwag.OpenApiDocument.FromFileAsync(Repository.OpenApi);
        var methods = typeof(IAlcApi).GetMethods().Select(m => m.Name).ToList();
        Assert.Equal(document.Operations.Select(o => o.Operation.OperationId + "Async").Order(), methods.Order());
        var submit = typeof(IAlcApi).GetMethod(nameof(IAlcApi.SubmitAnswersAsync))!;
        Assert.Contains(submit.GetParameters(), p => p.GetCustomAttributes(typeof(Refit.HeaderAttribute), false)
            .Cast<Refit.HeaderAttribute>().Any(h => h.Header == "Idempotency-Key"));
    }
}
