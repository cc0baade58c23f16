using System.Globalization;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace Alc.Inference;

/// <summary>
/// Opens a model file with ONNX Runtime (CPU) and checks its inputs and outputs against its <see cref="ModelRole"/>, and
/// that no tensor it declares with fixed axes is larger than a bound; a semantic model is also run once on a blank image
/// and must answer finite logits of the declared shape. Every refusal is an <see cref="OnnxModelException"/> naming the
/// input, output or axis at fault.
/// </summary>
public static class OnnxModelInspector
{
    /// <summary>The names the segment-anything ONNX export gives the decoder's inputs.</summary>
    public static IReadOnlyList<string> SamDecoderInputs { get; } = ["image_embeddings", "point_coords", "point_labels", "mask_input", "has_mask_input", "orig_im_size"];

    /// <summary>The names the segment-anything ONNX export gives the decoder's outputs.</summary>
    public static IReadOnlyList<string> SamDecoderOutputs { get; } = ["masks", "iou_predictions", "low_res_masks"];

    /// <summary>Checks <paramref name="model"/> for <paramref name="role"/>; returns its signature.</summary>
    /// <param name="model">The ONNX file's bytes.</param>
    /// <param name="role">What it is to be used for.</param>
    /// <param name="maxTensorBytes">The largest tensor a model may declare with fixed axes (its inputs and outputs).</param>
    /// <param name="probeSize">The side of the blank image a semantic model with free spatial axes is run on.</param>
    /// <exception cref="OnnxModelException">The file does not load, or its signature or its output does not fit the role.</exception>
    public static OnnxModelSignature Inspect(byte[] model, ModelRole role, long maxTensorBytes, int probeSize = 64)
    {
        ArgumentNullException.ThrowIfNull(model);
        using var options = new SessionOptions { LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL };
        InferenceSession session;
        try
        {
            session = new InferenceSession(model, options);
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"ONNX Runtime cannot load the file as a model: {ex.Message}", ex);
        }

