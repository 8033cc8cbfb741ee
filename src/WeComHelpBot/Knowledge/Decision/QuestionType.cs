namespace WeComHelpBot.Knowledge.Decision;

/// <summary>
/// The kind of question as the bot itself knows it at run time, so the decision can weigh each kind on its own: a
/// comparison's or a follow-up's first entry is right under other conditions than a plain question's, and they are too
/// few among the training questions to shape one shared model. The names are the keys of decision.yaml's <c>types:</c>.
/// </summary>
public enum QuestionType
{
    /// <summary>Neither of the others.</summary>
    Plain,

    /// <summary>Two topics named and both found (two sides side by side, or an overview of both).</summary>
    Comparison,

    /// <summary>Read in the context of the previous answer.</summary>
    FollowUp,

    /// <summary>
    /// Asked in English and searched in the entries' en: blocks, whose fewer and shorter example questions give lower
    /// confidences for the same certainty.
    /// </summary>
    English,
}
