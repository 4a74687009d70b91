import ArgumentParser
import ChronicleModel
import Foundation

struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a corpus: every quote found once in its article, dates, ids, actors, checksums.",
        discussion: "Prints FILE:LINE:COLUMN: error|warning: … with a fix for each problem on standard error, and on standard output a note for each event whose sources differ or whose date its passages' dates contradict. Exit 0 when clean, 2 when there are errors."
    )

    @OptionGroup var corpus: CorpusOptions

    @Flag(help: "Treat warnings (a changed article whose quotes re-anchored, an unpinned sha256) as errors.")
    var strict = false

    func run() throws {
        let result = corpus.loadResult()
        let err = Terminal.standardError
        for diagnostic in result.diagnostics {
            err.write(SafeText.visible(diagnostic.description, keepNewlines: true) + "\n")
        }
        let loaded = result.corpus
        let citations = loaded.events.reduce(0) { $0 + $1.citations.count }
        let errors = result.diagnostics.errors.count, warnings = result.diagnostics.warnings.count
        let summary = "\(corpus.name): \(Plural.count(loaded.sources.count, "source")), \(Plural.count(loaded.events.count, "valid event")), "
            + "\(Plural.count(citations, "quote")) anchored; \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))"
        if errors > 0 || (strict && warnings > 0) {
            throw CLIError.data(SafeText.visible(summary))
        }
        // Not errors: where the passages of one event differ (recorded
        // claims, amounts found in the text), so an editor sees what a new
        // citation contradicts. Worked out on both cores, in runs of events
        // put back in order: reading every passage's dates is most of it.
        let actorNames = StatementChecks.ActorNames(loaded)
        let size = 256, runs = (loaded.events.count + size - 1) / size
        let parts = ConcurrentResults<String>(count: runs)
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            let events = loaded.events[(run * size)..<min(loaded.events.count, (run + 1) * size)]
            parts.put(run, Self.notes(of: events, in: loaded, actorNames: actorNames))
        }
        let notes = (0..<runs).map { parts.take($0) }.joined()
        Terminal.standardOutput.write(SafeText.visible(notes, keepNewlines: true) + SafeText.visible(summary) + "\n")
    }

    /// The notes of `events`, as lines.
    static func notes(of events: ArraySlice<Event>, in loaded: Corpus, actorNames: StatementChecks.ActorNames) -> String {
        var notes = ""
        for event in events {
            for disagreement in Disagreement.find(in: event, corpus: loaded) {
                let readings = disagreement.readings.map { reading in
                    "\(reading.text) (\(reading.sourceIDs.compactMap { loaded.source($0)?.outlet }.joined(separator: ", ")))"
                }.joined(separator: " vs ")
                notes += "\(event.location): note: event `\(event.id)`: the sources differ on \(disagreement.subject) (\(disagreement.kind.rawValue)): \(readings)\n"
            }
            // What the event says that its passages may not back.
            for note in StatementChecks.notes(for: event, in: loaded, actorNames: actorNames) {
                notes += "\(event.location): note: \(note.message)\n    fix: \(note.hint)\n"
            }
            // Its date against the dates its own passages state: a note, as
            // sources can differ and the event follow one of them.
            for disagreement in DateAgreement.disagreements(for: event, in: loaded) {
                notes += "\(event.location): note: \(disagreement.message)\n    fix: \(disagreement.hint)\n"
            }
        }
        return notes
    }
}
