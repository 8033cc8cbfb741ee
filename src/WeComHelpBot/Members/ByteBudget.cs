namespace WeComHelpBot.Members;

/// <summary>How many more bytes may be read, shared by every stream that spends from it (all parts of one zip, one download).</summary>
internal sealed class ByteBudget(long limit)
{
    public long Limit { get; } = limit;

    public long Left { get; private set; } = limit;

    /// <summary>Takes <paramref name="count"/> bytes; past the limit throws <see cref="ByteBudgetExceededException"/>.</summary>
    public void Spend(int count)
    {
        Left -= count;
        if (Left < 0)
        {
            throw new ByteBudgetExceededException(Limit);
        }
    }
}
