import ArgumentParser
import ChronicleModel
import ChronicleUI
import Foundation

struct ConfigCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "config",
        abstract: "Show where the browser's settings are, check them, or print the defaults.",
        discussion: """
            The settings are in $XDG_CONFIG_HOME/chronicle/config.yaml (by default \
            ~/.config/chronicle/config.yaml): theme, mouse, colours and keys, each optional. \
            Without an option, prints the file's path and checks it. docs/configuration.md describes every setting.
            """
    )

    @Flag(help: "Print a complete configuration file: every setting at its default, with what it means.")
    var defaults = false

    @Flag(help: "Print only the configuration file's path.")
    var path = false

    @Option(name: .long, help: ArgumentHelp("Check this file instead of the usual one.", valueName: "file"), completion: .file())
    var check: String?

    func run() throws {
        let out = Terminal.standardOutput
        if defaults {
            out.write(DefaultConfiguration.text)
            return
        }
        guard let file = check ?? UserDirectories().configFile else {
            throw CLIError.data("neither HOME nor XDG_CONFIG_HOME is set, so there is no configuration file")
        }
        if path {
            out.write(file + "\n")
            return
        }
        guard FileManager.default.fileExists(atPath: file) else {
            if check != nil { throw CLIError.data("\(file): no such file") }
            out.write("\(file): no file, so every setting is at its default (chronicle config --defaults > \(file) writes them all)\n")
            return
        }
        let configuration = Configuration.read(path: file)
        guard configuration.problems.isEmpty else {
            for problem in configuration.problems { Terminal.standardError.write(problem.description + "\n") }
            throw CLIError.data("\(file): \(Plural.count(configuration.problems.count, "problem")); Chronicle starts with the defaults for those settings")
        }
        out.write("\(file): no problems\n")
    }
}
