using System.Text.RegularExpressions;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;

namespace WeComHelpBot.Tests.Flows;

public sealed class FlowLoaderTests
{
    private const string Valid = """
        id: sample
        title: 示例
        steps:
          - id: ask
            kind: confirm
            prompt: 准备好了吗？
            var: ready
        """;

    private static IReadOnlyList<FlowLoadError> Errors(params (string File, string Text)[] files) => FlowLoader.Load(files).Errors;

    private static FlowLoadError Single(string text)
    {
        var errors = Errors(("flow.yaml", text));
        return Assert.Single(errors);
    }

    [Fact]
    public void AValidFlow_LoadsWithoutErrors()
    {
        var (flows, errors) = FlowLoader.Load([("sample.yaml", Valid)]);

        Assert.Empty(errors);
        Assert.Equal("sample", Assert.Single(flows).Id);
    }

    [Fact]
    public void MalformedYaml_IsReportedWithItsLine()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    text: [没关上\n");

        Assert.Equal("flow.yaml", error.File);
        Assert.InRange(error.Line, 6, 7);
        Assert.Contains("YAML 格式错误", error.Problem);
    }

    [Fact]
    public void UnclosedListBeforeTheNextKey_IsReportedWithItsLine_NotThrown()
    {
        var error = Single("id: sample\ntitle: 示例\ntriggers: [注册\nsteps:\n  - id: a\n    kind: message\n    text: 你好\n");

        Assert.Equal("flow.yaml", error.File);
        Assert.InRange(error.Line, 3, 4);
        Assert.Contains("YAML 格式错误", error.Problem);
    }

    [Fact]
    public void StepWithoutAKeyName_IsReportedWithItsLine_NotThrown()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    text: 你好\n  - : text: 再见\n");

