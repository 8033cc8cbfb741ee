namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// Fits a <see cref="LogisticModel"/> by batch gradient descent on the mean log loss plus an L2 penalty (the bias is
/// not penalised). The data here is a few hundred labelled questions and about ten features, so plain full-batch
/// descent converges in well under a second and needs no package. With a <c>prior</c> model, the fit keeps the prior's
/// standardisation and pulls the weights toward the prior's instead of toward zero: a question type with a few dozen
/// questions then departs from the shared model only where its own data says so.
/// </summary>
public static class LogisticRegression
{
    public static LogisticModel Fit(
        IReadOnlyList<string> features,
        IReadOnlyList<IReadOnlyList<double>> x,
        IReadOnlyList<bool> y,
        double l2 = 0.01,
        int iterations = 3000,
        double learningRate = 0.5,
        LogisticModel? prior = null)
    {
        if (x.Count != y.Count || x.Count == 0)
        {
            throw new ArgumentException("Need as many labels as samples, and at least one sample.");
        }

        var n = x.Count;
        var d = features.Count;
        // With a prior, its standardisation: the weights pulled toward its own must mean the same thing.
        var means = prior?.Means.ToArray() ?? new double[d];
        var scales = prior?.Scales.ToArray() ?? new double[d];
        for (var j = 0; j < d && prior is null; j++)
        {
            means[j] = x.Average(row => row[j]);
            var variance = x.Average(row => (row[j] - means[j]) * (row[j] - means[j]));

            // A constant feature (all zero in the data) keeps scale 1 and ends with weight 0 under the penalty.
            scales[j] = variance > 1e-12 ? Math.Sqrt(variance) : 1;
        }

        var z = new double[n][];
        for (var i = 0; i < n; i++)
        {
            z[i] = new double[d];
            for (var j = 0; j < d; j++)
            {
                z[i][j] = (x[i][j] - means[j]) / scales[j];
            }
        }

        var positives = y.Count(v => v);
        var bias = prior?.Bias ?? Math.Log((positives + 0.5) / (n - positives + 0.5));
        var centre = prior?.Weights.ToArray() ?? new double[d];
        var weights = centre.ToArray();
        var gradient = new double[d];
        for (var iteration = 0; iteration < iterations; iteration++)
        {
            Array.Clear(gradient);
            var biasGradient = 0.0;
            for (var i = 0; i < n; i++)
            {
                var s = bias;
                for (var j = 0; j < d; j++)
                {
                    s += weights[j] * z[i][j];
                }

                var error = (1 / (1 + Math.Exp(-s))) - (y[i] ? 1 : 0);
                biasGradient += error;
                for (var j = 0; j < d; j++)
                {
                    gradient[j] += error * z[i][j];
                }
            }

            bias -= learningRate * biasGradient / n;
            for (var j = 0; j < d; j++)
            {
                weights[j] -= learningRate * ((gradient[j] / n) + (l2 * (weights[j] - centre[j])));
            }
        }

        return new LogisticModel(features.ToArray(), weights, bias, means, scales);
    }
}
