namespace WeComHelpBot.Members;

/// <summary>A read went past its <see cref="ByteBudget"/>: the source is larger than anything this bot reads.</summary>
internal sealed class ByteBudgetExceededException(long limit) : IOException($"More than {limit} bytes.")
{
    public long Limit { get; } = limit;
}