        Assert.Equal("flow.yaml", error.File);
        Assert.Equal(7, error.Line);
        Assert.Contains("YAML 格式错误", error.Problem);
    }

    [Fact]
    public void UnknownStepKind_IsReportedAtTheKindLine()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: question\n    prompt: 问\n");

        Assert.Equal(5, error.Line);
        Assert.Contains("未知的步骤类型 “question”", error.Problem);
        Assert.StartsWith("flow.yaml:5: ", error.ToString());
    }

    [Fact]
    public void MissingKind_IsReportedAtTheStep()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    prompt: 问\n");

        Assert.Equal(4, error.Line);
        Assert.Contains("缺少 kind", error.Problem);
    }

    [Fact]
    public void UnknownGotoTarget_IsReportedAtTheGotoLine()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    text: 你好\n    goto:\n      - when: x\n        to: nowhere\nvariables:\n  x: \"1\"\n");

        Assert.Equal(8, error.Line);
        Assert.Contains("“nowhere” 不存在", error.Problem);
    }

    [Fact]
    public void UnknownChoiceGotoTarget_IsReportedAtTheChoice()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: choice\n    prompt: 选\n    choices:\n      - 甲\n      - value: 乙\n        goto: nowhere\n");

        Assert.Equal(9, error.Line);
        Assert.Contains("选项 “乙”", error.Problem);
    }

    [Fact]
    public void CallingAnUnknownFlow_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: call\n    flow: no-such-flow\n");

        Assert.Equal(4, error.Line);
        Assert.Contains("调用的流程 “no-such-flow” 不存在", error.Problem);
    }

    [Fact]
    public void CallingAFlowInAnotherFile_IsFine() =>
        Assert.Empty(Errors(("a.yaml", "id: a\ntitle: 甲\nsteps:\n  - kind: call\n    flow: sample\n"), ("sample.yaml", Valid)));

    [Fact]
    public void APromptStepWithoutAPrompt_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: number\n    var: n\n");

        Assert.Contains("需要 prompt", error.Problem);
    }

    [Fact]
    public void AChoiceStepWithFewerThanTwoChoices_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: choice\n    prompt: 选\n    choices: [唯一]\n");

        Assert.Equal(7, error.Line);
        Assert.Contains("至少两个选项", error.Problem);
    }

    [Fact]
    public void DuplicateFlowIds_AcrossFiles_NameBothPlaces()
    {
        var error = Assert.Single(Errors(("one.yaml", Valid), ("two.yaml", Valid)));

        Assert.Equal("two.yaml", error.File);
        Assert.Contains("one.yaml:1", error.Problem);
    }

    [Fact]
    public void DuplicateStepIds_AreReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    text: 一\n  - id: a\n    kind: message\n    text: 二\n");

        Assert.Equal(7, error.Line);
        Assert.Contains("步骤 id “a” 在本流程中重复", error.Problem);
    }

    [Fact]
    public void AnUndefinedVariable_InATemplate_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    text: \"您好，{{name}}\"\n");

        Assert.Equal(6, error.Line);
        Assert.Contains("未定义的变量 “name”", error.Problem);
    }

    [Fact]
    public void AnUndefinedVariable_InACondition_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: message\n    when: size > 10\n    text: 大\n");

        Assert.Contains("未定义的变量 “size”", error.Problem);
    }

    [Theory]
    [InlineData("x ==")]
    [InlineData("x == 1 y == 2")]
    [InlineData("== 1")]
    [InlineData("x == '没关上")]
    public void AMalformedCondition_IsReportedAtItsLine(string condition)
    {
        var error = Single($"id: sample\ntitle: 示例\nvariables:\n  x: \"1\"\nsteps:\n  - id: a\n    kind: message\n    when: \"{condition.Replace("\"", "\\\"")}\"\n    text: 大\n");

        Assert.Equal(8, error.Line);
        Assert.Contains("条件写错了", error.Problem);
    }

    [Fact]
    public void AMisspelledField_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: text\n    promt: 问\n    prompt: 问\n");

        Assert.Equal(6, error.Line);
        Assert.Contains("不认识字段 “promt”", error.Problem);
    }

    [Fact]
    public void MissingIdAndTitle_AreReported()
    {
        var errors = Errors(("flow.yaml", "steps:\n  - kind: message\n    text: 你好\n"));

        Assert.Contains(errors, e => e.Problem.Contains("缺少 id"));
        Assert.Contains(errors, e => e.Problem.Contains("缺少 title"));
    }

    [Fact]
    public void ADefaultThatIsNotAChoice_IsReported()
    {
        var error = Single("id: sample\ntitle: 示例\nsteps:\n  - id: a\n    kind: choice\n    prompt: 选\n    choices: [甲, 乙]\n    default: 丙\n");

        Assert.Equal(8, error.Line);
        Assert.Contains("default “丙”", error.Problem);
    }

    [Fact]
    public void AnUnregisteredValidator_IsReportedAtTheValidatorLine()
    {
        var flows = FlowLoader.LoadOrThrow([("flow.yaml", "id: sample\ntitle: 示例\nsteps:\n  - id: code\n    kind: text\n    prompt: 代码？\n    validator: credit-code\n")]);

        var error = Assert.Single(FlowLoader.CheckNames(flows, new HashSet<string>(), new HashSet<string>()));

        Assert.Equal("flow.yaml:7: 未注册的校验器 “credit-code”（已注册：无）；如果它以后才注册，给这一步加 optional: true", error.ToString());
    }

    [Fact]
    public void AnUnregisteredAction_IsReportedAtTheActionLine()
    {
        var flows = FlowLoader.LoadOrThrow([("flow.yaml", "id: sample\ntitle: 示例\nsteps:\n  - id: t\n    action: create-ticket\n")]);

        var error = Assert.Single(FlowLoader.CheckNames(flows, new HashSet<string>(), new HashSet<string> { "other" }));

        Assert.Equal(5, error.Line);
        Assert.Contains("未注册的动作 “create-ticket”（已注册：other）", error.Problem);
    }

    [Fact]
    public void AnOptionalStep_MayNameAValidatorOrActionNobodyRegistered()
    {
        var flows = FlowLoader.LoadOrThrow([("flow.yaml", "id: sample\ntitle: 示例\nsteps:\n  - id: code\n    kind: text\n    prompt: 代码？\n    validator: credit-code\n    optional: true\n  - id: t\n    action: create-ticket\n    optional: true\n")]);

        Assert.Empty(FlowLoader.CheckNames(flows, new HashSet<string>(), new HashSet<string>()));
    }

    [Fact]
    public void LoadOrThrow_ListsEveryProblemAsFileLineProblem()
    {
        var error = Assert.Throws<FlowLoadException>(() => FlowLoader.LoadOrThrow([
            ("a.yaml", "id: a\ntitle: 甲\nsteps:\n  - kind: nope\n"),
            ("b.yaml", "id: b\ntitle: 乙\nsteps:\n  - kind: call\n    flow: zzz\n"),
        ]));

        Assert.Equal(2, error.Errors.Count);
        Assert.Matches(new Regex("^a\\.yaml:4: ", RegexOptions.Multiline), error.Message);
        Assert.Matches(new Regex("^b\\.yaml:4: ", RegexOptions.Multiline), error.Message);
    }

    [Fact]
    public void TheShippedFlows_AllLoad()
    {
        var flows = FlowLoader.LoadDirectory(ContentLocator.Find("dialogs"));

        Assert.Equal(
            ["after-registration", "handover", "member-import", "preparation-check", "registration-walkthrough", "troubleshooting", "verification-advisor"],
            flows.Select(f => f.Id).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void TheReadmeExample_Loads()
    {
        var readme = File.ReadAllText(Path.Combine(ContentLocator.Find("dialogs"), "README.md"));
        var example = Regex.Match(readme, "```yaml\n(?<yaml>.*?)```", RegexOptions.Singleline).Groups["yaml"].Value;

        var (flows, errors) = FlowLoader.Load([("README.md", example)]);

        Assert.Empty(errors);
        Assert.Equal("headcount-check", Assert.Single(flows).Id);
    }

    [Fact]
    public void StartupCheck_WithABrokenFlow_RefusesToStart_NamingFileAndLine()
    {
        var directory = Directory.CreateTempSubdirectory("flows-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "broken.yaml"), "id: broken\ntitle: 坏的\nsteps:\n  - id: a\n    kind: message\n    text: 你好\n    goto: missing\n");
            var services = new ServiceCollection();
            services.AddWeComHelpBot(new BotPaths { DialogsDirectory = directory.FullName, DataDirectory = directory.FullName });
            using var provider = services.BuildServiceProvider();

            // Registering reads nothing; the start-up check every host runs does.
            var error = Assert.Throws<FlowLoadException>(() => BotStartupCheck.Run(provider, storage: false));

            Assert.Contains("broken.yaml:7: goto 的目标步骤 “missing” 不存在", error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [Fact]
    public void ResolvingTheBot_WithAFlowNamingAnUnregisteredValidator_Throws()
    {
        var directory = Directory.CreateTempSubdirectory("flows-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, "code.yaml"), "id: code\ntitle: 代码\nsteps:\n  - id: a\n    kind: text\n    prompt: 税号？\n    validator: tax-number\n");
            var services = new ServiceCollection();
            services.AddWeComHelpBot(new BotPaths { DialogsDirectory = directory.FullName, DataDirectory = directory.FullName });
            using var provider = services.BuildServiceProvider();

            var error = Assert.Throws<FlowLoadException>(() => provider.GetRequiredService<IBot>());

            Assert.Contains("code.yaml:7: 未注册的校验器 “tax-number”", error.Message);
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}
