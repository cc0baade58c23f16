using System.Globalization;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Cvat.Fake;

/// <summary>PythonJson prints what CPython 3's <c>json.dumps</c> prints (golden strings checked against CPython's documented behaviour), and the image header reader reads real encodings.</summary>
public sealed class PythonJsonTests
{
    [Theory]
    [InlineData("{\"a\": [1, 2.5], \"b\": \"\u00e9\\n\"}", "{\"a\": [1, 2.5], \"b\": \"\\u00e9\\n\"}")]
    [InlineData("{\"z\": 1, \"a\": {\"y\": null, \"x\": [true, false]}}", "{\"z\": 1, \"a\": {\"y\": null, \"x\": [true, false]}}")]
    [InlineData("[1.0, 0.5, 100.0, 1e16, 1e-5, 0.0001, 123456789.125, -0.0, 3.14159]", "[1.0, 0.5, 100.0, 1e+16, 1e-05, 0.0001, 123456789.125, -0.0, 3.14159]")]
    [InlineData("[1000000000000000.2, 1.23e-05, 9999999999999998.0, 0.001, 1.5e300, 123.456, 5e-07, 1234567890123456789.0, 0.1]", "[1000000000000000.2, 1.23e-05, 9999999999999998.0, 0.001, 1.5e+300, 123.456, 5e-07, 1.2345678901234568e+18, 0.1]")]
    [InlineData("[12345678901234567890, -7, 0]", "[12345678901234567890, -7, 0]")]
    [InlineData("{\"s\": \"q\\\"b\\\\s\\/\\r\\t\\b\\f\\u0001\\u007f~ \"}", "{\"s\": \"q\\\"b\\\\s/\\r\\t\\b\\f\\u0001\\u007f~ \"}")]
    [InlineData("[\"\ud83d\ude00\", \"\u20ac\", \"\u2028\"]", "[\"\\ud83d\\ude00\", \"\\u20ac\", \"\\u2028\"]")]
    [InlineData("{}", "{}")]
    [InlineData("[[], {}]", "[[], {}]")]
    public void Parsed_json_dumps_as_python_prints_it(string json, string python) => Assert.Equal(python, PythonJson.Dumps(JsonNode.Parse(json)));

    [Fact]
    public void Built_values_dump_doubles_as_python_floats_and_integers_as_integers()
    {
        var payload = new JsonObject { ["frame"] = 3L, ["x"] = 10.0, ["y"] = 0.1 + 0.2, ["big"] = 2e21, ["tiny"] = 5e-324, ["name"] = "naïve", ["none"] = null };
        Assert.Equal("{\"frame\": 3, \"x\": 10.0, \"y\": 0.30000000000000004, \"big\": 2e+21, \"tiny\": 5e-324, \"name\": \"na\\u00efve\", \"none\": null}", PythonJson.Dumps(payload));
        Assert.Throws<ArgumentException>(() => PythonJson.Dumps(new JsonArray(double.NaN)));
    }

    [Fact]
    public void Compact_form_is_what_django_rest_framework_renders()
    {
        var body = JsonNode.Parse("{\"a\": [1, 2.0], \"b\": \"\u00e9\u2028\\n\"}");
        Assert.Equal("{\"a\":[1,2.0],\"b\":\"\u00e9\\u2028\\n\"}", PythonJson.DumpsCompact(body));
    }

    [Fact]
    public void Image_headers_give_the_size_of_real_pngs_and_jpegs_and_nothing_for_other_bytes()
    {
        Assert.Equal((37, 21), FakeImageHeader.Read(CvatFakeTestImages.Png(37, 21)));
        Assert.Equal((64, 48), FakeImageHeader.Read(CvatFakeTestImages.Jpeg(64, 48)));
        Assert.Null(FakeImageHeader.Read("GIF89a not an image"u8));
        Assert.Null(FakeImageHeader.Read(CvatFakeTestImages.Png(5, 5).AsSpan(0, 20)));
    }

    [Fact]
    public void Stamps_print_like_python_isoformat_and_only_increase()
    {
        Assert.Equal("2026-12-03T10:15:30.123456Z", CvatFakeClock.Format(new DateTime(2026, 12, 3, 10, 15, 30, DateTimeKind.Utc).AddTicks(1_234_560)));
        Assert.Equal("2026-12-03T10:15:30Z", CvatFakeClock.Format(new DateTime(2026, 12, 3, 10, 15, 30, DateTimeKind.Utc)));
        var clock = new CvatFakeClock();
        var stamps = Enumerable.Range(0, 50).Select(_ => DateTime.Parse(clock.Next(), CultureInfo.InvariantCulture, DateTimeStyles.RoundtripKind)).ToList();
        Assert.All(stamps.Zip(stamps.Skip(1)), pair => Assert.True(pair.Second > pair.First));
    }
}
