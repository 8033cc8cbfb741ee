using System.CommandLine;
using WeComHelpBot.Bench;
using WeComHelpBot.Bot;

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

return await root.Parse(args).InvokeAsync();