        using (session)
        {
            var signature = new OnnxModelSignature(Describe(session.InputNames, session.InputMetadata), Describe(session.OutputNames, session.OutputMetadata));
            foreach (var tensor in signature.Inputs.Concat(signature.Outputs))
            {
                RequireBounded(tensor, maxTensorBytes);
            }

            switch (role)
            {
                case ModelRole.Semantic:
                    RequireImageInput(signature, "semantic");
                    RequireSingle(signature.Outputs, "output", "semantic");
                    RequireFloat(signature.Outputs[0], rank: 4, "a semantic model's logits [N,L,h,w]");
                    Probe(session, signature, probeSize);
                    break;
                case ModelRole.SamEncoder:
                    RequireSingle(signature.Inputs, "input", "sam-encoder");
                    if (signature.Outputs.All(o => o.Dimensions.Count != 4 || o.ElementType != "float"))
                    {
                        throw new OnnxModelException("A sam-encoder model must output its image embeddings as a float tensor [1,C,h,w]; none of its outputs is one.");
                    }

                    break;
                case ModelRole.SamDecoder:
                    RequireNames(signature.Inputs, SamDecoderInputs, "input");
                    RequireNames(signature.Outputs, SamDecoderOutputs, "output");
                    break;
                case ModelRole.Detector:
                    RequireImageInput(signature, "detector");
                    if (!signature.Outputs.Any(o => o.Dimensions.Count >= 2 && o.Dimensions[^1] == 4))
                    {
                        throw new OnnxModelException("A detector model must output boxes (a tensor whose last axis is 4: x0, y0, x1, y1); none of its outputs is one.");
                    }

                    if (signature.Outputs.Count < 2)
                    {
                        throw new OnnxModelException("A detector model must output boxes and their class scores; it has one output.");
                    }

                    break;
                default:
                    throw new ArgumentOutOfRangeException(nameof(role), role, "Unknown role.");
            }

            return signature;
        }
    }

    private static List<OnnxTensorInfo> Describe(IReadOnlyList<string> names, IReadOnlyDictionary<string, NodeMetadata> metadata) =>
        names.Select(n => new OnnxTensorInfo(n, ElementName(metadata[n]), metadata[n].IsTensor ? metadata[n].Dimensions.Select(d => (long)d).ToList() : [])).ToList();

    private static string ElementName(NodeMetadata node) => node.IsTensor ? node.ElementDataType.ToString().ToLowerInvariant() : "not-a-tensor";

    private static void RequireBounded(OnnxTensorInfo tensor, long maxTensorBytes)
    {
        double bytes = tensor.Dimensions.Where(d => d > 0).Aggregate(4.0, (product, d) => product * d);
        if (bytes > maxTensorBytes)
        {
            throw new OnnxModelException(string.Create(CultureInfo.InvariantCulture,
                $"'{tensor.Name}' declares [{string.Join(", ", tensor.Dimensions)}]: {bytes / 1e9:0.##} GB, more than the {maxTensorBytes / 1e9:0.##} GB a tensor may hold here."));
        }
    }

    private static void RequireImageInput(OnnxModelSignature signature, string role)
    {
        RequireSingle(signature.Inputs, "input", role);
        var input = signature.Inputs[0];
        RequireFloat(input, rank: 4, $"a {role} model's image [N,3,H,W]");
        if (input.Dimensions[1] is not (3 or -1))
        {
            throw new OnnxModelException($"'{input.Name}' has {input.Dimensions[1]} channels; a {role} model takes an RGB image [N,3,H,W].");
        }
    }

    private static void RequireSingle(IReadOnlyList<OnnxTensorInfo> tensors, string what, string role)
    {
        if (tensors.Count != 1)
        {
            throw new OnnxModelException($"A {role} model has exactly one {what}; this one has {tensors.Count} ({string.Join(", ", tensors.Select(t => t.Name))}).");
        }
    }

    private static void RequireFloat(OnnxTensorInfo tensor, int rank, string what)
    {
        if (tensor.ElementType != "float" || tensor.Dimensions.Count != rank)
        {
            throw new OnnxModelException($"'{tensor.Name}' is {tensor.ElementType} of rank {tensor.Dimensions.Count}; {what} is float of rank {rank}.");
        }
    }

    private static void RequireNames(IReadOnlyList<OnnxTensorInfo> tensors, IReadOnlyList<string> names, string what)
    {
        var missing = names.Where(n => tensors.All(t => t.Name != n)).ToList();
        if (missing.Count > 0)
        {
            throw new OnnxModelException($"A sam-decoder model (the segment-anything ONNX export) has the {what}s {string.Join(", ", names)}; this one lacks {string.Join(", ", missing)}.");
        }
    }

    // Runs the model once on a blank image: its logits must have the declared shape and be finite.
    private static void Probe(InferenceSession session, OnnxModelSignature signature, int probeSize)
    {
        var input = signature.Inputs[0];
        int[] shape = [1, 3, Axis(input.Dimensions[2], probeSize), Axis(input.Dimensions[3], probeSize)];
        var image = new DenseTensor<float>(shape);
        try
        {
            using var results = session.Run([NamedOnnxValue.CreateFromTensor(input.Name, image)]);
            var logits = results[0].AsTensor<float>();
            if (logits.Dimensions.Length != 4 || logits.Dimensions[0] != 1)
            {
                throw new OnnxModelException($"On a [{string.Join(", ", shape)}] image the model answered [{string.Join(", ", logits.Dimensions.ToArray())}]; [1,L,h,w] was expected.");
            }

            foreach (float value in logits)
            {
                if (!float.IsFinite(value))
                {
                    throw new OnnxModelException($"On a blank [{string.Join(", ", shape)}] image the model's '{signature.Outputs[0].Name}' holds {value}: logits must be finite.");
                }
            }
        }
        catch (OnnxRuntimeException ex)
        {
            throw new OnnxModelException($"The model failed on a blank [{string.Join(", ", shape)}] image: {ex.Message}", ex);
        }
    }

    private static int Axis(long declared, int free) => declared > 0 ? (int)declared : free;
}
