using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>
/// Python's <c>json.dumps</c>, byte for byte, for the values the contract fake emits — what CVAT's webhook sender signs
/// and posts (<c>cvat/apps/webhooks</c>: <c>hmac.new(secret, json.dumps(payload).encode())</c>, then
/// <c>requests.post(json=payload)</c>, which dumps with the same defaults). <see cref="Dumps"/> is the default call:
/// separators <c>", "</c> and <c>": "</c>, <c>ensure_ascii=True</c> (everything outside space..tilde, DEL included, as
/// lowercase <c>\uXXXX</c>, astral characters as their surrogate pair), objects in insertion order, integers as written,
/// floats as Python's <c>repr</c> (<c>1.0</c>, <c>0.5</c>, <c>1e-05</c>, <c>1e+16</c>). <see cref="DumpsCompact"/> is
/// Django REST framework's JSON renderer, which the fake's REST answers use: separators <c>","</c> and <c>":"</c>,
/// <c>ensure_ascii=False</c>, U+2028 and U+2029 escaped. NaN and infinities throw, as <c>requests</c> dumps with
/// <c>allow_nan=False</c>.
/// </summary>
internal static class PythonJson
{
    /// <summary><c>json.dumps(value)</c> with Python's defaults.</summary>
    public static string Dumps(JsonNode? value)
    {
        var text = new StringBuilder();
        Write(text, value, ", ", ": ", ensureAscii: true);
        return text.ToString();
    }

    /// <summary>Django REST framework's <c>JSONRenderer</c> output: compact separators, non-ASCII kept.</summary>
    public static string DumpsCompact(JsonNode? value)
    {
        var text = new StringBuilder();
        Write(text, value, ",", ":", ensureAscii: false);
        return text.ToString();
    }

    /// <summary>Python's <c>repr</c> of a float: the shortest digits that round-trip, fixed notation for decimal exponents -4..15, else scientific.</summary>
    public static string FloatRepr(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentException($"Out of range float values are not JSON compliant: {value.ToString(CultureInfo.InvariantCulture)}", nameof(value));
        }

        if (value == 0)
        {
            return double.IsNegative(value) ? "-0.0" : "0.0";
        }

        string shortest = Math.Abs(value).ToString("R", CultureInfo.InvariantCulture);
        int exponent = 0;
        int e = shortest.IndexOfAny(['E', 'e']);
        if (e >= 0)
        {
            exponent = int.Parse(shortest[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
            shortest = shortest[..e];
        }

        int dot = shortest.IndexOf('.', StringComparison.Ordinal);
        string whole = dot >= 0 ? shortest[..dot] : shortest;
        string digits = whole + (dot >= 0 ? shortest[(dot + 1)..] : "");
        int point = whole.Length + exponent;
        int leading = 0;
        while (leading < digits.Length - 1 && digits[leading] == '0')
        {
            leading++;
        }

        digits = digits[leading..].TrimEnd('0');
        point -= leading;
        string sign = value < 0 ? "-" : "";

        // CPython's float_repr_style 'short': scientific when the decimal point lies before -3 or after 16 digits.
        if (point is < -3 or > 16)
        {
            int power = point - 1;
            string mantissa = digits.Length > 1 ? $"{digits[0]}.{digits[1..]}" : digits;
            return string.Create(CultureInfo.InvariantCulture, $"{sign}{mantissa}e{(power < 0 ? '-' : '+')}{Math.Abs(power):00}");
        }

        if (point <= 0)
        {
            return $"{sign}0.{new string('0', -point)}{digits}";
        }

        return point >= digits.Length
            ? $"{sign}{digits}{new string('0', point - digits.Length)}.0"
            : $"{sign}{digits[..point]}.{digits[point..]}";
    }

    private static void Write(StringBuilder text, JsonNode? value, string itemSeparator, string keySeparator, bool ensureAscii)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                break;
            case JsonObject map:
                text.Append('{');
                bool firstKey = true;
                foreach (var (key, item) in map)
                {
                    text.Append(firstKey ? "" : itemSeparator);
                    firstKey = false;
                    WriteString(text, key, ensureAscii);
                    text.Append(keySeparator);
                    Write(text, item, itemSeparator, keySeparator, ensureAscii);
                }

                text.Append('}');
                break;
            case JsonArray list:
                text.Append('[');
                for (int i = 0; i < list.Count; i++)
                {
                    text.Append(i == 0 ? "" : itemSeparator);
                    Write(text, list[i], itemSeparator, keySeparator, ensureAscii);
                }

                text.Append(']');
                break;
            case JsonValue scalar:
                WriteScalar(text, scalar, ensureAscii);
                break;
            default:
                throw new ArgumentException($"Unexpected JSON node {value.GetType().Name}.", nameof(value));
        }
    }

    private static void WriteScalar(StringBuilder text, JsonValue scalar, bool ensureAscii)
    {
        switch (scalar.GetValueKind())
        {
            case JsonValueKind.String:
                WriteString(text, scalar.GetValue<string>(), ensureAscii);
                break;
            case JsonValueKind.True:
                text.Append("true");
                break;
            case JsonValueKind.False:
                text.Append("false");
                break;
            case JsonValueKind.Null:
                text.Append("null");
                break;
            case JsonValueKind.Number:
                text.Append(Number(scalar));
                break;
            default:
                throw new ArgumentException($"Unexpected JSON value kind {scalar.GetValueKind()}.", nameof(scalar));
        }
    }

    // A parsed number is what Python's json.loads would make of it: a float when written with a point or exponent, else an int.
    private static string Number(JsonValue scalar)
    {
        if (scalar.TryGetValue(out JsonElement element))
        {
            string raw = element.GetRawText();
            return raw.AsSpan().IndexOfAny('.', 'e', 'E') >= 0
                ? FloatRepr(double.Parse(raw, NumberStyles.Float, CultureInfo.InvariantCulture))
                : BigInteger.Parse(raw, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture).ToString(CultureInfo.InvariantCulture);
        }

        if (scalar.TryGetValue(out double d))
        {
            return FloatRepr(d);
        }

        if (scalar.TryGetValue(out float f))
        {
            return FloatRepr(f);
        }

        if (scalar.TryGetValue(out decimal m))
        {
            return FloatRepr((double)m);
        }

        return scalar.ToJsonString();
    }

    private static void WriteString(StringBuilder text, string value, bool ensureAscii)
    {
        text.Append('"');
        foreach (char c in value)
        {
            switch (c)
            {
                case '"':
                    text.Append("\\\"");
                    break;
                case '\\':
                    text.Append("\\\\");
                    break;
                case '\n':
                    text.Append("\\n");
                    break;
                case '\r':
                    text.Append("\\r");
                    break;
                case '\t':
                    text.Append("\\t");
                    break;
                case '\b':
                    text.Append("\\b");
                    break;
                case '\f':
                    text.Append("\\f");
                    break;
                default:
                    bool escape = c < ' ' || (ensureAscii ? c > '~' : c is '\u2028' or '\u2029');
                    if (escape)
                    {
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        text.Append(c);
                    }

                    break;
            }
        }

        text.Append('"');
    }
}
