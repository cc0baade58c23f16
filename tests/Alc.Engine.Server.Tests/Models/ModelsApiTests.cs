using System.Net;
using System.Net.Http.Headers;
using Alc.Engine.Server.Contracts;

namespace Alc.Engine.Server.Tests.Models;

/// <summary>
/// <c>/models</c>: an upload is opened with ONNX Runtime and checked against its role before anything is stored; a model
/// that does not fit is a 422 naming what is wrong. The models are tiny graphs made by <see cref="OnnxGraphs"/>.
/// </summary>
public sealed class ModelsApiTests : IDisposable
{
    private readonly Scratch _scratch = new();

    [Fact]
    public async Task A_semantic_model_and_a_sam_decoder_are_stored_with_what_onnx_runtime_read_from_them()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();

        var semantic = await (await client.PostAsync("/models", Upload("conv", "semantic", OnnxGraphs.Semantic(5),
            """{"channelOrder":"bgr","mean":[0.5,0.5,0.5],"std":[0.25,0.25,0.25]}"""))).Read<ModelDto>(HttpStatusCode.Created);
        Assert.Equal(("conv", "semantic", 5), (semantic.Name, semantic.Role, semantic.Classes));
        var input = Assert.Single(semantic.Inputs);
        Assert.Equal(("image", "float"), (input.Name, input.ElementType));
        Assert.Equal([1L, 3, -1, -1], input.Dimensions);
        Assert.Equal([1L, 5, -1, -1], Assert.Single(semantic.Outputs).Dimensions);
        Assert.Equal(("bgr", 0.25), (semantic.Preprocessing.ChannelOrder, semantic.Preprocessing.Std[1]));

        var decoder = await (await client.PostAsync("/models", Upload("sam", "sam-decoder", OnnxGraphs.SamDecoder()))).Read<ModelDto>(HttpStatusCode.Created);
        Assert.Equal(["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"], decoder.Inputs.Select(i => i.Name));
        Assert.Equal(["masks", "iou_predictions", "low_res_masks"], decoder.Outputs.Select(o => o.Name));
        Assert.Null(decoder.Classes);
        Assert.Equal(0.229, decoder.Preprocessing.Std[0]); // ImageNet's, by default

        Assert.Equal(["conv", "sam"], (await client.Get<List<ModelDto>>("/models")).Select(m => m.Name));
        Assert.Equal(semantic.Bytes, (await client.Get<ModelDto>($"/models/{semantic.Id}")).Bytes);
        await (await client.PostAsync("/models", Upload("conv", "semantic", OnnxGraphs.Semantic(2)))).Problem(409);
        Assert.Equal(HttpStatusCode.NoContent, (await client.DeleteAsync($"/models/{semantic.Id}")).StatusCode);
        await (await client.GetAsync($"/models/{semantic.Id}")).Problem(404);
        await (await client.DeleteAsync($"/models/{semantic.Id}")).Problem(404);
        Assert.Equal(["sam"], (await client.Get<List<ModelDto>>("/models")).Select(m => m.Name));
    }

    [Fact]
    public async Task Models_that_do_not_fit_their_role_are_422_naming_the_fault_and_nothing_is_stored()
    {
        await using var engine = new EngineFactory(_scratch.Data);
        var client = engine.CreateClient();

        async Task<string> Refused(string role, byte[] model, int status = 422, string? preprocessing = null) =>
            (await (await client.PostAsync("/models", Upload("m", role, model, preprocessing))).Problem(status)).GetProperty("detail").GetString()!;

        Assert.Contains("cannot load the file", await Refused("semantic", [1, 2, 3, 4, 5]), StringComparison.Ordinal);
        Assert.Contains("'scores' is float of rank 2", await Refused("semantic", OnnxGraphs.Classifier()), StringComparison.Ordinal);
        Assert.Contains("has 4 channels", await Refused("semantic", OnnxGraphs.Semantic(3, channels: 4)), StringComparison.Ordinal);
        Assert.Contains("holds NaN", await Refused("semantic", OnnxGraphs.Semantic(3, bias: float.NaN)), StringComparison.Ordinal);
        Assert.Contains("has one channel, so the model is binary: declare preprocessing.binaryThreshold", await Refused("semantic", OnnxGraphs.Semantic(1)), StringComparison.Ordinal);
        Assert.Contains("2 GB, more than the 1.07 GB", await Refused("semantic", OnnxGraphs.Huge(2)), StringComparison.Ordinal);
        Assert.Contains("lacks mask_input", await Refused("sam-decoder", OnnxGraphs.SamDecoder(leaveOut: "mask_input")), StringComparison.Ordinal);
        Assert.Contains("must output boxes", await Refused("detector", OnnxGraphs.Semantic(3)), StringComparison.Ordinal);
        Assert.Contains("role must be one of semantic, sam-encoder, sam-decoder, detector", await Refused("segmenter", OnnxGraphs.Semantic(3), 400), StringComparison.Ordinal);
        Assert.Contains("channelOrder must be rgb or bgr", await Refused("semantic", OnnxGraphs.Semantic(3), 400, """{"channelOrder":"rbg"}"""), StringComparison.Ordinal);
        Assert.Contains("three numbers each", await Refused("semantic", OnnxGraphs.Semantic(3), 400, """{"std":[1,0,1]}"""), StringComparison.Ordinal);
        Assert.Contains("preprocessing is not valid", await Refused("semantic", OnnxGraphs.Semantic(3), 400, """{"size":3}"""), StringComparison.Ordinal);
        Assert.Empty(await client.Get<List<ModelDto>>("/models"));
    }

    public void Dispose() => _scratch.Dispose();

    internal static MultipartFormDataContent Upload(string name, string role, byte[] model, string? preprocessing = null)
    {
        var form = new MultipartFormDataContent { { new StringContent(name), "name" }, { new StringContent(role), "role" } };
        if (preprocessing is not null)
        {
            form.Add(new StringContent(preprocessing), "preprocessing");
        }

        var file = new ByteArrayContent(model);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "model", "model.onnx");
        return form;
    }
}
