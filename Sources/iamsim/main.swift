import IAMSimCLI

IAMSimCommand.main()
