using WeComHelpBot.Knowledge;
using WeComHelpBot.Knowledge.Decision;

namespace WeComHelpBot.Tests.Knowledge.Decision;

public sealed class DecisionModelTests
{
    // p_domain = 1/(1+e^-bias) with zero weights: bias 5 → 0.993; the entry model's p is 1/(1+e^-(w·x)).
    private static LogisticModel Model(IReadOnlyList<string> names, double weight, double bias) =>
        new(names, names.Select((_, i) => i == 0 ? weight : 0).ToList(), bias, names.Select(_ => 0.0).ToList(), names.Select(_ => 1.0).ToList());

    private static DecisionFeatures Features(double first) =>
        new(DecisionFeatures.DomainNames.Select(_ => 0.0).ToList(), DecisionFeatures.EntryNames.Select((_, i) => i == 0 ? first : 0).ToList());

    private static readonly DecisionModel Shared = new(Model(DecisionFeatures.DomainNames, 0, 5), Model(DecisionFeatures.EntryNames, 1, 0), 0.5, 0.8, 0.3);

    [Fact]
    public void TypeWithoutItsOwnDecision_UsesTheSharedThresholds()
    {
        // p_entry = σ(0.5) = 0.62: under the shared answer threshold 0.8.
        Assert.Equal(AnswerKind.Clarify, Shared.Decide(Features(0.5), QuestionType.Comparison));
        Assert.Equal((0.8, 0.3), Shared.Thresholds(QuestionType.FollowUp));
    }

    [Fact]
    public void TypeWithItsOwnThresholds_IsDecidedByThem_OthersAreNot()
    {
        var model = Shared with { Types = new Dictionary<QuestionType, TypeDecision> { [QuestionType.Comparison] = new(0.6, 0.2) } };

        Assert.Equal(AnswerKind.Answer, model.Decide(Features(0.5), QuestionType.Comparison));
        Assert.Equal(AnswerKind.Clarify, model.Decide(Features(0.5), QuestionType.Plain));
    }

    [Fact]
    public void TypeWithItsOwnModel_IsScoredByIt()
    {
        var own = Model(DecisionFeatures.EntryNames, -1, 0);
        var model = Shared with { Types = new Dictionary<QuestionType, TypeDecision> { [QuestionType.FollowUp] = new(0.8, 0.3, own) } };

        Assert.Equal(1 / (1 + Math.Exp(0.5)), model.EntryProbability(Features(0.5), QuestionType.FollowUp), 9);
        Assert.Equal(1 / (1 + Math.Exp(-0.5)), model.EntryProbability(Features(0.5), QuestionType.Plain), 9);
        Assert.True(model.Score(Features(0.5), QuestionType.FollowUp) < model.Score(Features(0.5), QuestionType.Plain));
    }
}
