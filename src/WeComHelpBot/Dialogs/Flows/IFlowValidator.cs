namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// A named check a flow step can use (<c>validator: credit-code</c>). Register implementations in DI as
/// <c>services.AddSingleton&lt;IFlowValidator, MyValidator&gt;()</c>; the name must be unique.
/// </summary>
public interface IFlowValidator
{
    string Name { get; }

    /// <summary>Checks the recognized answer (the user's text for a text step). Must not keep or log the value.</summary>
    FlowValidationResult Validate(string value);
}
