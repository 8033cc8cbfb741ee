using WeComHelpBot.Images;

namespace WeComHelpBot.Tests.Images;

public sealed class CreditCodeRepairTests
{
    [Fact]
    public void ValidReading_IsKeptUnchanged()
    {
        var result = CreditCodeRepair.Repair(TestImages.ValidCode);

        Assert.Equal(TestImages.ValidCode, result!.Value.Code);
        Assert.Empty(result.Value.Changed);
    }

    [Theory]
    [InlineData("91350100M00O100Y43", 11)] // letter O read for zero: a code never holds O
    [InlineData("9135O100M000100Y43", 4)] // in the region code, only a digit fits
    [InlineData("913S0100M000100Y43", 3)] // S for 5
    [InlineData("91350100M000I00Y43", 12)] // I for 1
    public void ImpossibleCharacter_IsFixedToTheOneValidReading(string read, int position)
    {
        var result = CreditCodeRepair.Repair(read);

        Assert.NotNull(result);
        Assert.Equal(TestImages.ValidCode, result.Value.Code);
        Assert.Equal([position], result.Value.Changed);
    }

    [Fact]
    public void ConfusableLetterThatIsAllowed_IsFixedByTheCheckCharacter()
    {
        // B is a legal character, so only the check character tells that 8 was meant.
        var result = CreditCodeRepair.Repair("91440300MA5FT8Q7KL".Replace('8', 'B'));

        Assert.NotNull(result);
        Assert.Equal("91440300MA5FT8Q7KL", result.Value.Code);
    }

    [Theory]
    [InlineData("91350100M000100Y4")] // one character short
    [InlineData("91350100M000100Y47")] // wrong check character, 7 has no look-alike to try
    [InlineData("ABCDEFGHJKLMNPQRTU")]
    public void NoSingleValidReading_IsNull(string read)
    {
        Assert.Null(CreditCodeRepair.Repair(read));
    }
}
