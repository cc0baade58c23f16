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
        var path = new Option<string?>("--path") { Description = "An ALC-format folder on the engine's machine (under its allowed import roots)." };
        var voc = new Option<string?>("--voc") { Description = "A PASCAL VOC folder on the engine's machine: its masks become the pseudo labels, SLIC the superpixels." };
        var coco = new Option<string?>("--coco") { Description = "A COCO JSON of instance masks on the engine's machine (Grounded-SAM output); needs --images." };
        var images = new Option<string?>("--images") { Description = "With --coco: the engine-side folder the JSON's file_name entries are relative to." };
        var segments = new Option<int?>("--slic-segments") { Description = "With --voc: SLIC superpixels per image (engine default 300)." };
        var zip = new Option<FileInfo?>("--zip") { Description = "A local zip of an ALC-format folder to upload." };
        var import = new Command("import", "Import a dataset: an ALC folder (--path) or zip (--zip), or a VOC folder (--voc) or COCO JSON (--coco) converted by the engine.")
            { name, path, voc, coco, images, segments, zip };
        import.Validators.Add(result =>
        {
            int given = new[] { result.GetValue(path), result.GetValue(voc), result.GetValue(coco) }.Count(v => v is not null) + (result.GetValue(zip) is null ? 0 : 1);
            if (given != 1)
            {
                result.AddError("Give exactly one of --path, --voc, --coco or --zip.");
            }
            else if (result.GetValue(coco) is null && result.GetValue(images) is not null)
            {
                result.AddError("--images goes with --coco only.");
            }
            else if (result.GetValue(coco) is not null && result.GetValue(images) is null)
            {
                result.AddError("--coco needs --images (the folder its file_name entries are relative to).");
            }
            else if (result.GetValue(voc) is null && result.GetValue(segments) is not null)
            {
                result.AddError("--slic-segments goes with --voc only.");
            }
        });
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
                    var request = result.GetValue(voc) is string vocFolder
                        ? new ImportDatasetRequest { Name = result.GetValue(name)!, Path = vocFolder, Format = ImportFormat.Voc, SlicSegments = result.GetValue(segments) ?? 300 }
                        : result.GetValue(coco) is string json
                            ? new ImportDatasetRequest { Name = result.GetValue(name)!, Path = json, Format = ImportFormat.Coco, Images = result.GetValue(images) }
                            : new ImportDatasetRequest { Name = result.GetValue(name)!, Path = result.GetValue(path)!, Format = ImportFormat.Alc };
                    dataset = await c.Api.ImportDatasetAsync(request, token).ContentOrThrow();
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
