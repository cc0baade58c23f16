using Alc.Engine.Server.Auth;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Puts the X-Api-Key requirement on the operations that check it, and on no others: an endpoint marked anonymous
/// (health and readiness) carries no security requirement, so Swagger UI shows no padlock on it and generated
/// clients send no key there.
/// </summary>
internal sealed class ApiKeyRequirementFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        ArgumentNullException.ThrowIfNull(operation);
        ArgumentNullException.ThrowIfNull(context);
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        if (metadata.OfType<IAllowAnonymous>().Any())
        {
            return;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement
        {
            [new OpenApiSecuritySchemeReference(ApiKeyDefaults.Scheme, context.Document)] = [],
        });
    }
}
