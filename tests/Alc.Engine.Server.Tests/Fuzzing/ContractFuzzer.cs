using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Alc.Engine.Server.Tests.Fuzzing;

/// <summary>One operation of the OpenAPI document: its path template, parameters and request body schema.</summary>
internal sealed record Operation(string Method, string Template, IReadOnlyList<JsonElement> Parameters, JsonElement? JsonBody, JsonElement? FormBody)
{
    public string Id => $"{Method} {Template}";
}

/// <summary>
/// Builds valid requests from the OpenAPI document and mutates them, seeded and reproducible: each mutation knows whether it breaks the
/// schema (<see cref="FuzzCase.MustReject"/>). Values the schema cannot know (real ids, annotator names, unique names) come from
/// <see cref="Hint"/>, keyed by property or parameter name.
/// </summary>
internal sealed class ContractFuzzer
{
    private const string Raw = "@@RAW@@";
    private const string DuplicateKey = "@@DUPKEY@@";
    private readonly JsonElement _schemas;
    private readonly Random _random;

    public ContractFuzzer(JsonDocument document, Random random)
    {
        _random = random;
        _schemas = document.RootElement.GetProperty("components").GetProperty("schemas");
        var operations = new List<Operation>();
        foreach (var path in document.RootElement.GetProperty("paths").EnumerateObject())
        {
            foreach (var method in path.Value.EnumerateObject())
            {
                var parameters = method.Value.TryGetProperty("parameters", out var list) ? list.EnumerateArray().ToList() : [];
                JsonElement? json = null, form = null;
                if (method.Value.TryGetProperty("requestBody", out var body))
                {
                    var content = body.GetProperty("content");
                    if (content.TryGetProperty("application/json", out var j)) json = j.GetProperty("schema");
                    if (content.TryGetProperty("multipart/form-data", out var f)) form = f.GetProperty("schema");
                }

                operations.Add(new Operation(method.Name.ToUpperInvariant(), path.Name, parameters, json, form));
            }
        }

        Operations = operations;
    }

    public IReadOnlyList<Operation> Operations { get; }

    /// <summary>A real value for a property or parameter name, or null to generate one from the schema.</summary>
    public Func<string, JsonNode?> Hint { get; set; } = _ => null;

    public FuzzCase Valid(Operation operation) => Build(operation, mutate: false);

    public FuzzCase Mutated(Operation operation) => Build(operation, mutate: true);

    private FuzzCase Build(Operation op, bool mutate)
    {
        var pathParameters = op.Parameters.Where(p => p.GetProperty("in").GetString() == "path").ToList();
        var queryParameters = op.Parameters.Where(p => p.GetProperty("in").GetString() == "query").ToList();
        // What to mutate: 0 path parameter, 1 query parameter, 2 JSON body, 3 form.
        var choices = new List<int>();
        if (pathParameters.Count > 0) choices.Add(0);
        if (queryParameters.Count > 0) choices.Add(1);
        if (op.JsonBody is not null) { choices.Add(2); choices.Add(2); choices.Add(2); }
        if (op.FormBody is not null) { choices.Add(3); choices.Add(3); }
        int target = mutate && choices.Count > 0 ? choices[_random.Next(choices.Count)] : -1;
        var mutations = new List<string>();
        bool reject = false;

        string path = op.Template;
        var mutatedPath = target == 0 ? pathParameters[_random.Next(pathParameters.Count)].GetProperty("name").GetString() : null;
        foreach (var p in pathParameters)
        {
            string name = p.GetProperty("name").GetString()!;
            string value = Hint(name)?.ToJsonString() ?? "1";
            if (name == mutatedPath)
            {
                // No %00: the in-process TestServer throws on it before the engine sees the request (Kestrel answers 400 itself).
                string[] bad = ["0", "-1", "999999999", "9223372036854775807", "9223372036854775808", "abc", "1.5", "%20", "1e3", "%F0%9F%98%80", "99999999999999999999999"];
                value = bad[_random.Next(bad.Length)];
                mutations.Add($"path {name}={value}");
                reject = true;
            }

            path = path.Replace("{" + name + "}", value);
        }

        var query = new List<string>();
        var mutatedQuery = target == 1 ? queryParameters[_random.Next(queryParameters.Count)].GetProperty("name").GetString() : null;
        foreach (var p in queryParameters)
        {
            string name = p.GetProperty("name").GetString()!;
            bool integer = p.GetProperty("schema").GetProperty("type").GetString() == "integer";
            if (name == mutatedQuery)
            {
                string[] values = integer
                    ? ["abc", "1e400", "99999999999", "-99999999999", "1.5", "", "NaN", "0", "-1", "2147483647"]
                    : ["", "bogus", "%00", "%F0%9F%98%80", new string('x', 5000), "train", "val", "gt", "pseudo"];
                string v = values[_random.Next(values.Length)];
                bool violation = integer && !int.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _);
                reject |= violation;
                mutations.Add($"query {name}={(v.Length > 40 ? v[..40] + "…" : v)}{(violation ? " (violation)" : "")}");
                query.Add($"{name}={v}");
            }
            else if (Hint(name) is JsonNode hint && _random.Next(2) == 0)
            {
                query.Add($"{name}={hint.GetValue<string>()}");
            }
        }

