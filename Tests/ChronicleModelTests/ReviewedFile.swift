import ChronicleDefaultCorpus
import Foundation
import XCTest
@testable import ChronicleModel

/// The files tests compare output with, and the corpora they export.
enum ExportFixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures")
    static let expected = root.appendingPathComponent("export")

    static let seeds: Corpus = load(InMemoryCorpusFiles(DefaultCorpus.files))
    /// Terminal control sequences (CSI, OSC 52, C1, bidi, zero-width).
    static let hostileControls: Corpus = load(DirectoryCorpusFiles(root: root.appendingPathComponent("hostile-corpus")))
    /// Markup and script: <script>, javascript: addresses, attribute-breaking
    /// quotes, bidi overrides, Markdown and spreadsheet formulas.
    static let hostileMarkup: Corpus = load(DirectoryCorpusFiles(root: root.appendingPathComponent("hostile-markup-corpus")))

    static func load(_ files: CorpusFiles) -> Corpus {
        let result = CorpusLoader.load(from: files)
        XCTAssertFalse(result.hasErrors, "\(result.diagnostics)")
        return result.corpus
    }
}

/// Compares `actual` with a reviewed file in Tests/Fixtures/export, as the
/// UI's snapshots do: a missing file is recorded (and the test fails, so a
/// person reads it) unless SNAPSHOT_TESTING_RECORD=never, as in CI, where
/// it only fails; SNAPSHOT_TESTING_RECORD=all rewrites every file, for when
/// the seeds change (then read the diff before committing it).
func assertMatchesReviewedFile(_ actual: String, named name: String, file: StaticString = #filePath, line: UInt = #line) {
    let url = ExportFixtures.expected.appendingPathComponent(name)
    let mode = ProcessInfo.processInfo.environment["SNAPSHOT_TESTING_RECORD"] ?? "missing"
    guard mode != "all", let expected = try? String(contentsOf: url, encoding: .utf8) else {
        if mode == "never" {
            XCTFail("missing reviewed file \(name) (recording is off: SNAPSHOT_TESTING_RECORD=never)", file: file, line: line)
            return
        }
        try? FileManager.default.createDirectory(at: ExportFixtures.expected, withIntermediateDirectories: true)
        try? Data(actual.utf8).write(to: url)
        if mode != "all" { XCTFail("recorded \(name); review it and run again", file: file, line: line) }
        return
    }
    guard expected != actual else { return }
    let want = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let got = actual.split(separator: "\n", omittingEmptySubsequences: false)
    let differing = (0..<max(want.count, got.count)).filter { index in
        (index < want.count ? want[index] : nil) != (index < got.count ? got[index] : nil)
    }
    let shown = differing.prefix(5).map { index in
        "line \(index + 1):\n  - \(index < want.count ? String(want[index]) : "<none>")\n  + \(index < got.count ? String(got[index]) : "<none>")"
    }
    XCTFail("\(name) differs on \(differing.count) lines (SNAPSHOT_TESTING_RECORD=all rewrites it):\n" + shown.joined(separator: "\n"),
            file: file, line: line)
}
