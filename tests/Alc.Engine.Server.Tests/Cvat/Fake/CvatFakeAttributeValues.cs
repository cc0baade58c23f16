using System.Globalization;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// What an attribute spec's <c>values</c> must look like for its <c>input_type</c>, and which values it accepts — the
/// rules of <c>cvat-sdk/cvat_sdk/attributes.py</c> (<c>attribute_value_validator</c>, <c>number_attribute_values</c>),
/// which match cvat-core's <c>validateAttributeValue</c>: <c>number</c> takes three integer strings
/// <c>[min, max, step]</c> with min ≤ max, step &gt; 0 dividing max − min, and accepts whole numbers on that grid;
/// <c>select</c> and <c>radio</c> take a non-empty list and accept its members; <c>text</c> accepts anything;
/// <c>checkbox</c> accepts <c>"true"</c> and <c>"false"</c> only. CVAT's server stores specs largely unchecked; the fake
/// refuses malformed ones, and additionally holds checkbox specs to what CVAT's UI writes: one value, <c>"true"</c> or
/// <c>"false"</c> (the default).
/// </summary>
internal static class CvatFakeAttributeValues
{
    /// <summary>The input types CVAT knows.</summary>
    public static readonly IReadOnlyList<string> InputTypes = ["checkbox", "radio", "number", "text", "select"];

    /// <summary>What is wrong with <paramref name="values"/> for <paramref name="inputType"/>, or null.</summary>
    public static string? SpecProblem(string inputType, IReadOnlyList<string> values)
    {
        switch (inputType)
        {
            case "number":
                if (values.Count != 3)
                {
                    return string.Create(CultureInfo.InvariantCulture, $"wrong number of values: expected 3, got {values.Count}");
                }

                if (!TryParse(values[0], out long min) || !TryParse(values[1], out long max) || !TryParse(values[2], out long step))
                {
                    return "values could not be converted to integers";
                }

                if (min > max)
                {
                    return "invalid values: min_value must be less than or equal to max_value";
                }

                if (step <= 0)
                {
                    return "invalid values: step must be positive";
                }

                return (max - min) % step != 0 ? "invalid values: step must be a divisor of max_value - min_value" : null;
            case "radio" or "select":
                return values.Count == 0 ? "empty list of allowed values" : null;
            case "checkbox":
                return values is ["true"] or ["false"] ? null : "checkbox values must be [\"true\"] or [\"false\"] (the default), as CVAT's UI writes them";
            default:
                return null;
        }
    }

    /// <summary>Whether a spec with a valid <paramref name="values"/> list accepts <paramref name="value"/>.</summary>
    public static bool Accepts(string inputType, IReadOnlyList<string> values, string value)
    {
        switch (inputType)
        {
            case "checkbox":
                return value is "true" or "false";
            case "number":
                if (!TryParse(value, out long n))
                {
                    return false;
                }

                long min = long.Parse(values[0].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                long max = long.Parse(values[1].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                long step = long.Parse(values[2].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
                return n >= min && n <= max && (n - min) % step == 0;
            case "radio" or "select":
                return values.Contains(value, StringComparer.Ordinal);
            default:
                return true;
        }
    }

    // Python's int(): surrounding whitespace and a sign allowed, no fraction.
    private static bool TryParse(string text, out long value) =>
        long.TryParse(text.Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
}
