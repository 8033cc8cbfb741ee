using System.CommandLine;
using WeComHelpBot.Bench;
using WeComHelpBot.Bot;
using WeComHelpBot.Knowledge;

var root = new RootCommand("WeComHelpBot benchmarks (results go to bench/README.md)");

var sizes = new Option<string>("--sizes") { Description = "knowledge base sizes", DefaultValueFactory = _ => "100,1000,10000" };
var queries = new Option<int>("--queries") { Description = "timed queries per size", DefaultValueFactory = _ => 5000 };
var retrieval = new Command("retrieval", "index build time and query latency at several knowledge base sizes") { sizes, queries };
retrieval.SetAction(parse =>
{
    RetrievalBenchmark.Run(
        ContentLocator.Find("knowledge"),
        Path.Combine(ContentLocator.Find("tests"), "WeComHelpBot.Tests", "Knowledge", "kb-eval.jsonl"),
        parse.GetValue(sizes)!.Split(',').Select(int.Parse).ToList(),
        parse.GetValue(queries),
        Console.Out);
    return 0;
});
root.Subcommands.Add(retrieval);

var storages = new Option<string>("--storage") { Description = "storages to compare: memory, litedb-shared, litedb-direct", DefaultValueFactory = _ => "memory,litedb-shared,litedb-direct" };
var turnCount = new Option<int>("--turns") { Description = "timed turns per kind", DefaultValueFactory = _ => 2000 };
var resultCacheSize = new Option<int>("--result-cache-size") { Description = "Knowledge:ResultCacheSize of the bot (0 = retrieval cache off)", DefaultValueFactory = _ => new KnowledgeOptions().ResultCacheSize };
var turnsWarmUp = new Option<int>("--warmup-seconds") { Description = "seconds of untimed turns of every kind before timing (JIT tiering)", DefaultValueFactory = _ => 5 };
var turnsCommand = new Command("turns", "in-process turn latency: knowledge answer, flow step, out-of-scope reply") { storages, turnCount, resultCacheSize, turnsWarmUp };
turnsCommand.SetAction(async (parse, cancellationToken) =>
{
    await TurnsBenchmark.RunAsync(parse.GetValue(storages)!.Split(','), parse.GetValue(turnCount), parse.GetValue(resultCacheSize), TimeSpan.FromSeconds(parse.GetValue(turnsWarmUp)), Console.Out, cancellationToken);
    return 0;
});
root.Subcommands.Add(turnsCommand);

var httpStorage = new Option<string>("--storage") { Description = "LiteDB connection of the server: Shared or Direct", DefaultValueFactory = _ => "Direct" };
var singleTurns = new Option<int>("--single-turns") { Description = "turns of the one-conversation run", DefaultValueFactory = _ => 2000 };
var perConversation = new Option<int>("--turns-per-conversation") { Description = "turns each concurrent conversation sends", DefaultValueFactory = _ => 1000 };
var concurrency = new Option<int>("--conversations") { Description = "concurrent conversations", DefaultValueFactory = _ => 64 };
var warmUpSeconds = new Option<int>("--warmup-seconds") { Description = "seconds of load at full concurrency before anything is measured (JIT tiering)", DefaultValueFactory = _ => 20 };
var provider = new Option<string>("--provider") { Description = "the server's Storage:Provider: litedb (one process) or postgres (--processes processes on one database)", DefaultValueFactory = _ => "litedb" };
provider.AcceptOnlyFromAmong("litedb", "postgres");
var processes = new Option<int>("--processes") { Description = "server processes on the one PostgreSQL database (--provider postgres); each conversation alternates between them", DefaultValueFactory = _ => 2 };
var postgres = new Option<string?>("--postgres") { Description = $"Npgsql connection string of the database the run makes its own schema in (default: {BenchPostgres.VariableName}, else {BenchPostgres.TestVariableName})" };
var httpCommand = new Command("http", "POST /api/messages (expectReplies) against the built server: start-up, 1 and 64 conversations, peak memory, state check")
{
    httpStorage, singleTurns, perConversation, concurrency, resultCacheSize, warmUpSeconds, provider, processes, postgres,
};
httpCommand.SetAction((parse, cancellationToken) => IsPostgres(parse)
    ? WithPostgres(parse, connection => ScaleOutHttpBenchmark.RunAsync(
        ServerProcess.FindServerDll(), connection, parse.GetValue(processes), parse.GetValue(resultCacheSize), TimeSpan.FromSeconds(parse.GetValue(warmUpSeconds)), parse.GetValue(singleTurns), parse.GetValue(perConversation), parse.GetValue(concurrency), Console.Out, cancellationToken))
    : HttpBenchmark.RunAsync(
        parse.GetValue(httpStorage)!, parse.GetValue(resultCacheSize), TimeSpan.FromSeconds(parse.GetValue(warmUpSeconds)), parse.GetValue(singleTurns), parse.GetValue(perConversation), parse.GetValue(concurrency), Console.Out, cancellationToken));
root.Subcommands.Add(httpCommand);

