using NJsonSchema.CodeGeneration.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;

namespace Alc.Client.Generator;

/// <summary>Generates the SDK's two files from one OpenAPI document: the contracts (NSwag) and the Refit interface (<see cref="RefitInterfaceWriter"/>).</summary>
public static partial class SdkGenerator
{
    /// <summary>The namespace of everything generated.</summary>
    public const string Namespace = "Alc.Client";

    /// <summary>File name → code, with "\n" line endings.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> GenerateAsync(string openApiPath)
    {
        var document = await OpenApiDocument.FromFileAsync(Path.GetFullPath(openApiPath));
        var settings = Settings();
        string contracts = new CSharpClientGenerator(document, settings).GenerateFile();
        var resolver = new CSharpTypeResolver(settings.CSharpGeneratorSettings);
        resolver.RegisterSchemaDefinitions(document.Definitions);
        string api = RefitInterfaceWriter.Write(document, resolver, Namespace);
        return new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["Contracts.g.cs"] = Normalize(WithoutEnumConverterAttributes(contracts)),
            ["IAlcApi.g.cs"] = Normalize(api),
        };
    }

    internal static CSharpClientGeneratorSettings Settings()
    {
        var settings = new CSharpClientGeneratorSettings
        {
            GenerateClientClasses = false,
            GenerateClientInterfaces = false,
            GenerateExceptionClasses = false,
            GenerateDtoTypes = true,
        };
        var csharp = settings.CSharpGeneratorSettings;
        csharp.Namespace = Namespace;
        csharp.JsonLibrary = CSharpJsonLibrary.SystemTextJson;
        csharp.GenerateNullableReferenceTypes = true;
        csharp.GenerateOptionalPropertiesAsNullable = true;
        csharp.GenerateDataAnnotations = true;
        csharp.ClassStyle = CSharpClassStyle.Poco;
        csharp.ArrayType = "System.Collections.Generic.List";
        csharp.ArrayInstanceType = "System.Collections.Generic.List";
        csharp.ArrayBaseType = "System.Collections.Generic.List";
        csharp.DictionaryType = "System.Collections.Generic.Dictionary";
        csharp.DictionaryInstanceType = "System.Collections.Generic.Dictionary";
        csharp.DictionaryBaseType = "System.Collections.Generic.Dictionary";
        return settings;
    }

    // NSwag puts a JsonStringEnumConverter<T> on every enum property, which writes the C# member name ("None"), not the
    // contract's ("none"), and the engine accepts only the contract's. Without it AlcJson's camelCase converter applies
    // (every enum value in the document is its member's name in camelCase; a client test checks the round trip).
    private static string WithoutEnumConverterAttributes(string code) =>
        EnumConverterAttribute().Replace(code, "");

    [System.Text.RegularExpressions.GeneratedRegex(@"^[ \t]*\[System\.Text\.Json\.Serialization\.JsonConverter\(typeof\(System\.Text\.Json\.Serialization\.JsonStringEnumConverter<[\w.]+>\)\)\]\r?\n",
        System.Text.RegularExpressions.RegexOptions.Multiline)]
    private static partial System.Text.RegularExpressions.Regex EnumConverterAttribute();

    private static string Normalize(string code) => code.ReplaceLineEndings("\n").TrimEnd() + "\n";
}
