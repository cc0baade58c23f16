using System.CommandLine;
using Alc.Client;
using Spectre.Console;
using Refit;

namespace Alc.Cli.Commands;

/// <summary><c>alc datasets list|import</c>.</summary>
internal static class DatasetCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the datasets.");
        list.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.ListDatasetsAsync(token).ContentOrThrow(), Table));
        });

        var name = new Option<string>("--name") { Description = "Name of the new dataset.", Required = true };
        var path = new Option<string?>("--path") { Description = "Folder on the engine's machine (under its allowed import roots)." };
        var zip = new Option<FileInfo?>("--zip") { Description = "Local zip of an ALC-format folder to upload." };
        var import = new Command("import", "Import an ALC-format dataset from a server folder (--path) or a local zip (--zip).") { name, path, zip };
        import.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                DatasetDto dataset;
                if (result.GetValue(zip) is FileInfo file)
                {
                    await using var stream = file.OpenRead();
                    dataset = await c.Api.UploadDatasetAsync(new StreamPart(stream, file.Name, "application/zip"), result.GetValue(name)!, token).ContentOrThrow();
                }
                else
                {
                    string folder = result.GetValue(path) ?? throw new AlcApiException("Give --path (a folder on the engine's machine) or --zip (a local zip).");
                    dataset = await c.Api.ImportDatasetAsync(new ImportDatasetRequest { Name = result.GetValue(name)!, Path = folder }, token).ContentOrThrow();
                }

                c.Print(new List<DatasetDto> { dataset }, Table);
            });
        });
        return new Command("datasets", "Datasets: list, import.") { list, import };
    }

    private static Spectre.Console.Table Table(List<DatasetDto> datasets)
    {
        var table = CliContext.Table("id", "name", "classes", "train", "val", "created");
        foreach (var d in datasets)
        {
            table.AddRow($"{d.Id}", Spectre.Console.Markup.Escape(d.Name), $"{d.Classes.Count}", $"{d.TrainImages}", $"{d.ValImages}", $"{d.CreatedAt:u}");
        }

        return table;
    }
}
