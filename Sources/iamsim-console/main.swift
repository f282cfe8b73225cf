import IAMSimConsole

await ConsoleMain.run(Array(CommandLine.arguments.dropFirst()))
