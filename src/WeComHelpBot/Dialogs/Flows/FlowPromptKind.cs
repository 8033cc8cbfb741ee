using WeComHelpBot.Dialogs.Choices;
using YamlDotNet.RepresentationModel;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// One kind of prompt step (text, choice, confirm, …), as Composer registers its typed inputs by kind: its YAML name and
/// own fields, how to read and check them, the prompt dialog it makes, and how its answer is kept and shown. Every kind is
/// one entry of <see cref="FlowPromptKinds"/>; the flow reader and runner ask the kind instead of switching over kinds.
/// </summary>
public abstract class FlowPromptKind
{
    /// <summary>The name after kind: in YAML.</summary>
    public abstract string Name { get; }

    /// <summary>What 帮助 says when the step has no help: of its own.</summary>
    public virtual string DefaultHelp => "直接打字回复就行。";

    /// <summary>Fields only this kind has, besides those every prompt step has.</summary>
    public virtual IReadOnlyCollection<string> OwnFields => [];

    /// <summary>
    /// A reply that names one of the step's options is a correction of it even at a later step (choice steps): the
    /// runner then prefers this step over one that any yes/no would answer.
    /// </summary>
    public virtual bool AnswersByNamingAnOption => false;

    /// <summary>Any yes or no answers the step (confirm steps): a correction goes here only when the reply names the question.</summary>
    public virtual bool AnswersAnyYesNo => false;

    /// <summary>A code in the opening sentence that the step's validator accepts answers the step (text steps).</summary>
    public virtual bool TakesCheckedCodes => false;

    /// <summary>The prompt dialog of a step of this kind, with the step's named validator (if any).</summary>
    public abstract Dialog CreateDialog(string dialogId, IFlowValidator? validator, TimeProvider timeProvider);

    /// <summary>The answer as text: what a validator checks, what an action receives, and how answers compare.</summary>
    public abstract string? AsText(object? answer);

    /// <summary>The answer as the user reads it back ("好的，改成…").</summary>
    public virtual string? Describe(PromptStep step, object? answer) => AsText(answer);

    /// <summary>The variables a step of this kind writes, given its var:.</summary>
    public virtual IEnumerable<string> WrittenVariables(string variable) => [variable];

    /// <summary>Keeps the answer in <paramref name="variable"/> (and the kind's other variables), masked where needed.</summary>
    public abstract void Store(string variable, object? answer, IDictionary<string, string> values, IFlowValueMasker? masker);

    /// <summary>Help when the step has no help: of its own.</summary>
    public virtual string Help(PromptStep step) => DefaultHelp;

    /// <summary>The options shown under the question (buttons or one short line).</summary>
    public virtual IReadOnlyList<Choice> Options(PromptStep step) => [];

    /// <summary>Whether default: is an answer this step can take.</summary>
    public virtual bool AcceptsDefault(PromptStep step, string value) => true;

    /// <summary>
    /// What the sentence that started the flow already answers, or null. <paramref name="firstTurn"/> is false on later
    /// turns, when only names still count; <paramref name="recognize"/> reads a text as an answer to the step.
    /// </summary>
    public virtual Task<object?> FromOpeningAsync(string utterance, bool firstTurn, Func<string, Task<object?>> recognize) =>
        Task.FromResult<object?>(null);

    /// <summary>Reads the kind's own fields into <paramref name="step"/>; problems of shape go to <paramref name="yaml"/>.</summary>
    internal virtual PromptStep ReadOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml, FlowPartReader parts) => step;

    /// <summary>Checks the kind's own fields once read (enough choices, both labels); problems go to <paramref name="yaml"/>.</summary>
    internal virtual void CheckOwnFields(PromptStep step, YamlMappingNode node, FlowYamlReader yaml)
    {
    }
}
