using System.CommandLine;
using Alc.Client;
using Spectre.Console;
using Refit;

namespace Alc.Cli.Commands;

/// <summary><c>alc datasets list|import|pseudo-label</c>.</summary>
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
        return new Command("datasets", "Datasets: list, import, pseudo-label.") { list, import, PseudoLabel(context) };
    }

    // alc datasets pseudo-label: the engine's models label a dataset into a new one, as a job followed with a progress bar.
    private static Command PseudoLabel(Func<ParseResult, CliContext> context)
    {
        var dataset = new Argument<long>("dataset") { Description = "The dataset whose photos are labelled." };
        var name = new Option<string>("--name") { Description = "Name of the new dataset.", Required = true };
        var model = new Option<long?>("--model") { Description = "A semantic model's id: its argmax labels become D0." };
        var detector = new Option<long?>("--detector") { Description = "Grounded-SAM: a detector model's id (with --sam-encoder and --sam-decoder)." };
        var encoder = new Option<long?>("--sam-encoder") { Description = "A sam-encoder model's id (Grounded-SAM, or SAM superpixels)." };
        var decoder = new Option<long?>("--sam-decoder") { Description = "A sam-decoder model's id." };
        var superpixels = new Option<SuperpixelSource?>("--superpixels") { Description = "keep, slic, masks or sam (the default depends on the models given)." };
        var threshold = new Option<double?>("--box-threshold") { Description = "Grounded-SAM: the least best-class score a box needs (engine default 0.2)." };
        var command = new Command("pseudo-label", "Label a dataset's photos with uploaded models into a new dataset (a semantic model, Grounded-SAM, or SAM superpixels).")
            { dataset, name, model, detector, encoder, decoder, superpixels, threshold };
        command.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var request = new PseudoLabelRequest
                {
                    Name = result.GetValue(name)!,
                    ModelId = result.GetValue(model),
                    DetectorModelId = result.GetValue(detector),
                    SamEncoderModelId = result.GetValue(encoder),
                    SamDecoderModelId = result.GetValue(decoder),
                    Superpixels = result.GetValue(superpixels),
                    BoxThreshold = result.GetValue(threshold) ?? 0.2,
                };
                var queued = await c.Api.PseudoLabelDatasetAsync(result.GetValue(dataset), request, token).ContentOrThrow();
                var job = await TrainCommand.Follow(c, queued.Id, token);
                if (job.State != JobState.Succeeded)
                {
                    throw new AlcApiException($"job {job.Id} {job.State.ToString().ToLowerInvariant()}: {job.Error ?? job.Message}");
                }

                c.Print(new List<DatasetDto> { await c.Api.GetDatasetAsync(job.ResultDatasetId!.Value, token).ContentOrThrow() }, Table);
                if (!c.Json)
                {
                    c.Console.MarkupLine(Markup.Escape(job.Message ?? ""));
                }
            });
        });
        return command;
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
