using static TorchSharp.torch;

namespace Alc.Training.Tests.Models;

/// <summary>Exact comparisons of tensors and of modules' state.</summary>
internal static class TensorAssert
{
    /// <summary>Same shape and bitwise-equal values.</summary>
    public static bool Same(Tensor expected, Tensor actual)
    {
        if (!expected.shape.SequenceEqual(actual.shape))
        {
            return false;
        }

        using Tensor equal = expected.eq(actual);
        using Tensor all = equal.all();
        return all.item<bool>();
    }

    /// <summary>The two modules have the same state-dict names and bitwise-equal tensors.</summary>
    public static void SameState(nn.Module expected, nn.Module actual)
    {
        Dictionary<string, Tensor> left = expected.state_dict();
        Dictionary<string, Tensor> right = actual.state_dict();
        Assert.Equal(left.Keys.Order(StringComparer.Ordinal), right.Keys.Order(StringComparer.Ordinal));
        foreach ((string name, Tensor value) in left)
        {
            Assert.True(Same(value, right[name]), name);
        }
    }
}
