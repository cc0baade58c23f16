using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Alc.Campaigns.Answers;
using Alc.Campaigns.Leases;
using Alc.Campaigns.Projects;
using Alc.Engine.Server.Apis;
using Alc.Engine.Server.Auth;
using Alc.Engine.Server.Datasets;
using Alc.Engine.Server.Integrations.Cvat;
using Alc.Engine.Server.Integrations.LabelStudio;
using Alc.Engine.Server.Jobs;
using Alc.Engine.Server.Problems;
using Alc.Engine.Server.Ui;
using Alc.Storage;
using Alc.Storage.Answers;
using Alc.Storage.Datasets;
using Alc.Storage.Jobs;
using Alc.Storage.Projects;
using Alc.Storage.Queries;
using Alc.Storage.Rounds;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Builds the engine's host: configuration (appsettings, <c>ALC_</c> environment variables, overrides), services
/// (SQLite, blob store, repositories, the job runner), and the HTTP pipeline (problem+json errors, API keys,
/// Swagger UI at <c>/swagger</c> and the OpenAPI document at <c>/openapi/v1.json</c>, both needing a key when keys are set
/// unless <see cref="EngineOptions.PublicApiDocs"/>, one <c>Map…Api</c> per resource, the correction page and dashboard at <c>/ui/</c>).
/// </summary>
public static class EngineHost
{
    /// <summary>The API's JSON (<see cref="ConfigureJson"/>) for what the engine stores as JSON the API reads or wrote: model signatures and pre-processing, job requests.</summary>
    public static JsonSerializerOptions StoredJson { get; } = CreateStoredJson();

