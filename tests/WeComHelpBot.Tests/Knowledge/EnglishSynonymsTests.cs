using WeComHelpBot.Knowledge;

namespace WeComHelpBot.Tests.Knowledge;

/// <summary>
/// English words the en: blocks say otherwise (price for fee, staff for members, administrator for admin, at once for at
/// a time, facial recognition for face scan, sole trader for sole proprietor, licence for license), against the shipped knowledge base: knowledge/synonyms.yaml's english: groups make them the same word.
/// </summary>
public sealed class EnglishSynonymsTests
{
    private readonly KnowledgeRetriever retriever = ShippedKnowledge.Retriever;

    [Theory]
    [InlineData("What's the price of WeChat certification?", "verify-wechat-cert")]
    [InlineData("How many staff can I add by hand at once?", "members-manual-input")]
    [InlineData("Who can be the administrator?", "entity-admin-requirements")]
    [InlineData("Is the facial recognition check done right away?", "verify-face")] // facial recognition / face scan
    [InlineData("Does our legal person need to do the facial recognition in person?", "verify-face")]
    [InlineData("Is there a member cap for a sole trader?", "limit-members-sole-proprietor")] // sole trader / individual business / getihu
    [InlineData("Which types of certification can we choose from?", "cert-types")] // certification types / options / kinds of certification
    [InlineData("Where do I go to register?", "entity-register-entry")] // where to register / sign up: the registration entrance
    [InlineData("Where do I sign up for WeCom if I own a small shop?", "entity-register-entry")]
    // Saying no is one word that stays (isn't able to / cannot / no), and the legal person, rep or boss is the legal representative.
    [InlineData("What if the legal person isn't able to do the face scan?", "verify-no-legal-wechat")]
    public void AQuestionInOtherWords_IsAnsweredByTheEntryThatSaysItItsWay(string question, string entryId)
    {
        var answer = retriever.Answer(question);

        Assert.True(answer.Answered, $"{answer.Kind} {answer.EntryId} {answer.Score}");
        Assert.Equal(entryId, answer.EntryId);
        Assert.True(answer.English);
    }

    [Theory]
    [InlineData("Can our shop keep using WeCom without getting certified?")]
    [InlineData("Is WeCom usable without being certified?")] // was answered with the business licence's entry
    public void UsingWeComWithoutCertification_FindsTheVerificationFreeModeFirst(string question)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal("cert-free-mode", understanding.Result.Top?.Entry.Id);
        var decision = retriever.Decide(understanding);
        Assert.True(decision.Kind != AnswerKind.Answer || decision.EntryIds.SequenceEqual(["cert-free-mode"]), $"{decision.Kind} {string.Join("+", decision.EntryIds)}");
    }

    // "don't … yet … still" are the words of the bank account's example (We don't have a company bank account yet, can we
    // still register?): as stop words they no longer outweigh the business licence the question names.
    [Theory]
    [InlineData("I don't have the business license yet, can I still register WeCom?")]
    [InlineData("They don't have a business license yet; can they still register?")]
    public void NoLicenceYet_FindsTheLicenceNotTheBankAccount(string question)
    {
        var understanding = retriever.Understand(question);

        Assert.Equal("prep-business-license", understanding.Result.Top?.Entry.Id);
        Assert.NotEqual("prep-bank-account", retriever.Decide(understanding).EntryId);
    }

    // The legal representative doing the face scan is the face scan's entry, not the one for a representative who cannot.
    [Fact]
    public void TheLegalRepresentativesFaceScan_IsNotTheEntryForOneWhoCannot()
    {
        var understanding = retriever.Understand("Could the legal rep simply verify by scanning his face?");

        Assert.Equal("verify-face", understanding.Result.Top?.Entry.Id);
        Assert.NotEqual("verify-no-legal-wechat", retriever.Decide(understanding).EntryId);
    }
}
