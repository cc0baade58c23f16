using Alc.Client.Generator;

// alc-client-generator OPENAPI.json OUTPUT_DIR [--check]: writes (or, with --check, compares) Contracts.g.cs and IAlcApi.g.cs.
if (args.Length < 2)
{
    Console.Error.WriteLine("usage: Alc.Client.Generator <openapi.json> <output folder> [--check]");
    return 2;
}

var files = await SdkGenerator.GenerateAsync(args[0]);
bool check = args.Contains("--check");
var stale = new List<string>();
foreach (var (name, code) in files)
{
    string path = Path.Combine(args[1], name);
    if (check)
    {
        if (!File.Exists(path) || File.ReadAllText(path).ReplaceLineEndings("\n") != code)
        {
            stale.Add(path);
        }
    }
    else
    {
        Directory.CreateDirectory(args[1]);
        File.WriteAllText(path, code);
        Console.WriteLine($"wrote {path}");
    }
}

if (stale.Count > 0)
{
    Console.Error.WriteLine($"stale: {string.Join(", ", stale)}; run: dotnet run --project clients/Alc.Client.Generator -- openapi/alc.v1.json clients/Alc.Client/Generated");
    return 1;
}

return 0;
