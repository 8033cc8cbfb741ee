using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge.Decision;

public sealed class CrossValidateByGroupTests
{
    [Fact]
    public void CrossValidateByGroup_DecidesEveryGroupWithAModelFittedWithoutAnySampleOfIt()
    {
        var samples = DecisionCalibratorTests.Samples();
        // Three "files" that are not the question folds: the split must follow the groups given.
        var groups = samples.Select((_, i) => i < 5 ? 0 : i < 10 ? 1 : 2).ToList();
        groups[^1] = 0;
        groups[^2] = 1;
        Assert.NotEqual(groups, samples.Select(s => s.Fold(3)).ToList());
        var fittedOn = new List<IReadOnlyList<CalibrationSample>>();
        var decidedBy = new Dictionary<CalibrationSample, IReadOnlyList<CalibrationSample>>(ReferenceEqualityComparer.Instance);

        var decided = DecisionCalibrator.CrossValidateByGroup(samples, groups, training =>
        {
            fittedOn.Add(training);
            return DecisionCalibrator.Fit(training);
        });

        Assert.Equal(samples.Count, decided.Count);
        Assert.Equal(3, fittedOn.Count);
        for (var group = 0; group < 3; group++)
        {
            var held = samples.Where((_, i) => groups[i] == group).ToList();
            var rest = samples.Where((_, i) => groups[i] != group).ToList();
            // Exactly one model was fitted on all the other groups and on nothing of this one.
            Assert.Single(fittedOn, training => training.Count == rest.Count
                && rest.All(r => training.Any(t => ReferenceEquals(t, r)))
                && held.All(h => !training.Any(t => ReferenceEquals(t, h))));
        }

        Assert.All(decided.Select((d, i) => (d, i)), x => Assert.Same(samples[x.i], x.d.Sample));
    }

    [Fact]
    public void CrossValidateByGroup_WithTheDefaultFit_DecidesEverySample()
    {
        var samples = DecisionCalibratorTests.Samples();
        var groups = samples.Select((_, i) => i % 2).ToList();

        var decided = DecisionCalibrator.CrossValidateByGroup(samples, groups);

        Assert.Equal(samples.Count, decided.Count);
        Assert.All(decided.Select((d, i) => (d, i)), x => Assert.Same(samples[x.i], x.d.Sample));
    }
}
