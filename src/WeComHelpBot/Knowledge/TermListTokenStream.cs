using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace WeComHelpBot.Knowledge;

/// <summary>
/// Terms that were already analysed, handed to the index writer as a token stream, so that each text of an entry
/// goes through SmartCn once (the same terms also make the entry's in-memory profile).
/// </summary>
internal sealed class TermListTokenStream : TokenStream
{
    private readonly IReadOnlyList<string> terms;
    private readonly ICharTermAttribute termAttribute;
    private int next;

    public TermListTokenStream(IReadOnlyList<string> terms)
    {
        this.terms = terms;
        termAttribute = AddAttribute<ICharTermAttribute>();
    }

    public override bool IncrementToken()
    {
        if (next >= terms.Count)
        {
            return false;
        }

        ClearAttributes();
        termAttribute.SetEmpty().Append(terms[next++]);
        return true;
    }

    public override void Reset()
    {
        base.Reset();
        next = 0;
    }
}
