using System.Text;
using ICU4N.Text;
using WeComHelpBot.Recognition;

namespace WeComHelpBot.Tests.Recognition;

/// <summary>The embedded tables are exactly what ICU's rules give for every character of the block, as computed before they were embedded.</summary>
public sealed class CjkTableTests
{
    [Fact]
    public void SimplifiedTable_IsIcusTraditionalSimplified_OverTheWholeBlock()
    {
        var block = new StringBuilder();
        for (var c = CjkTable.First; c <= CjkTable.Last; c++)
        {
            block.Append(c);
        }

        var source = block.ToString();
        var converted = Transliterator.GetInstance("Traditional-Simplified").Transliterate(source);
        Assert.Equal(source.Length, converted.Length);
        var expected = new Dictionary<char, char>();
        for (var i = 0; i < source.Length; i++)
        {
            if (converted[i] != source[i])
            {
                expected[source[i]] = converted[i];
            }
        }

        var table = CjkTable.ReadSimplified();
        Assert.Equal(expected.Count, table.Count);
        Assert.All(expected, pair => Assert.Equal(pair.Value, table[pair.Key]));
        Assert.Equal(converted, TextNormalizer.ToSimplified(source));
    }

    [Fact]
    public void PinyinTable_IsIcusHanLatin_ForEveryCharacterOfTheBlock()
    {
        var hanLatin = Transliterator.GetInstance("Han-Latin; Latin-ASCII");
        var mismatches = new List<string>();
        for (var c = CjkTable.First; c <= CjkTable.Last; c++)
        {
            var expected = hanLatin.Transliterate(c.ToString()).Trim().ToLowerInvariant();
            if (Pinyin.Of(c) != expected)
            {
                mismatches.Add($"{c}: {Pinyin.Of(c)} ≠ {expected}");
            }
        }

        Assert.Empty(mismatches);
    }

    [Fact]
    public void OutsideTheBlock_ThereIsNoPinyinAndNoChange()
    {
        Assert.Null(Pinyin.Of('a'));
        Assert.Null(Pinyin.Of('\u3400'));
        Assert.Equal("abc，１２", TextNormalizer.ToSimplified("abc，１２"));
    }
}
