using Alc.Engine.Server.Auth;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Alc.Engine.Server.Hosting;

/// <summary>The OpenAPI document: info, the X-Api-Key scheme (on every operation but the anonymous ones), XML comments and non-nullable reference types as required.</summary>
internal static class OpenApiSetup
{
    public static void Configure(SwaggerGenOptions options)
    {
        options.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "Alc.Engine",
            Version = "v1",
            Description = "Active label correction for semantic-segmentation datasets: datasets, projects (correction campaigns), rounds, " +
                "correction queries with leases, idempotent answer batches, background jobs and metrics. Errors are application/problem+json.",
        });
        options.AddSecurityDefinition(ApiKeyDefaults.Scheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyDefaults.Header,
            Description = "Needed only when the engine is configured with keys (AdminKeys / AnnotatorKeys).",
        });
        options.OperationFilter<ApiKeyRequirementFilter>();
        options.SupportNonNullableReferenceTypes();
        options.NonNullableReferenceTypesAsRequired();
        options.SchemaFilter<RequestRequiredFilter>();
        // The wire contracts' XML docs: the file this assembly's build writes beside it.
        string xml = Path.Combine(AppContext.BaseDirectory, $"{typeof(OpenApiSetup).Assembly.GetName().Name}.xml");
        if (File.Exists(xml))
        {
            options.IncludeXmlComments(xml, includeControllerXmlComments: false);
        }
    }
}
