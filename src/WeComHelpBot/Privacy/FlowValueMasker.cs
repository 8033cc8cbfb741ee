using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Privacy;

/// <summary>Lets the flow engine mask what users type into text steps with <see cref="PersonalDataMasker"/>.</summary>
public sealed class FlowValueMasker(PersonalDataMasker masker) : IFlowValueMasker
{
    public string Mask(string value) => masker.Mask(value) ?? string.Empty;
}
