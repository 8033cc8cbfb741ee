namespace WeComHelpBot.Knowledge.Decision;

/// <summary>The names decision.yaml uses for each <see cref="QuestionType"/>.</summary>
public static class QuestionTypes
{
    public static readonly IReadOnlyList<QuestionType> All = [QuestionType.Plain, QuestionType.Comparison, QuestionType.FollowUp, QuestionType.English];

    public static string Name(QuestionType type) => type switch
    {
        QuestionType.Comparison => "comparison",
        QuestionType.FollowUp => "follow_up",
        QuestionType.English => "english",
        _ => "plain",
    };

    public static QuestionType? Parse(string name) => All.Cast<QuestionType?>().FirstOrDefault(t => Name(t!.Value) == name);
}
