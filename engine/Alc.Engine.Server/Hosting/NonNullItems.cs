using System.Collections;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Alc.Engine.Server.Hosting;

/// <summary>
/// A contract modifier that refuses null items in request lists: <see cref="JsonSerializerOptions.RespectNullableAnnotations"/>
/// checks properties but not the items of a collection, so <c>{"classes": [null]}</c> would otherwise reach the
/// endpoint. The contract's list items are never nullable. The check runs as the list is set, so the error's path
/// names the list's field.
/// </summary>
internal static class NonNullItems
{
    public static void Refuse(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        foreach (var property in type.Properties)
        {
            if (property.Set is not { } set || !IsListOfReferences(property.PropertyType))
            {
                continue;
            }

            property.Set = (target, value) =>
            {
                if (value is IList items && items.IndexOf(null) is int index and >= 0)
                {
                    throw new JsonException($"Item {index} is null; the items of {property.Name} must not be null.");
                }

                set(target, value);
            };
        }
    }

    private static bool IsListOfReferences(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>) && !type.GetGenericArguments()[0].IsValueType;
}
