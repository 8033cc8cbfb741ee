using WeComHelpBot.Cli;

return await CliApp.RunAsync(args);