        if (query.Count > 0) path += "?" + string.Join("&", query);
        string? body = null, contentType = null;
        IReadOnlyList<(string, string?, byte[]?)>? form = null;
        if (op.JsonBody is JsonElement schema)
        {
            var node = Generate(schema, "");
            contentType = "application/json";
            var raws = new List<string>();
            if (target == 2)
            {
                var (m, violation) = MutateJson(ref node, schema, raws, ref contentType, out string? whole);
                mutations.Add(m);
                reject |= violation;
                body = whole;
            }

            if (body is null)
            {
                body = node?.ToJsonString() ?? "null";
                foreach (string raw in raws) body = ReplaceFirst(body, "\"" + Raw + "\"", raw);
                body = body.Replace("\"" + DuplicateKey, "\"");
            }
        }
        else if (op.FormBody is JsonElement formSchema)
        {
            (form, bool violation, string m, bool asJson) = Form(formSchema, target == 3);
            if (target == 3) { mutations.Add(m); reject |= violation; }
            body = asJson ? "{\"name\":\"x\"}" : "(multipart: " + string.Join(", ", form.Select(f => f.Item1 + (f.Item3 is null ? "=" + Short(f.Item2) : $"[{f.Item3.Length} bytes]"))) + ")";
            if (asJson) { contentType = "application/json"; form = null; }
        }

