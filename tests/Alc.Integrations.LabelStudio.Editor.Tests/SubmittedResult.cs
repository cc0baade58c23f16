using System.Text.Json.Nodes;

namespace Alc.Integrations.LabelStudio.Editor.Tests;

/// <summary>The editor's submitted <c>serializeAnnotation()</c>, read by the tag (<c>from_name</c>) each item belongs to.</summary>
public sealed class SubmittedResult
{
    private SubmittedResult(string json, JsonArray items)
    {
        Json = json;
        Items = items;
    }

    /// <summary>The JSON text as the editor produced it.</summary>
    public string Json { get; }

    /// <summary>The result items, in the editor's order.</summary>
    public JsonArray Items { get; }

    /// <summary>Parses the JSON array <see cref="LabelStudioEditor.SubmitAsync"/> returned.</summary>
    public static SubmittedResult Parse(string json) =>
        new(json, JsonNode.Parse(json)?.AsArray() ?? throw new FormatException("The submitted result is not a JSON array."));

    /// <summary>The items of tag <paramref name="fromName"/>.</summary>
    public IReadOnlyList<JsonObject> Of(string fromName) =>
        [.. Items.OfType<JsonObject>().Where(i => (string?)i["from_name"] == fromName)];

    /// <summary>The one item of tag <paramref name="fromName"/>; fails the test when there is none or several.</summary>
    public JsonObject One(string fromName) => Assert.Single(Of(fromName));

    /// <summary>The chosen values of the Choices tag <paramref name="fromName"/>, or null when it has no item.</summary>
    public IReadOnlyList<string>? Choices(string fromName) =>
        Of(fromName) is [var item] ? [.. item["value"]!["choices"]!.AsArray().Select(c => c!.GetValue<string>())] : null;
}
