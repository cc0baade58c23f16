using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc export PROJECT --format voc|coco|cvat --out FILE</c>: the corrected labels D_t, with the other splits' labels.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var format = new Option<string>("--format")
        {
            Description = "voc (zip of a PASCAL VOC folder named after the project, with a README.txt), coco (RLE JSON) or cvat (zip CVAT imports as Segmentation mask 1.1).",
            DefaultValueFactory = _ => "voc",
        };
        format.AcceptOnlyFromAmong("voc", "coco", "cvat");
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var command = new Command("export",
            "Export a project's labels: the training split's current labels D_t (the pseudo labels D0, then each round's automated changes "
            + "and accepted answers, in order) and the other splits' labels as imported (ground truth where present).") { project, format, output };
        command.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                using var response = await c.Api.ExportProjectAsync(result.GetValue(project), result.GetValue(format), token).EnsureSuccess();
                var file = result.GetValue(output)!;
                await CliFiles.WriteAsync(response, file, token);
                c.Print(new { file = file.FullName, bytes = new FileInfo(file.FullName).Length }, x => CliContext.Table("file", "bytes").AddRow(Spectre.Console.Markup.Escape(x.file), $"{x.bytes:N0}"));
            });
        });
        return command;
    }
}
