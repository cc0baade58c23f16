using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>An attribute spec as a project or task create request gives it, checked.</summary>
/// <param name="Name">The name.</param>
/// <param name="Mutable">Whether it may change between frames of a track.</param>
/// <param name="InputType">checkbox, radio, number, text or select.</param>
/// <param name="DefaultValue">The default value.</param>
/// <param name="Values">The allowed values (for number: <c>[min, max, step]</c>).</param>
internal sealed record CvatFakeAttributeSpec(string Name, bool Mutable, string InputType, string DefaultValue, IReadOnlyList<string> Values);

/// <summary>A label as a create request gives it, checked.</summary>
/// <param name="Name">The name.</param>
/// <param name="Color">The color, or null to have one assigned.</param>
/// <param name="Type">The label type (default <c>any</c>).</param>
/// <param name="Attributes">The attribute specs.</param>
internal sealed record CvatFakeLabelSpec(string Name, string? Color, string Type, IReadOnlyList<CvatFakeAttributeSpec> Attributes);

/// <summary>
/// The <c>labels</c> field of <c>POST /api/projects</c> and <c>POST /api/tasks</c>, read as CVAT's LabelSerializer and
/// AttributeSerializer read it (<c>cvat/apps/engine/serializers.py</c>): a label needs a non-blank <c>name</c> (at most
/// 64 characters); <c>color</c> is optional; <c>type</c> defaults to <c>any</c>; each attribute needs <c>name</c>,
/// <c>mutable</c>, <c>input_type</c>, <c>default_value</c> and <c>values</c> (strings of at most 200 characters).
/// Field errors come back DRF-shaped, one entry per list item (<c>{"labels": [{}, {"attributes": [{"values": [...]}]}]}</c>);
/// the checks CVAT makes while saving (duplicate attribute names, via <c>check_attribute_names_unique</c>; duplicate label
/// names) come back as its create-time ValidationError does, a bare list of messages. Beyond CVAT's serializer the fake
/// checks the label type against CVAT's LabelType choices, each spec's values and default against
/// <see cref="CvatFakeAttributeValues"/>, and refuses skeleton sublabels, which it does not model.
/// </summary>
internal static class CvatFakeLabelValidation
{
    /// <summary>CVAT's LabelType choices.</summary>
    public static readonly IReadOnlyList<string> LabelTypes = ["any", "cuboid", "ellipse", "mask", "points", "polygon", "polyline", "rectangle", "skeleton", "tag"];

    /// <summary>
    /// Reads <paramref name="labels"/> (absent: none). Field errors go to <paramref name="fields"/> under <c>labels</c>;
    /// a save-time problem comes back in <paramref name="saveError"/>. Returns the specs when both are clear.
    /// </summary>
    public static IReadOnlyList<CvatFakeLabelSpec>? Read(CvatFakeFields fields, out string? saveError)
    {
        saveError = null;
        var list = fields.List("labels", required: false);
        if (list is null)
        {
            return fields.Has("labels") ? null : [];
        }

        var specs = new List<CvatFakeLabelSpec>();
        var errors = new JsonArray();
        bool failed = false;
        foreach (var item in list)
        {
            var (spec, itemErrors) = ReadLabel(item);
            errors.Add(itemErrors);
            failed |= itemErrors.Count > 0;
            if (spec is not null)
            {
                specs.Add(spec);
            }
        }

        if (failed)
        {
            fields.Nest("labels", errors);
            return null;
        }

        var repeated = specs.GroupBy(s => s.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (repeated is not null)
        {
            saveError = $"All label names must be unique: '{repeated.Key}' is given {repeated.Count()} times";
            return null;
        }

        var duplicateAttribute = specs.SelectMany(s => s.Attributes.GroupBy(a => a.Name, StringComparer.Ordinal)).FirstOrDefault(g => g.Count() > 1);
        if (duplicateAttribute is not null)
        {
            saveError = $"Duplicate attribute with name '{duplicateAttribute.Key}' exists";
            return null;
        }

        return specs;
    }

    private static (CvatFakeLabelSpec? Spec, JsonObject Errors) ReadLabel(JsonNode? item)
    {
        if (item is not JsonObject body)
        {
            return (null, CvatFakeFields.NotADictionary(item));
        }

        var fields = new CvatFakeFields(body);
        string? name = fields.String("name", maxLength: 64);
        string? color = fields.String("color", required: false, allowBlank: true);
        string type = fields.Choice("type", LabelTypes, required: false) ?? "any";
        if (fields.List("sublabels", required: false) is { Count: > 0 })
        {
            fields.Fail("sublabels", "The contract fake does not model skeleton sublabels.");
        }

        var attributes = new List<CvatFakeAttributeSpec>();
        if (fields.List("attributes", required: false) is { } given)
        {
            var errors = new JsonArray();
            bool failed = false;
            foreach (var attribute in given)
            {
                var (spec, attributeErrors) = ReadAttribute(attribute);
                errors.Add(attributeErrors);
                failed |= attributeErrors.Count > 0;
                if (spec is not null)
                {
                    attributes.Add(spec);
                }
            }

            if (failed)
            {
                fields.Nest("attributes", errors);
            }
        }

        return fields.Valid ? (new CvatFakeLabelSpec(name!, string.IsNullOrEmpty(color) ? null : color, type, attributes), fields.Errors) : (null, fields.Errors);
    }

    private static (CvatFakeAttributeSpec? Spec, JsonObject Errors) ReadAttribute(JsonNode? item)
    {
        if (item is not JsonObject body)
        {
            return (null, CvatFakeFields.NotADictionary(item));
        }

        var fields = new CvatFakeFields(body);
        string? name = fields.String("name", maxLength: 64);
        bool? mutable = fields.Boolean("mutable");
        string? inputType = fields.Choice("input_type", CvatFakeAttributeValues.InputTypes);
        string? defaultValue = fields.String("default_value", allowBlank: true, maxLength: 128);
        var values = new List<string>();
        if (fields.List("values") is { } given)
        {
            foreach (var value in given)
            {
                if (value is not JsonValue v || v.GetValueKind() != JsonValueKind.String)
                {
                    fields.Fail("values", "Not a valid string.");
                }
                else if (v.GetValue<string>().Trim() is { Length: > 200 })
                {
                    fields.Fail("values", "Ensure this field has no more than 200 characters.");
                }
                else
                {
                    values.Add(v.GetValue<string>().Trim());
                }
            }
        }

        if (!fields.Valid)
        {
            return (null, fields.Errors);
        }

        if (CvatFakeAttributeValues.SpecProblem(inputType!, values) is string problem)
        {
            fields.Fail("values", problem);
        }
        else if (!CvatFakeAttributeValues.Accepts(inputType!, values, defaultValue!))
        {
            fields.Fail("default_value", $"'{defaultValue}' is not a valid value for a {inputType} attribute with values [{string.Join(", ", values)}]");
        }

        return fields.Valid ? (new CvatFakeAttributeSpec(name!, mutable!.Value, inputType!, defaultValue!, values), fields.Errors) : (null, fields.Errors);
    }
}
