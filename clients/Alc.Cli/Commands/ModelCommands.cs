using System.CommandLine;
using Alc.Client;
using Refit;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc models list|upload</c>: the ONNX models the engine runs for pseudo labels and SAM superpixels.</summary>
internal static class ModelCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var list = new Command("list", "List the uploaded ONNX models.");
        list.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.ListModelsAsync(token).ContentOrThrow(), Table));
        });

        var file = new Argument<FileInfo>("file") { Description = "The ONNX file." };
        var name = new Option<string>("--name") { Description = "Unique name of the model.", Required = true };
        var role = new Option<string>("--role") { Description = "semantic, sam-encoder, sam-decoder or detector.", Required = true };
        var preprocessing = new Option<string?>("--preprocessing")
        {
            Description = "Pre-processing as JSON, e.g. {\"width\":512,\"height\":512,\"channelOrder\":\"rgb\",\"mean\":[0.485,0.456,0.406],\"std\":[0.229,0.224,0.225]}.",
        };
        var upload = new Command("upload", "Upload an ONNX model with its role; the engine checks it against the role before storing it.") { file, name, role, preprocessing };
        upload.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var model = result.GetValue(file)!;
                await using var stream = model.OpenRead();
                var stored = await c.Api.UploadModelAsync(new StreamPart(stream, model.Name, "application/octet-stream"), result.GetValue(name)!, result.GetValue(role)!,
                    result.GetValue(preprocessing), token).ContentOrThrow();
                c.Print(new List<ModelDto> { stored }, Table);
            });
        });
        return new Command("models", "ONNX models: list, upload.") { list, upload };
    }

    private static Table Table(List<ModelDto> models)
    {
        var table = CliContext.Table("id", "name", "role", "classes", "inputs", "MB");
        foreach (var m in models)
        {
            table.AddRow($"{m.Id}", Markup.Escape(m.Name), m.Role, m.Classes is int l ? $"{l}" : "",
                Markup.Escape(string.Join("; ", m.Inputs.Select(i => $"{i.Name} [{string.Join(",", i.Dimensions)}]"))), $"{m.Bytes / 1e6:0.0}");
        }

        return table;
    }
}
