using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Reads one request object's fields the way Django REST framework's serializer fields do — CharField (strips
/// whitespace, refuses blanks unless allowed), IntegerField (also takes <c>"5"</c> and <c>5.0</c>), FloatField,
/// BooleanField (DRF's true/false spellings), ChoiceField — and collects DRF's own messages per field in
/// <see cref="Errors"/> (<c>{"name": ["This field is required."]}</c>), so a 400 names what was wrong as CVAT's
/// serializers would.
/// </summary>
internal sealed partial class CvatFakeFields(JsonObject body)
{
    private static readonly HashSet<string> TrueWords = new(StringComparer.Ordinal) { "t", "T", "y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON", "1" };
    private static readonly HashSet<string> FalseWords = new(StringComparer.Ordinal) { "f", "F", "n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF", "0" };

    /// <summary>The errors so far, DRF-shaped.</summary>
    public JsonObject Errors { get; } = [];

    /// <summary>Whether no field failed.</summary>
    public bool Valid => Errors.Count == 0;

    /// <summary>The object being read.</summary>
    public JsonObject Body => body;

    /// <summary>DRF's non-dictionary complaint, with Python's name of what came instead.</summary>
    public static JsonObject NotADictionary(JsonNode? node) =>
        new() { ["non_field_errors"] = new JsonArray($"Invalid data. Expected a dictionary, but got {PythonType(node)}.") };

    /// <summary>Python's type name for a JSON value (<c>list</c>, <c>str</c>, <c>int</c>, …).</summary>
    public static string PythonType(JsonNode? node) => node switch
    {
        null => "NoneType",
        JsonObject => "dict",
        JsonArray => "list",
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "str",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "bool",
        JsonValue v when v.TryGetValue(out JsonElement e) && e.GetRawText().AsSpan().IndexOfAny('.', 'e', 'E') >= 0 => "float",
        _ => "int",
    };

    /// <summary>Adds <paramref name="message"/> to <paramref name="field"/>'s errors.</summary>
    public void Fail(string field, string message)
    {
        if (Errors[field] is JsonArray list)
        {
            list.Add(message);
        }
        else
        {
            Errors[field] = new JsonArray(message);
        }
    }

    /// <summary>Sets <paramref name="field"/>'s errors to a nested structure (a list serializer's per-item errors).</summary>
    public void Nest(string field, JsonNode errors) => Errors[field] = errors;

    /// <summary>A CharField.</summary>
    public string? String(string field, bool required = true, bool allowBlank = false, int maxLength = int.MaxValue, string? fallback = null)
    {
        if (!Present(field, required, allowNull: false, out var node))
        {
            return fallback;
        }

        if (node is not JsonValue value || value.GetValueKind() is not (JsonValueKind.String or JsonValueKind.Number))
        {
            Fail(field, "Not a valid string.");
            return null;
        }

        string text = (value.GetValueKind() == JsonValueKind.String ? value.GetValue<string>() : value.ToJsonString()).Trim();
        if (!allowBlank && text.Length == 0)
        {
            Fail(field, "This field may not be blank.");
            return null;
        }

        if (text.Length > maxLength)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this field has no more than {maxLength} characters."));
            return null;
        }

        return text;
    }

    /// <summary>An IntegerField: the value, or null when absent, null (if allowed) or invalid.</summary>
    public long? Integer(string field, bool required = true, bool allowNull = false, long? min = null, long? max = null)
    {
        if (!Present(field, required, allowNull, out var node) || node is null)
        {
            return null;
        }

        if (!TryInteger(node, out long value))
        {
            Fail(field, "A valid integer is required.");
            return null;
        }

        return Bounded(field, value, min, max) ? value : null;
    }

    /// <summary>A FloatField.</summary>
    public double? Float(string field, bool required = true, double? min = null, double? max = null)
    {
        if (!Present(field, required, allowNull: false, out var node))
        {
            return null;
        }

        if (node is not JsonValue value || !TryNumber(value, out double number))
        {
            Fail(field, "A valid number is required.");
            return null;
        }

        if (number < min)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this value is greater than or equal to {min}."));
            return null;
        }

        if (number > max)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this value is less than or equal to {max}."));
            return null;
        }

        return number;
    }

    /// <summary>A BooleanField.</summary>
    public bool? Boolean(string field, bool required = true)
    {
        if (!Present(field, required, allowNull: false, out var node))
        {
            return null;
        }

        if (node is JsonValue value)
        {
            switch (value.GetValueKind())
            {
                case JsonValueKind.True:
                    return true;
                case JsonValueKind.False:
                    return false;
                case JsonValueKind.String when TrueWords.Contains(value.GetValue<string>()):
                    return true;
                case JsonValueKind.String when FalseWords.Contains(value.GetValue<string>()):
                    return false;
                case JsonValueKind.Number when TryInteger(value, out long n) && n is 0 or 1:
                    return n == 1;
            }
        }

        Fail(field, "Must be a valid boolean.");
        return null;
    }

    /// <summary>A ChoiceField of strings.</summary>
    public string? Choice(string field, IReadOnlyCollection<string> choices, bool required = true)
    {
        if (!Present(field, required, allowNull: false, out var node))
        {
            return null;
        }

        string given = node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : node!.ToJsonString();
        if (!choices.Contains(given))
        {
            Fail(field, $"\"{given}\" is not a valid choice.");
            return null;
        }

        return given;
    }

    /// <summary>A list field: the array, or null (with DRF's message) when it is not one.</summary>
    public JsonArray? List(string field, bool required = true)
    {
        if (!Present(field, required, allowNull: false, out var node))
        {
            return null;
        }

        if (node is not JsonArray list)
        {
            Fail(field, $"Expected a list of items but got type \"{PythonType(node)}\".");
            return null;
        }

        return list;
    }

    /// <summary>Whether <paramref name="field"/> was sent at all.</summary>
    public bool Has(string field) => body.ContainsKey(field);

    /// <summary>DRF's IntegerField conversion: JSON integers, floats and strings whose value is a whole number.</summary>
    public static bool TryInteger(JsonNode? node, out long value)
    {
        value = 0;
        if (node is not JsonValue scalar)
        {
            return false;
        }

        if (scalar.GetValueKind() == JsonValueKind.Number)
        {
            if (scalar.TryGetValue(out value))
            {
                return true;
            }

            if (TryNumber(scalar, out double d) && double.IsInteger(d) && Math.Abs(d) < 9e18)
            {
                value = (long)d;
                return true;
            }

            return false;
        }

        return scalar.GetValueKind() == JsonValueKind.String
            && long.TryParse(TrailingZeroFraction().Replace(scalar.GetValue<string>().Trim(), ""), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>A JSON number (not a bool, not a string) as a double.</summary>
    public static bool TryNumber(JsonValue value, out double number)
    {
        number = 0;
        return value.GetValueKind() == JsonValueKind.Number && value.TryGetValue(out number);
    }

    private bool Bounded(string field, long value, long? min, long? max)
    {
        if (value < min)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this value is greater than or equal to {min}."));
            return false;
        }

        if (value > max)
        {
            Fail(field, string.Create(CultureInfo.InvariantCulture, $"Ensure this value is less than or equal to {max}."));
            return false;
        }

        return true;
    }

    private bool Present(string field, bool required, bool allowNull, out JsonNode? node)
    {
        if (!body.TryGetPropertyValue(field, out node))
        {
            if (required)
            {
                Fail(field, "This field is required.");
            }

            return false;
        }

        if (node is null && !allowNull)
        {
            Fail(field, "This field may not be null.");
            return false;
        }

        return true;
    }

    [GeneratedRegex(@"\.0*\s*$")]
    private static partial Regex TrailingZeroFraction();
}
