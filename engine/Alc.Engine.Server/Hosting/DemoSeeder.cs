using Alc.Core.World;
using Alc.Engine.Server.Contracts;
using Alc.Engine.Server.Datasets;
using Alc.Imaging.Datasets;
using Alc.Storage.Datasets;
using Alc.Storage.Projects;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// <c>--demo</c>: on first start, generates a small seeded synthetic world (48 train / 16 val images of 96 px, 8
/// classes, with ground truth), imports it as dataset <c>demo</c> and creates project <c>demo</c> (the <c>default</c>
/// strategy, B = 20, <see cref="EngineOptions.DemoIterations"/> per round, answered by people). Later starts find them and do nothing.
/// </summary>
internal sealed partial class DemoSeeder(EnginePaths paths, DatasetImporter importer, DatasetRepository datasets, ProjectRepository projects,
    IOptions<EngineOptions> options, ILogger<DemoSeeder> logger)
{
    public const string Name = "demo";

    public static WorldOptions World { get; } = new() { Seed = 1, Train = 48, Val = 16, Size = 96, Classes = 8 };

    public static CreateProjectRequest Project(long datasetId, int iterations = 150) => new()
    {
        Name = Name,
        DatasetId = datasetId,
        Budget = 20,
        Iterations = iterations,
        CropSize = 64,
    };

    public void Seed()
    {
        var dataset = datasets.FindByName(Name);
        if (dataset is null)
        {
            string scratch = paths.TemporaryFolder();
            try
            {
                WorldFolder.Write(World, scratch);
                long id = importer.ImportFolder(Name, scratch);
                dataset = datasets.Get(id)!;
                LogSeeded(logger, World.Train, World.Val);
            }
            finally
            {
                Directory.Delete(scratch, recursive: true);
            }
        }

        if (projects.FindByName(Name) is null)
        {
            var request = Project(dataset.Id, options.Value.DemoIterations);
            projects.Create(dataset.Id, Name, WireMapping.Settings(request, World.Classes, options.Value.MaxTrainingBytes).ToJson(), ProjectOracle.None);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo dataset created: {Train} train and {Val} val images of the synthetic world")]
    private static partial void LogSeeded(ILogger logger, int train, int val);
}
