using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge.Decision;

public sealed class LogisticRegressionTests
{
    [Fact]
    public void Fit_LearnsWhichSideOfTheDataIsPositive()
    {
        // y is true when x0 is large; x1 is noise.
        var random = new Random(7);
        var x = Enumerable.Range(0, 200).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble()]).ToList();
        var y = x.Select(row => row[0] > 0.5).ToList();

        var model = LogisticRegression.Fit(["signal", "noise"], x, y);

        Assert.True(model.Probability([0.9, 0.5]) > 0.8);
        Assert.True(model.Probability([0.1, 0.5]) < 0.2);
        Assert.True(Math.Abs(model.Weights[0]) > 5 * Math.Abs(model.Weights[1]), $"weights {model.Weights[0]} {model.Weights[1]}");
    }

    [Fact]
    public void Fit_AConstantFeatureGetsNoWeight()
    {
        IReadOnlyList<double>[] x = [[0, 1], [1, 1], [0.2, 1], [0.8, 1]];

        var model = LogisticRegression.Fit(["signal", "constant"], x, [false, true, false, true]);

        Assert.Equal(0, model.Weights[1], 6);
    }

    [Fact]
    public void Fit_WithAPrior_StaysNearItWhereTheFewSamplesSayNothing()
    {
        // The shared model learned that x0 tells right from wrong; a question type with six samples in which x0 happens
        // not to vary must keep that knowledge under a strong penalty, not shrink it to zero and answer all alike.
        var random = new Random(3);
        var shared = Enumerable.Range(0, 400).Select(_ => (IReadOnlyList<double>)[random.NextDouble(), random.NextDouble()]).ToList();
        var prior = LogisticRegression.Fit(["signal", "noise"], shared, shared.Select(row => row[0] > 0.5).ToList());
        IReadOnlyList<double>[] few = [[0.5, 0.1], [0.5, 0.9], [0.5, 0.4], [0.5, 0.6], [0.5, 0.2], [0.5, 0.8]];
        bool[] labels = [true, false, true, false, true, false];

        var own = LogisticRegression.Fit(["signal", "noise"], few, labels, l2: 1.0, prior: prior);
        var alone = LogisticRegression.Fit(["signal", "noise"], few, labels, l2: 1.0);

        Assert.Equal(prior.Means, own.Means);
        Assert.Equal(prior.Scales, own.Scales);
        Assert.True(own.Weights[0] > 0.8 * prior.Weights[0], $"own {own.Weights[0]} prior {prior.Weights[0]}");
        Assert.True(own.Probability([0.9, 0.5]) - own.Probability([0.1, 0.5]) > 0.5);
        Assert.True(Math.Abs(alone.Probability([0.9, 0.5]) - alone.Probability([0.1, 0.5])) < 0.05);
    }

    [Fact]
    public void Probability_RejectsTheWrongNumberOfFeatures()
    {
        var model = LogisticRegression.Fit(["a"], [[0.0], [1.0]], [false, true]);

        Assert.Throws<ArgumentException>(() => model.Probability([1, 2]));
    }
}
