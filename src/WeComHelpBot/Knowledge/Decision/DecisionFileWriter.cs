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
        Write(yaml, "domain", model.Domain);
        Write(yaml, "entry", model.Entry);
        return yaml.ToString();
    }

    private static void Write(StringBuilder yaml, string key, LogisticModel model)
    {
        yaml.AppendLine($"{key}:");
        yaml.AppendLine($"  bias: {Format(model.Bias)}");
        yaml.AppendLine("  features:");
        for (var i = 0; i < model.Features.Count; i++)
        {
            yaml.AppendLine($"    {model.Features[i]}: {{ weight: {Format(model.Weights[i])}, mean: {Format(model.Means[i])}, scale: {Format(model.Scales[i])} }}");
        }
    }

    private static string Format(double value) => Math.Round(value, 6).ToString("0.######", CultureInfo.InvariantCulture);
}
