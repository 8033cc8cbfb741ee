using System.Globalization;

namespace WeComHelpBot.Dialogs.Flows;

/// <summary>
/// A condition over flow variables: comparisons (<c>entity == 个体工商户</c>, <c>headcount &gt; 200</c>,
/// <c>urgent</c>, <c>not has_bank</c>) joined by <c>and</c> / <c>or</c> (and binds tighter). Numbers compare as numbers.
/// </summary>
public sealed class FlowCondition
{
    private static readonly string[] Operators = ["==", "!=", ">=", "<=", ">", "<"];

    private readonly List<List<Clause>> anyOf;

    private FlowCondition(string source, List<List<Clause>> anyOf)
    {
        Source = source;
        this.anyOf = anyOf;
    }

    public string Source { get; }

    public IEnumerable<string> Variables => anyOf.SelectMany(all => all).Select(c => c.Variable).Distinct();

    /// <summary>Parses <paramref name="source"/>; on failure returns null and says why in <paramref name="error"/>.</summary>
    public static FlowCondition? TryParse(string source, out string? error)
    {
        error = null;
        var tokens = Tokenize(source, out error);
        if (tokens is null)
        {
            return null;
        }

        var anyOf = new List<List<Clause>> { new() };
        var i = 0;
        while (i < tokens.Count)
        {
            var negate = false;
            while (i < tokens.Count && tokens[i] is "not" or "!")
            {
                negate = !negate;
                i++;
            }

            if (i >= tokens.Count || !IsIdentifier(tokens[i]))
            {
                error = i >= tokens.Count ? $"条件 “{source}” 没写完" : $"条件 “{source}” 里的 “{tokens[i]}” 不是变量名（变量名用英文）";
                return null;
            }

            var variable = tokens[i++];
            string? op = null;
            string? value = null;
            if (i < tokens.Count && Operators.Contains(tokens[i]))
            {
                op = tokens[i++];
                if (i >= tokens.Count)
                {
                    error = $"条件 “{source}” 的 “{op}” 后面缺少值";
                    return null;
                }

                value = tokens[i++];
            }

            anyOf[^1].Add(new Clause(variable, op, value, negate));
            if (i < tokens.Count)
            {
                switch (tokens[i])
                {
                    case "and" or "&&":
                        break;
                    case "or" or "||":
                        anyOf.Add([]);
                        break;
                    default:
                        error = $"条件 “{source}” 在 “{tokens[i]}” 前面缺少 and / or（值里有空格时请加引号）";
                        return null;
                }

                i++;
                if (i >= tokens.Count)
                {
                    error = $"条件 “{source}” 没写完";
                    return null;
                }
            }
        }

        if (anyOf.Count == 1 && anyOf[0].Count == 0)
        {
            error = "条件是空的";
            return null;
        }

        return new FlowCondition(source, anyOf);
    }

    public bool Evaluate(IReadOnlyDictionary<string, string> values) =>
        anyOf.Any(all => all.All(c => c.Evaluate(values)));

    public override string ToString() => Source;

    private static bool IsIdentifier(string token) =>
        token.Length > 0 && (char.IsAsciiLetter(token[0]) || token[0] == '_') && token.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');

    private static List<string>? Tokenize(string source, out string? error)
    {
        error = null;
        var tokens = new List<string>();
        var i = 0;
        while (i < source.Length)
        {
            var c = source[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
            }
            else if (c is '"' or '\'')
            {
                var end = source.IndexOf(c, i + 1);
                if (end < 0)
                {
                    error = $"条件 “{source}” 的引号没有关上";
                    return null;
                }

                tokens.Add(source[(i + 1)..end]);
                i = end + 1;
            }
            else if (Operators.FirstOrDefault(op => string.CompareOrdinal(source, i, op, 0, op.Length) == 0) is { } op)
            {
                tokens.Add(op);
                i += op.Length;
            }
            else
            {
                var start = i;
                while (i < source.Length && !char.IsWhiteSpace(source[i]) && !"=!<>\"'".Contains(source[i]))
                {
                    i++;
                }

                if (i == start)
                {
                    tokens.Add(source[i].ToString());
                    i++;
                }
                else
                {
                    tokens.Add(source[start..i]);
                }
            }
        }

        return tokens;
    }

    private sealed record Clause(string Variable, string? Operator, string? Value, bool Negate)
    {
        public bool Evaluate(IReadOnlyDictionary<string, string> values)
        {
            var actual = values.GetValueOrDefault(Variable) ?? string.Empty;
            var result = Operator is null ? IsTruthy(actual) : Compare(actual, Operator, Value!);
            return Negate ? !result : result;
        }

        private static bool IsTruthy(string value) =>
            value.Length > 0 && value is not ("false" or "0");

        private static bool Compare(string actual, string op, string expected)
        {
            if (decimal.TryParse(actual, NumberStyles.Number, CultureInfo.InvariantCulture, out var a)
                && decimal.TryParse(expected, NumberStyles.Number, CultureInfo.InvariantCulture, out var b))
            {
                return op switch
                {
                    "==" => a == b,
                    "!=" => a != b,
                    ">=" => a >= b,
                    "<=" => a <= b,
                    ">" => a > b,
                    _ => a < b,
                };
            }

            return op switch
            {
                "==" => string.Equals(actual, expected, StringComparison.Ordinal),
                "!=" => !string.Equals(actual, expected, StringComparison.Ordinal),
                _ => false,
            };
        }
    }
}
