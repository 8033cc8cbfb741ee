using Microsoft.Extensions.Options;
using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;
using WeComHelpBot.Knowledge.Evaluation;

namespace WeComHelpBot.Tests.Knowledge.Decision;

public sealed class CrossValidateByGroupTests
{
    private static IReadOnlyList<CalibrationSample> Samples()
    {
        var options = Options.Create(new RetrievalOptions());
        using var index = new KnowledgeIndex(KnowledgeLoader.LoadOrThrow(TestPaths.ValidKnowledge), options);
        var retriever = new KnowledgeRetriever(index, options);
        EvalCase[] cases =
        [
            new("打款好几天了没到账", "bank-transfer-timeout", 1),
            new("对公打款超时了咋办", "bank-transfer-timeout", 2),
            new("银行打款一直没收到钱", "bank-transfer-timeout", 3),
            new("个体户能加几个人", "member-limits", 4),
            new("公司最多放多少员工", "member-limits", 5),
            new("成员人数有没有上限", "member-limits", 6),
            new("打款验证要几天", "verify-bank-transfer", 7),
            new("对公打款验证多久能好", "verify-bank-transfer", 8),
            new("会话存档在哪开", "security-archive", 9),
            new("聊天存档怎么打开", "security-archive", 10),
            new("今天天气怎么样", null, 11),
            new("股票明天涨不涨", null, 12),
            new("推荐一部电影", null, 13),
            new("午饭吃什么好", null, 14),
            new("帮我写首诗", null, 15),
        ];
        return DecisionCalibrator.Samples(retriever, cases);
    }

    [Fact]
    public void CrossValidateByGroup_DecidesEveryGroupWithAModelFittedWithoutAnySampleOfIt()
    {
        var samples = Samples();
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
        var samples = Samples();
        var groups = samples.Select((_, i) => i % 2).ToList();

        var decided = DecisionCalibrator.CrossValidateByGroup(samples, groups);

        Assert.Equal(samples.Count, decided.Count);
        Assert.All(decided.Select((d, i) => (d, i)), x => Assert.Same(samples[x.i], x.d.Sample));
    }
}
