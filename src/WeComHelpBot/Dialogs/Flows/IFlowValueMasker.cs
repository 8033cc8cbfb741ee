namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// Masks personal data (phone, ID and account numbers) in what users type into text steps before it is kept in
/// conversation state. The support area registers one; without it text answers are kept as typed.
/// </summary>
public interface IFlowValueMasker
{
    string Mask(string value);
}
