import IAMSimServer

await ServerMain.run(Array(CommandLine.arguments.dropFirst()))
