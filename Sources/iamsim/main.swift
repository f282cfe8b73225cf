import IAMSimCLI

IAMSimCommand.launch()