var weComCommand = new Command("wecom", "POST /wecom/callback with encrypted messages against the built server: start-up, 1 and 64 conversations, peak memory, state check")
{
    httpStorage, singleTurns, perConversation, concurrency, resultCacheSize, warmUpSeconds,
};
weComCommand.SetAction((parse, cancellationToken) => HttpBenchmark.RunAsync(
    "wecom /wecom/callback", new Dictionary<string, string>(WeComClient.ServerSettings.Concat(HttpBenchmark.CacheSetting(parse.GetValue(resultCacheSize)))), http => new WeComClient(http),
    parse.GetValue(httpStorage)!, TimeSpan.FromSeconds(parse.GetValue(warmUpSeconds)), parse.GetValue(singleTurns), parse.GetValue(perConversation), parse.GetValue(concurrency), Console.Out, cancellationToken));
root.Subcommands.Add(weComCommand);

var floorCommand = new Command("http-floor", "the same 64-conversation load against a bare Kestrel endpoint and a CloudAdapter echo bot, then the real server: what the machine allows")
{
    perConversation, concurrency, warmUpSeconds,
};
floorCommand.SetAction((parse, cancellationToken) => FloorBenchmark.RunAsync(parse.GetValue(perConversation), parse.GetValue(concurrency), TimeSpan.FromSeconds(parse.GetValue(warmUpSeconds)), Console.Out, cancellationToken));
root.Subcommands.Add(floorCommand);

var soakSeconds = new Option<int>("--seconds", "--duration") { Description = "how long the soak runs", DefaultValueFactory = _ => 180 };
var soakConversations = new Option<int>("--conversations") { Description = "conversations walking answers and flows", DefaultValueFactory = _ => 16 };
var killAt = new Option<int?>("--kill-at") { Description = "with --provider postgres: seconds into the soak at which the last process is killed (SIGKILL) and restarted on the same port" };
var soakCommand = new Command("soak", "a bounded soak of the built server: answers, flows, bad input, concurrent turns on one conversation; with --provider postgres, across processes, optionally with a crash")
{
    httpStorage, soakSeconds, soakConversations, provider, processes, postgres, killAt,
};
soakCommand.SetAction((parse, cancellationToken) => IsPostgres(parse)
    ? WithPostgres(parse, async connection =>
    {
        var settings = new ScaleOutSoakSettings(
            ServerProcess.FindServerDll(),
            connection,
            parse.GetValue(processes),
            TimeSpan.FromSeconds(parse.GetValue(soakSeconds)),
            parse.GetValue(killAt) is { } seconds ? TimeSpan.FromSeconds(seconds) : null,
            parse.GetValue(soakConversations));
        return (await ScaleOutSoak.RunAsync(settings, Console.Out, cancellationToken)).Passed ? 0 : 1;
    })
    : parse.GetValue(killAt) is not null
        ? Usage("--kill-at needs --provider postgres (one LiteDB process has no other process to take over)")
        : SoakBenchmark.RunAsync(
            parse.GetValue(httpStorage)!, TimeSpan.FromSeconds(parse.GetValue(soakSeconds)), parse.GetValue(soakConversations), Console.Out, cancellationToken));
root.Subcommands.Add(soakCommand);

var peer = new Option<string?>("--peer") { Description = "the JavaScript peer's folder (default: shared/peers/js-botbuilder above the repository)" };
var versusTurns = new Option<int>("--turns-per-conversation") { Description = "measured turns each concurrent conversation sends, on each server", DefaultValueFactory = _ => 500 };
var versusCommand = new Command("versus", "our server with default settings, then the JavaScript Bot Framework peer, under the same load: both rows and the ratio")
{
    peer, versusTurns, concurrency, warmUpSeconds,
};
versusCommand.SetAction((parse, cancellationToken) => VersusBenchmark.RunAsync(
    parse.GetValue(peer), parse.GetValue(concurrency), parse.GetValue(versusTurns), TimeSpan.FromSeconds(parse.GetValue(warmUpSeconds)), Console.Out, cancellationToken));
root.Subcommands.Add(versusCommand);

var telemetryTurns = new Option<int>("--turns") { Description = "empty turns per variant", DefaultValueFactory = _ => 2_000_000 };
var telemetryCommand = new Command("telemetry", "what the metrics middleware costs a turn with metrics off (the default) and on") { telemetryTurns };
telemetryCommand.SetAction((parse, cancellationToken) => TelemetryBenchmark.RunAsync(parse.GetValue(telemetryTurns), Console.Out, cancellationToken));
root.Subcommands.Add(telemetryCommand);

return await root.Parse(args).InvokeAsync();

bool IsPostgres(ParseResult parse) => parse.GetValue(provider) == "postgres";

// The scale-out runs need a database; without one they stop with a usage line rather than start servers that cannot run.
Task<int> WithPostgres(ParseResult parse, Func<string, Task<int>> run) =>
    BenchPostgres.Resolve(parse.GetValue(postgres)) is { } connection
        ? run(connection)
        : Usage($"--provider postgres needs a database: --postgres CONNECTION, or {BenchPostgres.VariableName} or {BenchPostgres.TestVariableName}");

static Task<int> Usage(string message)
{
    Console.Error.WriteLine(message);
    return Task.FromResult(2);
}
