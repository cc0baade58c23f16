using System.Text.Json;
using Alc.Integrations.LabelStudio.Config;

namespace Alc.Integrations.LabelStudio.Annotations;

/// <summary>
/// Reads an annotation's <c>result</c> array (as the editor's <c>serializeAnnotation()</c> and Label Studio's
/// webhooks give it) against the generated config: the <c>verdict</c> choice and, when it is wrong, the
/// <c>true_label</c> choice. The keypoint and brush items are not read: the query is known from the task's data,
/// and the editor re-encodes a brush from its canvas.
/// </summary>
public static class AnnotationResultReader
{
    /// <summary>Reads the verdict and true label.</summary>
    /// <param name="result">The annotation's <c>result</c>.</param>
    /// <param name="classNames">The config's class names (the values <c>true_label</c> may take).</param>
    /// <exception cref="LabelStudioFormatException">
    /// The result is not an array of objects, has no verdict or more than one, a value outside the config, or a wrong
    /// verdict without exactly one true label. A <c>true_label</c> left over with another verdict is ignored: the
    /// config hides it then, and what is hidden is not part of the answer.
    /// </exception>
    public static CorrectionChoice Read(JsonElement result, IReadOnlyCollection<string> classNames)
    {
        ArgumentNullException.ThrowIfNull(classNames);
        if (result.ValueKind != JsonValueKind.Array)
        {
            throw new LabelStudioFormatException("annotation.result must be an array of result items.");
        }

        var verdicts = Choices(result, LabelingConfigNames.Verdict);
        if (verdicts.Count != 1)
        {
            throw new LabelStudioFormatException(verdicts.Count == 0
                ? $"The annotation has no {LabelingConfigNames.Verdict} choice: choose {LabelingConfigNames.Confirm}, {LabelingConfigNames.Wrong} or {LabelingConfigNames.Unsure}."
                : $"The annotation has {verdicts.Count} {LabelingConfigNames.Verdict} choices; the config allows one.");
        }

        var verdict = verdicts[0] switch
        {
            LabelingConfigNames.Confirm => CorrectionVerdict.Confirm,
            LabelingConfigNames.Wrong => CorrectionVerdict.Wrong,
            LabelingConfigNames.Unsure => CorrectionVerdict.Unsure,
            var other => throw new LabelStudioFormatException(
                $"\"{other}\" is not a {LabelingConfigNames.Verdict} of the config ({LabelingConfigNames.Confirm}, {LabelingConfigNames.Wrong}, {LabelingConfigNames.Unsure})."),
        };
        if (verdict != CorrectionVerdict.Wrong)
        {
            return new CorrectionChoice(verdict, null);
        }

        var labels = Choices(result, LabelingConfigNames.TrueLabel);
        if (labels.Count != 1)
        {
            throw new LabelStudioFormatException(labels.Count == 0
                ? $"The verdict is {LabelingConfigNames.Wrong} but no {LabelingConfigNames.TrueLabel} was chosen."
                : $"The annotation has {labels.Count} {LabelingConfigNames.TrueLabel} choices; the config allows one.");
        }

        return classNames.Contains(labels[0])
            ? new CorrectionChoice(verdict, labels[0])
            : throw new LabelStudioFormatException($"\"{labels[0]}\" is not a class of this project ({string.Join(", ", classNames)}).");
    }

    // Every value of every choices item of the named control.
    private static List<string> Choices(JsonElement result, string fromName)
    {
        var values = new List<string>();
        int index = 0;
        foreach (var item in result.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Object)
            {
                throw new LabelStudioFormatException($"annotation.result[{index}] must be an object.");
            }

            if (item.TryGetProperty("from_name", out var name) && name.ValueKind == JsonValueKind.String && name.GetString() == fromName)
            {
                if (!item.TryGetProperty("value", out var value) || value.ValueKind != JsonValueKind.Object
                    || !value.TryGetProperty("choices", out var choices) || choices.ValueKind != JsonValueKind.Array)
                {
                    throw new LabelStudioFormatException($"annotation.result[{index}] ({fromName}) must have value.choices, an array of strings.");
                }

                foreach (var choice in choices.EnumerateArray())
                {
                    values.Add(choice.ValueKind == JsonValueKind.String
                        ? choice.GetString()!
                        : throw new LabelStudioFormatException($"annotation.result[{index}].value.choices must hold strings, got {choice.GetRawText()}."));
                }
            }

            index++;
        }

        return values;
    }
}