    /// <summary>
    /// JSON as the API speaks it: camelCase, enums as camelCase strings, and strict reading — what the OpenAPI document
    /// says is what is enforced: unknown fields (<c>additionalProperties: false</c>), numbers in strings, duplicate keys,
    /// null for a non-nullable field, a missing required field and a number too large to be finite are all 400.
    /// </summary>
    public static void ConfigureJson(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.Converters.Add(new ExactEnumConverter());
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false));
        options.Converters.Add(new FiniteDoubleConverter());
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.NumberHandling = JsonNumberHandling.Strict;
        options.RespectNullableAnnotations = true;
        options.RespectRequiredConstructorParameters = true;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NonNullItems.Refuse);
    }

    /// <summary>The host builder; <paramref name="overrides"/> (e.g. from the command line) win over every other source.</summary>
    public static IHostBuilder CreateHostBuilder(string[] args, IReadOnlyDictionary<string, string?>? overrides = null) =>
        Host.CreateDefaultBuilder(args)
            .ConfigureAppConfiguration(configuration =>
            {
                configuration.AddEnvironmentVariables("ALC_");
                if (overrides is not null)
                {
                    configuration.AddInMemoryCollection(overrides);
                }
            })
            // Request-by-request logs stay off; the engine's own events and errors are logged.
            .ConfigureLogging(logging => logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning).AddFilter("Microsoft.AspNetCore.DataProtection", LogLevel.Error))
            .ConfigureWebHostDefaults(web =>
            {
                web.UseSetting(WebHostDefaults.ApplicationKey, typeof(EngineHost).Assembly.GetName().Name);
                web.ConfigureKestrel((context, kestrel) =>
                    kestrel.Limits.MaxRequestBodySize = Bind(context.Configuration).MaxUploadBytes + (1 << 20));
                web.ConfigureServices((context, services) => AddEngine(services, context.Configuration));
                web.Configure(UseEngine);
            });

    private static EngineOptions Bind(IConfiguration configuration)
    {
        var options = new EngineOptions();
        configuration.Bind(options);
        return options;
    }

    private static void AddEngine(IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<EngineOptions>().Bind(configuration).Validate(o =>
        {
            o.Validate();
            return true;
        });
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new EnginePaths(sp.GetRequiredService<IOptions<EngineOptions>>().Value.DataDirectory));
        services.AddSingleton(sp => new EngineDatabase(sp.GetRequiredService<EnginePaths>().Database));
        services.AddSingleton(sp => new BlobStore(sp.GetRequiredService<EnginePaths>().Blobs));
        services.AddSingleton<DatasetRepository>();
        services.AddSingleton<Alc.Storage.Models.ModelRepository>();
        services.AddSingleton<ProjectRepository>();
        services.AddSingleton<RoundRepository>();
        services.AddSingleton<QueryRepository>();
        services.AddSingleton<AnswerRepository>();
        services.AddSingleton<JobRepository>();
        services.AddSingleton<CampaignStates>();
        services.AddSingleton<AnswerCommitter>();
        services.AddSingleton<LeaseBook>();
        services.AddSingleton<AnswerIngestion>();
        services.AddSingleton<GroundTruthAnswerer>();
        services.AddSingleton<MetricsReport>();
        services.AddSingleton<DatasetImporter>();
        services.AddSingleton<DatasetExports>();
        services.AddSingleton<ForeignImports>();
        services.AddSingleton<RoundWorker>();
        services.AddSingleton<PseudoLabelWorker>();
        services.AddSingleton<JobCancellations>();
        services.AddSingleton<JobSignal>();
        services.AddSingleton<EngineReadiness>();
        services.AddSingleton<DemoSeeder>();
        services.AddSingleton<CvatConnection>();
        services.AddSingleton<CvatPush>();
        services.AddSingleton(_ => UiAssets.Load());
        // Registration order is start order: the database is migrated (and the demo seeded) before the runner resumes jobs.
        services.AddHostedService<EngineStartup>();
        services.AddHostedService<JobRunner>();

        services.ConfigureHttpJsonOptions(o => ConfigureJson(o.SerializerOptions));
        services.Configure<Microsoft.AspNetCore.Mvc.JsonOptions>(o => ConfigureJson(o.JsonSerializerOptions));
        services.Configure<RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = Bind(configuration).MaxUploadBytes);
        services.AddProblemDetails();
        services.AddExceptionHandler<ProblemExceptionHandler>();
        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.Admin, p => p.RequireRole(ApiKeyDefaults.Admin))
            .AddPolicy(ApiKeyDefaults.Annotator, p => p.RequireRole(ApiKeyDefaults.Annotator));
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(OpenApiSetup.Configure);
    }

    // A body that declares more than the upload limit is refused before anything reads it.
    private static Task RefuseOversizedBodies(HttpContext context, Func<Task> next)
    {
        long limit = context.RequestServices.GetRequiredService<IOptions<EngineOptions>>().Value.MaxUploadBytes;
        return context.Request.ContentLength > limit ? throw ApiProblemException.TooLarge(limit) : next();
    }

    // Swashbuckle's document and UI are middleware, not endpoints: with keys configured they need a valid key (any role)
    // like every endpoint but health, unless PublicApiDocs. The challenge is the API-key scheme's 401 problem.
    private static Task GateApiDocs(HttpContext context, Func<Task> next)
    {
        bool docs = context.Request.Path.StartsWithSegments("/openapi", StringComparison.OrdinalIgnoreCase)
            || context.Request.Path.StartsWithSegments("/swagger", StringComparison.OrdinalIgnoreCase);
        if (!docs || context.User.Identity?.IsAuthenticated == true
            || context.RequestServices.GetRequiredService<IOptions<EngineOptions>>().Value.PublicApiDocs)
        {
            return next();
        }

        return context.ChallengeAsync();
    }

    private static void UseEngine(IApplicationBuilder app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.Use(RefuseOversizedBodies);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.Use(GateApiDocs);
        app.UseSwagger(o => o.RouteTemplate = "openapi/{documentName}.json");
        app.UseSwaggerUI(o =>
        {
            o.SwaggerEndpoint("/openapi/v1.json", "Alc.Engine v1");
            o.RoutePrefix = "swagger";
        });
        app.UseEndpoints(endpoints =>
        {
            endpoints.MapHealthApi();
            endpoints.MapDatasetsApi();
            endpoints.MapProjectsApi();
            endpoints.MapRoundsApi();
            endpoints.MapQueriesApi();
            endpoints.MapQueryTruthApi();
            endpoints.MapRoundQueriesApi();
            endpoints.MapModelsApi();
            endpoints.MapPseudoLabelsApi();
            endpoints.MapAnswersApi();
            endpoints.MapJobsApi();
            endpoints.MapMetricsApi();
            endpoints.MapAnnotationApi();
            endpoints.MapLabelStudioApi();
            endpoints.MapCvatApi();
            endpoints.MapUi();
        });
    }

    private static JsonSerializerOptions CreateStoredJson()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ConfigureJson(options);
        return options;
    }
}
