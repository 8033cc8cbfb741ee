namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// A fitted logistic regression: features are standardised with <see cref="Means"/> and <see cref="Scales"/> (from the
/// training data), then p = 1 / (1 + e^-(bias + Σ weight·x)).
/// </summary>
public sealed record LogisticModel(IReadOnlyList<string> Features, IReadOnlyList<double> Weights, double Bias, IReadOnlyList<double> Means, IReadOnlyList<double> Scales)
{
    public double Probability(IReadOnlyList<double> x)
    {
        if (x.Count != Weights.Count)
        {
            throw new ArgumentException($"Expected {Weights.Count} features, got {x.Count}", nameof(x));
        }

        var z = Bias;
        for (var i = 0; i < x.Count; i++)
        {
            z += Weights[i] * (x[i] - Means[i]) / Scales[i];
        }

        return 1 / (1 + Math.Exp(-z));
    }
}