        // A valid request always carries its key; a mutated one sometimes lacks it. Keys come from the seeded generator, so a run replays.
        bool keyed = op.Parameters.Any(p => p.GetProperty("name").GetString() == "Idempotency-Key") && (!mutate || _random.Next(3) != 0);
        string? key = keyed ? $"fuzz-{_random.NextInt64():x16}" : null;
        return new FuzzCase(op.Id, op.Method, path, body, contentType, reject, mutations.Count == 0 ? "valid" : string.Join("; ", mutations))
        {
            Form = form?.Select(f => (f.Item1, f.Item2, f.Item3)).ToList(),
            IdempotencyKey = key,
        };
    }

    private static string Short(string? s) => s is null ? "null" : s.Length > 30 ? s[..30] + "…" : s;

    private ((string, string?, byte[]?)[] Form, bool Violation, string Mutation, bool AsJson) Form(JsonElement schema, bool mutate)
    {
        var required = schema.GetProperty("required").EnumerateArray().Select(e => e.GetString()!).ToHashSet();
        var fields = new List<(string, string?, byte[]?)>();
        foreach (var property in schema.GetProperty("properties").EnumerateObject())
        {
            if (!required.Contains(property.Name) && _random.Next(2) == 0) continue;
            bool binary = property.Value.TryGetProperty("format", out var f) && f.GetString() == "binary";
            // File parts are not made valid (a real zip or PNG set): they are random bytes, so these requests are expected to fail, allowed either way.
            fields.Add(binary ? (property.Name, null, RandomBytes()) : (property.Name, Hint(property.Name)?.GetValue<string>() ?? "fuzz-" + _random.Next(1_000_000), null));
        }

        if (!mutate) return (fields.ToArray(), false, "", false);
        switch (_random.Next(4))
        {
            case 0:
                var present = fields.Where(x => required.Contains(x.Item1)).ToList();
                var drop = present[_random.Next(present.Count)];
                fields.Remove(drop);
                return (fields.ToArray(), true, $"form missing required {drop.Item1}", false);
            case 1:
                int i = fields.FindIndex(x => x.Item3 is null);
                if (i < 0) goto case 0;
                string[] odd = ["", new string('x', 100_000), "😀🎉", "\u202Eabc", "a\u0000b", "../../etc", "   "];
                string v = odd[_random.Next(odd.Length)];
                fields[i] = (fields[i].Item1, v, null);
                return (fields.ToArray(), false, $"form {fields[i].Item1}={Short(v)}", false);
            case 2:
                fields.Add(("unknown", "x", null));
                return (fields.ToArray(), false, "form extra field", false);
            default:
                return (fields.ToArray(), true, "JSON instead of multipart", true);
        }
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 64)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            schema = _schemas.GetProperty(reference.GetString()!.Split('/')[^1]);
        }

        return schema;
    }

    private static string? Type(JsonElement schema) => schema.TryGetProperty("type", out var t) ? t.GetString() : null;

    private static bool Nullable(JsonElement schema) => schema.TryGetProperty("nullable", out var n) && n.GetBoolean();

    /// <summary>A value that satisfies <paramref name="schema"/>: required and about half the optional properties.</summary>
    public JsonNode? Generate(JsonElement schema, string name)
    {
        if (name.Length > 0 && Hint(name) is JsonNode hint) return hint.DeepClone();
        schema = Resolve(schema);
        if (schema.TryGetProperty("enum", out var values))
        {
            var list = values.EnumerateArray().ToList();
            return JsonValue.Create(list[_random.Next(list.Count)].GetString());
        }

        switch (Type(schema))
        {
            case "object":
                var obj = new JsonObject();
                var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
                foreach (var property in schema.GetProperty("properties").EnumerateObject())
                {
                    if (required.Contains(property.Name) || _random.Next(2) == 0) obj[property.Name] = Generate(property.Value, property.Name);
                }

                return obj;
            case "array":
                var array = new JsonArray();
                int n = _random.Next(1, 4);
                for (int i = 0; i < n; i++) array.Add(Generate(schema.GetProperty("items"), ""));
                return array;
            case "integer":
                var (min, max) = Range(schema);
                return JsonValue.Create((long)Math.Clamp(_random.NextInt64((long)Math.Max(min, -1000), (long)Math.Min(max, 1000) + 1), min, max));
            case "number":
                var (lo, hi) = Range(schema);
                double top = Math.Min(hi, 1000);
                return JsonValue.Create(Math.Round(lo + _random.NextDouble() * (top - lo), 6) is var d && d >= lo && d <= hi ? d : lo);
            case "boolean":
                return JsonValue.Create(_random.Next(2) == 0);
            default:
                return JsonValue.Create("fuzz-" + _random.Next(1_000_000));
        }
    }

    private static (double Min, double Max) Range(JsonElement schema)
    {
        double min = schema.TryGetProperty("minimum", out var a) ? a.GetDouble() : double.NegativeInfinity;
        double max = schema.TryGetProperty("maximum", out var b) ? b.GetDouble() : double.PositiveInfinity;
        string? format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (format == "int32") { min = Math.Max(min, int.MinValue); max = Math.Min(max, int.MaxValue); }
        if (format == "int64") { min = Math.Max(min, long.MinValue); max = Math.Min(max, long.MaxValue); }
        return (min, max);
    }

    /// <summary>A place in a generated body: the parent (object and key, or array and index) and the schema of the value there.</summary>
    private sealed record Site(JsonObject? Object, string? Key, JsonArray? Array, int Index, JsonElement Schema, bool Required);

    private void Sites(JsonNode? node, JsonElement schema, List<Site> sites)
    {
        schema = Resolve(schema);
        if (node is JsonObject obj && Type(schema) == "object")
        {
            var required = schema.TryGetProperty("required", out var r) ? r.EnumerateArray().Select(e => e.GetString()!).ToHashSet() : [];
            foreach (var (key, value) in obj.ToList())
            {
                var propertySchema = schema.GetProperty("properties").GetProperty(key);
                sites.Add(new Site(obj, key, null, 0, propertySchema, required.Contains(key)));
                Sites(value, propertySchema, sites);
            }
        }
        else if (node is JsonArray array && Type(schema) == "array")
        {
            for (int i = 0; i < array.Count; i++)
            {
                sites.Add(new Site(null, null, array, i, schema.GetProperty("items"), true));
                Sites(array[i], schema.GetProperty("items"), sites);
            }
        }
    }

    private (string Mutation, bool Violation) MutateJson(ref JsonNode? root, JsonElement schema, List<string> raws, ref string? contentType, out string? whole)
    {
        whole = null;
        int kind = _random.Next(20);
        // Whole-body mutations.
        switch (kind)
        {
            case 0: whole = ""; return ("empty body", true);
            case 1: whole = new[] { "{not json", "<xml/>", "{\"a\":", "\u0000", "{}}", "[" }[_random.Next(6)]; return ($"non-JSON body", true);
            case 2: contentType = new[] { "text/plain", "application/xml", "application/x-www-form-urlencoded" }[_random.Next(3)]; return ($"content type {contentType}", true);
            case 3: whole = new[] { "[]", "42", "null", "\"s\"", "true", "[{}]" }[_random.Next(6)]; return ($"body of the wrong JSON type", true);
        }

        var sites = new List<Site>();
        Sites(root, schema, sites);
        var objects = new List<(JsonObject Obj, JsonElement Schema)>();
        Objects(root, schema, objects);
        if (kind is 4 or 5 && objects.Count > 0)
        {
            var (obj, objectSchema) = objects[_random.Next(objects.Count)];
            if (kind == 4)
            {
                obj["unknownField" + _random.Next(10)] = JsonValue.Create(1);
                return ("extra unknown field", true);
            }

            if (obj.Count == 0) return ("no-op", false);
            var key = obj.ElementAt(_random.Next(obj.Count)).Key;
            obj[DuplicateKey + key] = obj[key]!.DeepClone() is var clone ? clone : null;
            return ($"duplicated key {key}", true);
        }

        if (sites.Count == 0) return ("no-op", false);
        var site = sites[_random.Next(sites.Count)];
        var s = Resolve(site.Schema);
        string where = site.Key ?? $"[{site.Index}]";
        string? type = s.TryGetProperty("enum", out _) ? "enum" : Type(s);
        switch (kind % 8)
        {
            case 0 when site.Object is not null:
                site.Object.Remove(site.Key!);
                return ($"missing {(site.Required ? "required" : "optional")} {where}", site.Required);
            case 1:
                Set(site, null);
                return ($"null {where}", !Nullable(s));
            case 2 when type is "integer" or "number":
                return Boundary(site, s, type, raws, where);
            case 3 when type == "enum":
                var list = s.GetProperty("enum").EnumerateArray().Select(e => e.GetString()!).ToList();
                int pick = _random.Next(list.Count + 3);
                string value = pick < list.Count ? list[pick] : new[] { "bogus", list[0].ToUpperInvariant(), " " + list[0] }[pick - list.Count];
                Set(site, JsonValue.Create(value));
                return ($"enum {where}={value}", !list.Contains(value));
            case 4 when type == "string" || type == "enum":
                string[] odd = ["😀🎉👍🏽", "\u202Eabc\u202C", "a\u0000b", new string('x', 200_000), " ", "\"quoted\"", "ab\ud83dc", "\ud800"];
                int o = _random.Next(odd.Length + 1);
                if (o == odd.Length)
                {
                    Set(site, JsonValue.Create(Raw));
                    raws.Add("\"\\udc00lone\"");
                    return ($"lone surrogate escape {where}", type == "enum");
                }

                Set(site, JsonValue.Create(odd[o]));
                return ($"string {where}={Short(odd[o])}", type == "enum");
            case 5 when type == "string":
                Set(site, JsonValue.Create(""));
                return ($"empty string {where}", s.TryGetProperty("minLength", out var ml) && ml.GetInt32() > 0);
            case 6 when site.Array is not null:
                site.Array.Add(site.Array[site.Index]!.DeepClone());
                return ($"duplicated array entry {where}", false);
            default:
                return WrongType(site, type, raws, where);
        }
    }

    private void Objects(JsonNode? node, JsonElement schema, List<(JsonObject, JsonElement)> objects)
    {
        schema = Resolve(schema);
        if (node is JsonObject obj && Type(schema) == "object")
        {
            objects.Add((obj, schema));
            foreach (var (key, value) in obj) Objects(value, schema.GetProperty("properties").GetProperty(key), objects);
        }
        else if (node is JsonArray array && Type(schema) == "array")
        {
            foreach (var item in array) Objects(item, schema.GetProperty("items"), objects);
        }
    }

    private static void Set(Site site, JsonNode? value)
    {
        if (site.Object is not null) site.Object[site.Key!] = value;
        else site.Array![site.Index] = value;
    }

    private (string, bool) WrongType(Site site, string? type, List<string> raws, string where)
    {
        var candidates = new List<(string Raw, string Type)>
        {
            ("\"x\"", "string"), ("\"5\"", "string"), ("7", "integer"), ("7.5", "number"), ("true", "boolean"), ("[]", "array"), ("{}", "object"), ("[1,2]", "array"),
        };
        candidates.RemoveAll(c => c.Type == type || (type == "enum" && c.Type == "string") || (type == "number" && c.Type == "integer"));
        var (raw, _) = candidates[_random.Next(candidates.Count)];
        Set(site, JsonValue.Create(Raw));
        raws.Add(raw);
        return ($"wrong type {where}={raw} (schema {type})", true);
    }

    private (string, bool) Boundary(Site site, JsonElement schema, string type, List<string> raws, string where)
    {
        var (min, max) = Range(schema);
        var candidates = new List<string> { "0", "-1", "1", "9223372036854775807", "9223372036854775808", "-9223372036854775809", "1e400", "-1e400", "\"NaN\"", "\"Infinity\"", new string('9', 400), "2147483648", "-2147483649", "1.5", "-0", "1e2", "0.000001" };
        if (!double.IsInfinity(min)) { candidates.Add(Num(min - 1)); candidates.Add(Num(min)); }
        if (!double.IsInfinity(max)) { candidates.Add(Num(max + 1)); candidates.Add(Num(max)); }
        string raw = candidates[_random.Next(candidates.Count)];
        Set(site, JsonValue.Create(Raw));
        raws.Add(raw);
        bool violation;
        if (raw.StartsWith('"')) violation = true;
        else if (!double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || double.IsInfinity(value)) violation = true;
        else if (type == "integer")
        {
            violation = !decimal.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out decimal exact)
                || exact != decimal.Truncate(exact) || exact < MinOf(min) || exact > MaxOf(max);
        }
        else violation = value < min || value > max;
        return ($"number {where}={(raw.Length > 30 ? raw[..30] + "…" : raw)}", violation);
    }

    private static decimal MinOf(double min) => min <= long.MinValue ? long.MinValue : (decimal)min;

    private static decimal MaxOf(double max) => max >= long.MaxValue ? long.MaxValue : (decimal)max;

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string ReplaceFirst(string text, string search, string replacement)
    {
        int i = text.IndexOf(search, StringComparison.Ordinal);
        return i < 0 ? text : text[..i] + replacement + text[(i + search.Length)..];
    }
}
