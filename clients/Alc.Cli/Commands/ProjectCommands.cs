using System.CommandLine;
using Alc.Client;
using Spectre.Console;

namespace Alc.Cli.Commands;

/// <summary><c>alc projects create|list|show</c>.</summary>
internal static class ProjectCommands
{
    public static Command Create(Func<ParseResult, CliContext> context)
    {
        var name = new Option<string>("--name") { Description = "Unique project name.", Required = true };
        var dataset = new Option<long>("--dataset") { Description = "Dataset id.", Required = true };
        var acquisition = new Option<string>("--acquisition") { Description = "default (SIM with automated correction and region checks), or sim, lcil, cil, softmin, aiou, abc, margin, entropy or random.", DefaultValueFactory = _ => "default" };
        var budget = new Option<int>("--budget") { Description = "Queries per round (B).", DefaultValueFactory = _ => 100 };
        var model = new Option<string>("--model") { Description = "Segmentation model.", DefaultValueFactory = _ => "fcn-small" };
        var iterations = new Option<int>("--iterations") { Description = "Training iterations per round.", DefaultValueFactory = _ => 200 };
        var crop = new Option<int>("--crop") { Description = "Training crop side.", DefaultValueFactory = _ => 96 };
        var seed = new Option<long>("--seed") { Description = "Seed.", DefaultValueFactory = _ => 1 };
        var oracle = new Option<string>("--oracle") { Description = "none (people answer) or gt (the engine answers from ground truth).", DefaultValueFactory = _ => "none" };
        oracle.AcceptOnlyFromAmong("none", "gt");
        var create = new Command("create", "Create a project (a correction campaign over a dataset).") { name, dataset, acquisition, budget, model, iterations, crop, seed, oracle };
        create.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.CreateProjectAsync(new CreateProjectRequest
            {
                Name = result.GetValue(name)!,
                DatasetId = result.GetValue(dataset),
                Acquisition = result.GetValue(acquisition)!,
                Budget = result.GetValue(budget),
                Model = result.GetValue(model)!,
                Iterations = result.GetValue(iterations),
                CropSize = result.GetValue(crop),
                Seed = result.GetValue(seed),
                Oracle = result.GetValue(oracle) == "gt" ? OracleKind.Gt : OracleKind.None,
            }, token).ContentOrThrow(), Table));
        });

        var id = new Argument<long?>("project") { Description = "Project id (all projects when omitted).", Arity = ArgumentArity.ZeroOrOne };
        var show = new Command("show", "Show a project (or all) with its current round and totals.") { id };
        show.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () =>
            {
                if (result.GetValue(id) is long projectId)
                {
                    c.Print(await c.Api.GetProjectAsync(projectId, token).ContentOrThrow(), Table);
                }
                else
                {
                    c.Print(await c.Api.ListProjectsAsync(token).ContentOrThrow(), projects => Rows(projects));
                }
            });
        });
        var list = new Command("list", "List the projects with their current round and totals.");
        list.SetAction((result, token) =>
        {
            var c = context(result);
            return CliApp.Guard(c, async () => c.Print(await c.Api.ListProjectsAsync(token).ContentOrThrow(), projects => Rows(projects)));
        });
        return new Command("projects", "Projects: create, list, show.") { create, list, show };
    }

    private static Spectre.Console.Table Table(ProjectDto project) => Rows([project]);

    private static Spectre.Console.Table Rows(IEnumerable<ProjectDto> projects)
    {
        var table = CliContext.Table("id", "name", "dataset", "strategy", "oracle", "round", "answers", "corrections", "bits");
        foreach (var p in projects)
        {
            string round = p.CurrentRound is { } r ? $"{r.Number} ({r.State.ToString().ToLowerInvariant()}, {r.Answered}/{r.Queries})" : "-";
            table.AddRow($"{p.Id}", Spectre.Console.Markup.Escape(p.Name), $"{p.DatasetId}", $"{p.Settings.Acquisition}, B={p.Settings.Budget}, {p.Settings.Model}",
                p.Oracle.ToString().ToLowerInvariant(), round, $"{p.Totals.Answers}", $"{p.Totals.Corrections}", $"{p.Totals.Bits:0.#}");
        }

        return table;
    }
}
