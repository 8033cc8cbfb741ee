using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using WeComHelpBot.Bot;
using WeComHelpBot.Dialogs.Flows;
using WeComHelpBot.Tests.Dialogs;
using WeComHelpBot.Validation;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace WeComHelpBot.Tests.Flows;

/// <summary>Runs every script in Flows/Transcripts against the shipped flows in dialogs/.</summary>
public sealed class FlowTranscriptTests
{
    private static readonly IReadOnlyList<FlowDefinition> ShippedFlows = FlowTestHost.Shipped();

    private static string TranscriptDirectory =>
        Path.Combine(Path.GetDirectoryName(ContentLocator.Find("dialogs"))!, "tests", "WeComHelpBot.Tests", "Flows", "Transcripts");

    public static TheoryData<string> Transcripts()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(TranscriptDirectory, "*.yaml").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void EveryShippedFlow_HasATranscript()
    {
        var covered = Directory.EnumerateFiles(TranscriptDirectory, "*.yaml").Select(f => Path.GetFileName(f).Split('.')[0]).ToHashSet();

        Assert.All(ShippedFlows, flow => Assert.Contains(flow.Id, covered));
    }

    [Theory]
    [MemberData(nameof(Transcripts))]
    public async Task Transcript(string file)
    {
        var script = new DeserializerBuilder().WithNamingConvention(CamelCaseNamingConvention.Instance).Build()
            .Deserialize<FlowTranscript>(await File.ReadAllTextAsync(Path.Combine(TranscriptDirectory, file)));
        Assert.NotEmpty(script.Turns);

        FlowTestHost Open(Microsoft.Bot.Builder.IStorage? storage) => new(
            ShippedFlows,
            storage,
            answerer: new FakeKnowledgeAnswerer(script.Knowledge.Select(kv => (kv.Key, kv.Value)).ToArray()),
            validators: ShippedValidators(script.Now ?? FlowTestHost.Now, script.Validators),
            actions: script.Actions.Select(name => name == "create-ticket" ? (IFlowAction)new FakeTicketAction() : throw new ArgumentException(name))
                .Concat(script.Validators is null ? [new CodeChecksAction()] : Array.Empty<IFlowAction>()).ToList(),
            now: script.Now);

        var host = Open(null);
        for (var i = 0; i < script.Turns.Count; i++)
        {
            var turn = script.Turns[i];
            if (turn.Reopen)
            {
                host = Open(host.Storage);
            }

            var replies = string.Join("\n", await host.SayAsync(turn.User));
            foreach (var expected in turn.Bot)
            {
                Assert.True(replies.Contains(expected, StringComparison.Ordinal), $"{file} turn {i + 1} (“{turn.User}”): expected “{expected}” in:\n{replies}");
            }

            foreach (var unexpected in turn.Not)
            {
                Assert.False(replies.Contains(unexpected, StringComparison.Ordinal), $"{file} turn {i + 1} (“{turn.User}”): did not expect “{unexpected}” in:\n{replies}");
            }
        }
    }

    /// <summary>The validators the bot registers (AddCodeValidators), on the script's clock; only the named ones when a list is given.</summary>
    private static List<IFlowValidator> ShippedValidators(DateTimeOffset now, List<string>? names)
    {
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
        services.AddCodeValidators();
        using var provider = services.BuildServiceProvider();
        var shipped = provider.GetServices<IFlowValidator>().ToList();
        if (names is null)
        {
            return shipped;
        }

        return names.Select(name => shipped.FirstOrDefault(v => v.Name == name) ?? throw new ArgumentException($"No shipped validator named {name}")).ToList();
    }
}
