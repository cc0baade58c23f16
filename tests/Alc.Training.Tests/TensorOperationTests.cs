using static TorchSharp.torch;
using TorchSharp;

namespace Alc.Training.Tests;

/// <summary>Real libtorch computations on the CPU, each against values worked out by hand in its comments.</summary>
public class TensorOperationTests
{
    private const float Tolerance = 1e-5f;

    [Fact]
    public void Matmul_of_two_2x2_matrices()
    {
        using var scope = NewDisposeScope();
        Tensor a = tensor(new float[] { 1, 2, 3, 4 }, [2, 2]);
        Tensor b = tensor(new float[] { 5, 6, 7, 8 }, [2, 2]);

        // [1 2; 3 4]·[5 6; 7 8] = [1·5+2·7  1·6+2·8; 3·5+4·7  3·6+4·8] = [19 22; 43 50]
        Tensor c = matmul(a, b);

        Assert.Equal([2L, 2L], c.shape);
        Assert.Equal([19f, 22f, 43f, 50f], c.data<float>().ToArray());
    }

    [Fact]
    public void Softmax_of_1_2_3()
    {
        using var scope = NewDisposeScope();

        // e¹ + e² + e³ = 2.718282 + 7.389056 + 20.085537 = 30.192875
        // → (0.0900306, 0.2447285, 0.6652410)
        float[] p = nn.functional.softmax(tensor(new float[] { 1, 2, 3 }), 0).data<float>().ToArray();

        AssertClose([0.0900306f, 0.2447285f, 0.6652410f], p);
        Assert.Equal(1f, p.Sum(), Tolerance);
    }

    [Fact]
    public void Cross_entropy_of_1_2_3_against_class_2()
    {
        using var scope = NewDisposeScope();
        Tensor logits = tensor(new float[] { 1, 2, 3 }, [1, 3]);
        Tensor target = tensor(new long[] { 2 }, [1]);

        // −log softmax(1, 2, 3)₂ = −log 0.6652410 = 0.4076060
        float loss = nn.functional.cross_entropy(logits, target).item<float>();

        Assert.Equal(0.4076060f, loss, Tolerance);
    }

    [Fact]
    public void Conv2d_of_a_3x3_image_with_a_2x2_kernel_and_bias()
    {
        using var scope = NewDisposeScope();
        Tensor image = tensor(new float[] { 1, 2, 3, 4, 5, 6, 7, 8, 9 }, [1, 1, 3, 3]);
        Tensor kernel = tensor(new float[] { 1, 2, 3, 4 }, [1, 1, 2, 2]);
        Tensor bias = tensor(new float[] { 0.5f });

        // Cross-correlation, stride 1, no padding; each output = 1·a + 2·b + 3·c + 4·d over the 2×2 window + 0.5:
        // (0,0): 1 + 4 + 12 + 20 = 37   (0,1): 2 + 6 + 15 + 24 = 47
        // (1,0): 4 + 10 + 21 + 32 = 67  (1,1): 5 + 12 + 24 + 36 = 77
        Tensor output = nn.functional.conv2d(image, kernel, bias);

        Assert.Equal([1L, 1L, 2L, 2L], output.shape);
        Assert.Equal([37.5f, 47.5f, 67.5f, 77.5f], output.data<float>().ToArray());
    }

    [Fact]
    public void Autograd_gives_the_gradient_of_a_sum_of_squares()
    {
        using var scope = NewDisposeScope();
        Tensor x = tensor(new float[] { 1, -2, 3 }, requires_grad: true);

        // d/dx Σ xᵢ² = 2x = (2, −4, 6)
        x.pow(2).sum().backward();

        Assert.Equal([2f, -4f, 6f], x.grad!.data<float>().ToArray());
    }

    [Fact]
    public void One_sgd_step_on_a_scalar_linear_model()
    {
        using var scope = NewDisposeScope();
        var w = new TorchSharp.Modules.Parameter(tensor(new float[] { 0.5f }));
        var optimizer = optim.SGD([w], learningRate: 0.1);

        // L = (w·x − y)² with x = 2, y = 3, w = 0.5: L = (1 − 3)² = 4; dL/dw = 2(w·x − y)·x = 2·(−2)·2 = −8;
        // w ← w − 0.1·(−8) = 1.3
        optimizer.zero_grad();
        Tensor loss = (w * 2f - 3f).pow(2).sum();
        loss.backward();
        optimizer.step();

        Assert.Equal(4f, loss.item<float>(), Tolerance);
        Assert.Equal(1.3f, w.data<float>()[0], Tolerance);
    }

    private static void AssertClose(float[] expected, float[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.Equal(expected[i], actual[i], Tolerance);
        }
    }
}
