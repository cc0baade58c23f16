using System.Reflection;
using System.Runtime.Serialization;
using System.Text.Json;

namespace Alc.Client.Tests;

/// <summary>
/// Every enum value of the SDK goes on the wire as the name the contract lists (NSwag records it as EnumMember), and
/// reads back from it: the engine accepts exactly those names, so a PascalCase "None" would be a 400.
/// </summary>
public sealed class EnumWireNamesTests
{
    public static TheoryData<Type> Enums()
    {
        var data = new TheoryData<Type>();
        foreach (var type in typeof(AlcJson).Assembly.GetTypes().Where(t => t.IsEnum && t.Namespace == "Alc.Client"))
        {
            data.Add(type);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Enums))]
    public void Each_value_is_written_and_read_as_its_contract_name(Type type)
    {
        foreach (var field in type.GetFields(BindingFlags.Public | BindingFlags.Static))
        {
            string name = field.GetCustomAttribute<EnumMemberAttribute>()!.Value!;
            object value = field.GetValue(null)!;
            Assert.Equal($"\"{name}\"", JsonSerializer.Serialize(value, type, AlcJson.Options));
            Assert.Equal(value, JsonSerializer.Deserialize($"\"{name}\"", type, AlcJson.Options));
        }
    }
}
