import Foundation
import ChronicleModel
@testable import ChronicleUI

/// Tests/Fixtures/fidelity-corpus (issue 18) in the browser, with the
/// article of one 190 kB line that the tests add (see its manifest).
enum FidelityFixture {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fidelity-corpus")

    /// One paragraph of numbered sentences, so a row says where it is.
    static let longLine = (1...3_600).map { "Sentence \($0) of the long report says nothing much." }.joined(separator: " ")

    static let corpus: Corpus = {
        var files: [String: [UInt8]] = [:]
        for name in ["manifest.yaml", "events.yaml", "articles/family.txt", "articles/wire.txt", "articles/early.txt"] {
            files[name] = FileManager.default.contents(atPath: root.appendingPathComponent(name).path).map(Array.init) ?? []
        }
        files["articles/long.txt"] = Array(("A long report\n\n" + longLine + "\n").utf8)
        files["manifest.yaml"]! += Array("""
              - id: long
                file: articles/long.txt
                outlet: Long Reads
                title: A long report
                published: 2022-06-20
                body: [3]

            """.utf8)
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(files))
        precondition(!result.hasErrors, "the fidelity corpus must load: \(result.diagnostics)")
        return result.corpus
    }()
    static let data = BrowserData(corpus: corpus)
    static let index = SearchIndex(corpus)

    static func state(_ width: Int = 100, _ height: Int = 30) -> AppState {
        var state = AppState(data: data, size: Size(width: width, height: height), index: index)
        _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
        return state
    }

    /// Types `text` into whatever takes text (the search line).
    static func typeText(_ text: String, _ state: inout AppState) {
        for character in text { _ = Reducer.handle(.character(character), &state) }
    }

    /// The text of the cells of `role` on each row that has any.
    static func cells(_ role: Role, in grid: Grid) -> [String] {
        (0..<grid.height).compactMap { y in
            let text = (0..<grid.width).filter { grid[$0, y].role == role }.map { grid[$0, y].text }.joined()
            return text.isEmpty ? nil : text
        }
    }
}
