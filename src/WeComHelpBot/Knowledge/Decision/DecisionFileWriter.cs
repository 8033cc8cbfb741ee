using System.Globalization;
using System.Text;

namespace WeComHelpBot.Knowledge.Decision;

/// <summary>Writes a <see cref="DecisionModel"/> as knowledge/decision.yaml, with the figures that chose it as comments.</summary>
public static class DecisionFileWriter
{
    public static string ToYaml(DecisionModel model, IEnumerable<string> comments)
    {
        var yaml = new StringBuilder();
        foreach (var comment in comments)
        {
            yaml.Append("# ").AppendLine(comment);
        }

        yaml.AppendLine("thresholds:");
        yaml.AppendLine($"  domain: {Format(model.DomainThreshold)}");
        yaml.AppendLine($"  answer: {Format(model.AnswerThreshold)}");
        yaml.AppendLine($"  clarify: {Format(model.ClarifyThreshold)}");
        Write(yaml, "domain", model.Domain, string.Empty);
        Write(yaml, "entry", model.Entry, string.Empty);
        if (model.Types.Count > 0)
        {
            // Per question type: its own thresholds, and its own p_entry model when it has one (else the shared entry: above).
            yaml.AppendLine("types:");
            foreach (var type in QuestionTypes.All.Where(model.Types.ContainsKey))
            {
                var decision = model.Types[type];
                yaml.AppendLine($"  {QuestionTypes.Name(type)}:");
                yaml.AppendLine($"    answer: {Format(decision.AnswerThreshold)}");
                yaml.AppendLine($"    clarify: {Format(decision.ClarifyThreshold)}");
                if (decision.Entry is { } entry)
                {
                    Write(yaml, "entry", entry, "    ");
                }
            }
        }

        return yaml.ToString();
    }

    private static void Write(StringBuilder yaml, string key, LogisticModel model, string indent)
    {
        yaml.AppendLine($"{indent}{key}:");
        yaml.AppendLine($"{indent}  bias: {Format(model.Bias)}");
        yaml.AppendLine($"{indent}  features:");
        for (var i = 0; i < model.Features.Count; i++)
        {
            yaml.AppendLine($"{indent}    {model.Features[i]}: {{ weight: {Format(model.Weights[i])}, mean: {Format(model.Means[i])}, scale: {Format(model.Scales[i])} }}");
        }
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
