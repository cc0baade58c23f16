using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// Makes a request body's <c>required</c> list say what the strict reader enforces: exactly its
/// <see cref="JsonRequiredAttribute"/> members. Without it every non-nullable member is listed, also those with a
/// default (<c>budget</c>, <c>count</c>), and a client generated from the document would be forced to send them.
/// Request types are the contracts built with property initialisers (a public parameterless constructor); responses
/// are positional records, whose members are all written, so their list stays as generated.
/// </summary>
internal sealed class RequestRequiredFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        var type = context.Type;
        if (schema is not OpenApiSchema editable || type.Namespace != typeof(Contracts.LeaseRequest).Namespace || type.IsEnum
            || type.GetConstructor(Type.EmptyTypes) is null)
        {
            return;
        }

        editable.Required = new HashSet<string>(type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetCustomAttribute<JsonRequiredAttribute>() is not null)
            .Select(p => JsonNamingPolicy.CamelCase.ConvertName(p.Name)), StringComparer.Ordinal);
    }
}
