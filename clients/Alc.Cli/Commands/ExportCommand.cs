using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc export PROJECT --format voc|coco|cvat --out FILE</c>: the corrected labels D_t.</summary>
internal static class ExportCommand
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var format = new Option<string>("--format")
        {
            Description = "voc (zip of palette PNGs), coco (RLE JSON) or cvat (zip CVAT imports as Segmentation mask 1.1).",
            DefaultValueFactory = _ => "voc",
        };
        format.AcceptOnlyFromAmong("voc", "coco", "cvat");
        var output = new Option<FileInfo>("--out") { Description = "File to write.", Required = true };
        var command = new Command("export", "Export a project's current labels (D0 plus every accepted answer).") { project, format, output };
        command.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                using var response = await c.Api.ExportProjectAsync(result.GetValue(project), result.GetValue(format), token).EnsureSuccess();
                var file = result.GetValue(output)!;
                string temporary = file.FullName + ".partial";
                await using (var target = File.Create(temporary))
                {
                    await response.Content.CopyToAsync(target, token);
                }

                File.Move(temporary, file.FullName, overwrite: true);
                c.Print(new { file = file.FullName, bytes = new FileInfo(file.FullName).Length }, x => CliContext.Table("file", "bytes").AddRow(Spectre.Console.Markup.Escape(x.file), $"{x.bytes:N0}"));
            });
        });
        return command;
    }
}
