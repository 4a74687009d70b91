import ArgumentParser
import ChronicleModel
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a corpus: every quote found once in its article, dates, ids, actors, checksums.",
        discussion: "Prints FILE:LINE:COLUMN: error|warning: … with a fix for each problem. Exit 0 when clean, 2 when there are errors."
    )

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Treat warnings (a changed article whose quotes re-anchored, an unpinned sha256) as errors.")
    var strict = false

    func run() throws {
        let result = CorpusLoader.load(from: corpus.files)
        let err = Terminal.standardError
        for diagnostic in result.diagnostics {
            err.write(SafeText.visible(diagnostic.description, keepNewlines: true) + "\n")
        }
        let loaded = result.corpus
        let citations = loaded.events.reduce(0) { $0 + $1.citations.count }
        let errors = result.diagnostics.errors.count, warnings = result.diagnostics.warnings.count
        let summary = "\(corpus.name): \(count(loaded.sources.count, "source")), \(count(loaded.events.count, "valid event")), "
            + "\(count(citations, "quote")) anchored; \(count(errors, "error")), \(count(warnings, "warning"))"
        if errors > 0 || (strict && warnings > 0) {
            throw CLIError.data(SafeText.visible(summary))
        }
        Terminal.standardOutput.write(SafeText.visible(summary) + "\n")
    }
}
