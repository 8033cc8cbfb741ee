using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

/// <summary>A step is read into the record of its kind, and a field of another kind is refused with file:line.</summary>
public sealed class FlowStepTypeTests
{
    private static IReadOnlyList<FlowStep> Steps(string steps)
    {
        var (flows, errors) = FlowLoader.Load([("flow.yaml", $"id: sample\ntitle: 示例\nvariables:\n  n: \"1\"\nsteps:\n{steps}")]);
        Assert.Empty(errors);
        return Assert.Single(flows).Steps;
    }

    [Fact]
    public void EachKind_IsReadIntoItsOwnType()
    {
        var steps = Steps("""
              - id: hi
                kind: message
                text: 你好
              - id: pick
                kind: choice
                prompt: 选哪个？
                choices: [甲, 乙]
                var: pick
              - id: ok
                kind: confirm
                prompt: 有吗？
                yes: 有
                no: 没有
                var: ok
              - id: mark
                kind: set
                set: {n: "2"}
              - id: other
                kind: call
                flow: sample
              - id: act
                kind: action
                action: create-ticket
                var: ticket
              - id: wait
                kind: pause
                text: 先停一下
              - id: bye
                kind: end
                text: 再见
            """);

        Assert.Collection(
            steps,
            s => Assert.Equal("你好", Assert.IsType<MessageStep>(s).Text.Render(new Dictionary<string, string>())),
            s => Assert.Equal(["甲", "乙"], Assert.IsType<PromptStep>(s).Choices.Select(c => c.Value)),
            s => Assert.Equal(("有", "没有"), (Assert.IsType<PromptStep>(s).YesLabel, ((PromptStep)s).NoLabel)),
            s => Assert.Equal("2", Assert.IsType<SetStep>(s).Set["n"]),
            s => Assert.Equal("sample", Assert.IsType<CallStep>(s).Flow),
            s => Assert.Equal(("create-ticket", "ticket"), (Assert.IsType<ActionStep>(s).Action, ((ActionStep)s).Var)),
            s => Assert.IsType<PauseStep>(s),
            s => Assert.IsType<EndStep>(s));
        Assert.Same(FlowPromptKinds.Choice, ((PromptStep)steps[1]).Kind);
        Assert.Same(FlowPromptKinds.Confirm, ((PromptStep)steps[2]).Kind);
    }

    [Theory]
    [InlineData("text", "text")]
    [InlineData("choice", "choice")]
    [InlineData("confirm", "confirm")]
    [InlineData("number", "number")]
    [InlineData("phone", "phone")]
    [InlineData("date", "date")]
    [InlineData("company", "company")]
    public void EveryPromptKind_IsOneRegistryEntry_FoundByItsYamlName(string yamlName, string expected)
    {
        var kind = Assert.Single(FlowPromptKinds.All, k => k.Name == yamlName);

        Assert.Same(kind, FlowPromptKinds.Find(yamlName));
        Assert.Equal(expected, kind.Name);
        Assert.False(string.IsNullOrWhiteSpace(kind.DefaultHelp));
    }

    [Fact]
    public void ThePromptKindNames_AreUnique_AndNoneIsAStepKindOfItsOwn()
    {
        var names = FlowPromptKinds.All.Select(k => k.Name).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.DoesNotContain(names, n => n is "message" or "set" or "call" or "action" or "end" or "pause");
        Assert.Null(FlowPromptKinds.Find("message"));
    }

    [Fact]
    public void ADateStep_WritesItsVariableAndTheDerivedOnes()
    {
        var step = Assert.IsType<PromptStep>(Assert.Single(Steps("  - id: paid\n    kind: date\n    prompt: 哪天打的款？\n    var: paid\n")));

        Assert.Equal(["paid", "paid_date", "paid_days"], step.WrittenVariables());
    }

    // Each row: a kind, the fields a valid step of it needs, and one field that belongs to another kind.
    [Theory]
    [InlineData("message", "    text: 你好\n", "prompt: 问什么？")]
    [InlineData("end", "    text: 再见\n", "var: done")]
    [InlineData("pause", "    text: 先停一下\n", "set: {n: \"2\"}")]
    [InlineData("set", "    set: {n: \"2\"}\n", "var: n")]
    [InlineData("call", "    flow: sample\n", "prompt: 问什么？")]
    [InlineData("action", "    action: create-ticket\n", "choices: [甲, 乙]")]
    [InlineData("text", "    prompt: 说说看\n", "text: 你好")]
    [InlineData("number", "    prompt: 多少人？\n", "choices: [甲, 乙]")]
    [InlineData("choice", "    prompt: 选哪个？\n    choices: [甲, 乙]\n", "yes: 有")]
    [InlineData("confirm", "    prompt: 有吗？\n", "choices: [甲, 乙]")]
    [InlineData("date", "    prompt: 哪天？\n", "no: 没有")]
    [InlineData("phone", "    prompt: 手机号？\n", "flow: sample")]
    [InlineData("company", "    prompt: 公司名？\n", "set: {n: \"2\"}")]
    public void AFieldOfAnotherKind_IsRefusedWithItsLine(string kind, string validFields, string foreignField)
    {
        // The foreign field goes right after kind:, so it is always on line 7 whatever the valid fields are.
        var text = $"id: sample\ntitle: 示例\nvariables:\n  n: \"1\"\nsteps:\n  - kind: {kind}\n    {foreignField}\n{validFields}";

        var error = Assert.Single(FlowLoader.Load([("flow.yaml", text)]).Errors);

        Assert.Equal("flow.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains($"{kind} 步骤不认识字段 “{foreignField.Split(':')[0]}”", error.Problem);
    }
}
