using System.CommandLine;
using System.Security.Cryptography;
using System.Text.Json;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc answers submit FILE</c>.</summary>
internal static class AnswerCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var project = new Argument<long>("project") { Description = "Project id." };
        var file = new Argument<FileInfo>("file") { Description = "JSON file: {\"annotator\": \"…\", \"answers\": [{\"queryId\": 1, \"verdict\": \"correct\", \"label\": 3, \"elapsedMs\": 4000}, …]}." };
        var key = new Option<string?>("--key") { Description = "Idempotency-Key (default: the SHA-256 of the file, so re-submitting the same file is safe)." };
        var submit = new Command("submit", "Submit a batch of answers (all-or-nothing, idempotent).") { project, file, key };
        submit.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                var path = result.GetValue(file)!;
                byte[] bytes = await File.ReadAllBytesAsync(path.FullName, token);
                AnswerBatchRequest request;
                try
                {
                    request = JsonSerializer.Deserialize<AnswerBatchRequest>(bytes, AlcJson.Options) ?? throw new JsonException("empty");
                }
                catch (JsonException ex)
                {
                    throw new AlcApiException($"{path.Name} is not an answer batch: {ex.Message}");
                }

                string idempotencyKey = result.GetValue(key) ?? $"file-{Convert.ToHexStringLower(SHA256.HashData(bytes))}";
                var response = await c.Api.SubmitAnswersAsync(result.GetValue(project), request, idempotencyKey, token).ContentOrThrow();
                c.Print(response, r => CliContext.Table("accepted", "corrections", "changed pixels", "round", "remaining", "round closed")
                    .AddRow($"{r.Accepted}", $"{r.Corrections}", $"{r.ChangedPixels}", $"{r.Round}", $"{r.Remaining}", r.RoundClosed ? "yes" : "no"));
            });
        });
        return new Command("answers", "Answers: submit.") { submit };
    }
}
