using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Dialogs;

/// <summary>Answers only the questions it was given (by a key phrase the question contains); everything else is out of scope.</summary>
public sealed class FakeKnowledgeAnswerer(params (string KeyPhrase, string Answer)[] answers) : IKnowledgeAnswerer
{
    public List<string> Asked { get; } = [];

    public KnowledgeAnswer Answer(string question)
    {
        Asked.Add(question);
        foreach (var (key, answer) in answers)
        {
            if (question.Contains(key, StringComparison.Ordinal))
            {
                return new KnowledgeAnswer(question, AnswerKind.Answer, "fake-" + key, key, answer, 0.9, []);
            }
        }

        return new KnowledgeAnswer(question, AnswerKind.OutOfScope, null, null, null, 0.1, []);
    }
}
