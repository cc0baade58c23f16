using System.Text.Json.Nodes;
using Alc.Integrations.Cvat.Rest;

namespace Alc.Integrations.Cvat.Tasks;

/// <summary>
/// The labels of a CVAT correction project: one per dataset class, each with the <see cref="QueryAttribute"/> (the query
/// a point asks, for the annotator to see) and the <see cref="UnsureAttribute"/> checkbox; <see cref="Unlabelled"/> for a
/// point whose shown label is the engine's ignore value; and <see cref="Region"/>, a mask label for the layer that shows
/// what an answer covers (CVAT lets the annotator hide or show it per label).
/// </summary>
public static class CorrectionLabels
{
    /// <summary>The mask label of the "what the answer covers" layer.</summary>
    public const string Region = "alc-region";

    /// <summary>The label of a point whose pixel is currently unlabelled (the engine's ignore value).</summary>
    public const string Unlabelled = "alc-unlabelled";

    /// <summary>The text attribute that shows a point's query id.</summary>
    public const string QueryAttribute = "query";

    /// <summary>The checkbox an annotator ticks when they cannot tell the pixel's class.</summary>
    public const string UnsureAttribute = "unsure";

    /// <summary>The names the bridge adds to the classes; a dataset class may not use them.</summary>
    public static IReadOnlyList<string> Reserved { get; } = [Region, Unlabelled];

    /// <summary>The label specs for <c>POST /api/projects</c>: the classes in id order, then <see cref="Unlabelled"/> and <see cref="Region"/>.</summary>
    /// <param name="classNames">The dataset's class names, in class-id order.</param>
    /// <exception cref="ArgumentException">A class is named like a reserved label, or two classes share a name.</exception>
    public static JsonArray Specs(IReadOnlyList<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (classNames.FirstOrDefault(Reserved.Contains) is { } clash)
        {
            throw new ArgumentException($"The dataset has a class named \"{clash}\", a label the CVAT bridge reserves.", nameof(classNames));
        }

        if (classNames.GroupBy(n => n, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw new ArgumentException($"Two classes are named \"{twice.Key}\"; CVAT labels must be unique.", nameof(classNames));
        }

        var specs = new JsonArray();
        foreach (string name in classNames.Append(Unlabelled))
        {
            specs.Add(new JsonObject
            {
                ["name"] = name,
                ["type"] = "any",
                ["attributes"] = new JsonArray(
                    new JsonObject { ["name"] = QueryAttribute, ["mutable"] = false, ["input_type"] = "text", ["default_value"] = "", ["values"] = new JsonArray("") },
                    new JsonObject { ["name"] = UnsureAttribute, ["mutable"] = false, ["input_type"] = "checkbox", ["default_value"] = "false", ["values"] = new JsonArray("false") }),
            });
        }

        specs.Add(new JsonObject { ["name"] = Region, ["type"] = "mask", ["color"] = "#ffd700", ["attributes"] = new JsonArray() });
        return specs;
    }

    /// <summary>The class labels <paramref name="labels"/> lacks (a project made by hand, or classes added since).</summary>
    public static IReadOnlyList<string> Missing(IReadOnlyList<string> classNames, IReadOnlyList<CvatLabel> labels) =>
        [.. classNames.Concat(Reserved).Where(n => labels.All(l => l.Name != n))];
}
