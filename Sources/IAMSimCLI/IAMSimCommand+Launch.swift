import ArgumentParser

// MARK: - Entry point

extension IAMSimCommand {
    /// Parses `arguments` and runs the command they name, as ArgumentParser's `main()` does,
    /// without the most expensive step of its parse on the common path.
    ///
    /// ArgumentParser checks every command line for `--generate-completion-script` by parsing
    /// it twice more, as two extra commands; that costs about a fifth of a lesson command's
    /// start-up (docs/performance.md). It skips the check under a root whose configuration
    /// names a super-command, so the command line is first parsed under `FastParseRoot`, the
    /// same tree with such a name. Only a command line that parses cleanly into one of
    /// iamsim's own commands runs from there. Everything else (`--help`, `help`, `--version`,
    /// completion scripts, every usage error) is parsed again under `IAMSimCommand`, so what
    /// a user sees is ArgumentParser's own output, unchanged.
    public static func launch(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) {
        if var command = fastParse(arguments) {
            do {
                try command.run()
            } catch {
                exit(withError: error)
            }
            return
        }
        main(arguments)
    }

    /// The command `arguments` name under `FastParseRoot`, or nil when they must go through
    /// the full parse.
    static func fastParse(_ arguments: [String]) -> (any ParsableCommand)? {
        // `--generate-completion-script` is an unknown option under this root: it fails here
        // and goes to the full parse like any other error.
        guard let command = try? FastParseRoot.parseAsRoot(arguments) else { return nil }
        // The root itself (no subcommand) and ArgumentParser's `help` print usage text, which
        // would name the super-command: they go through the full parse. Comparing metatypes
        // and names costs nothing, unlike a cast, which scans every protocol conformance.
        let parsed = type(of: command)
        guard parsed != FastParseRoot.self, parsed._commandName != "help" else { return nil }
        return command
    }
}

// MARK: - The parse-only root

/// `IAMSimCommand`'s subcommand tree under a configuration that names a super-command, which
/// makes ArgumentParser skip its completion-script check. Never shown to a user: its parses
/// either yield one of iamsim's commands or are thrown away.
struct FastParseRoot: ParsableCommand {
    static let configuration: CommandConfiguration = {
        var configuration = IAMSimCommand.configuration
        configuration._superCommandName = "iamsim"
        return configuration
    }()
}
