import ChronicleDefaultCorpus
import ChronicleModel
@testable import ChronicleUI

enum Fixtures {
    static let corpus: Corpus = {
        let result = CorpusLoader.load(from: InMemoryCorpusFiles(DefaultCorpus.files))
        precondition(!result.hasErrors, "the default corpus must load: \(result.diagnostics)")
        return result.corpus
    }()
    static let data = BrowserData(corpus: corpus)
    static let index = SearchIndex(corpus)

    /// The browser on the built-in corpus with its index, as after `indexReady`.
    static func state(_ width: Int = 100, _ height: Int = 30) -> AppState {
        var state = AppState(data: data, size: Size(width: width, height: height), index: index)
        _ = Reducer.reduce(&state, .resize(Size(width: width, height: height)))
        return state
    }

    /// The events a search for Kabulov finds: his, and those whose cited
    /// passages quote him.
    static var kabulovEvents: [Int] {
        corpus.events.indices.filter { index in
            let event = corpus.events[index]
            return event.actors.contains("kabulov") || event.citations.contains { citation in
                corpus.source(citation.sourceID)?.displayText(citation.passage.range).contains("Kabulov") ?? false
            }
        }
    }

    /// The index of the spine event with this EDTF date.
    static func spine(_ edtf: String) -> Int {
        corpus.events.firstIndex { $0.spine && $0.date.date.edtf == edtf }!
    }

    /// Applies a key script such as "j j Enter S-Tab".
    @discardableResult
    static func type(_ script: String, _ state: inout AppState) -> [Effect] {
        var effects: [Effect] = []
        for word in script.split(separator: " ") {
            guard let key = Key(scriptWord: String(word)) else { fatalError("unknown key \(word)") }
            effects += Reducer.handle(key, &state)
        }
        return effects
    }

    /// Moves the selection to event `index` with j presses, as a person would.
    static func select(_ index: Int, _ state: inout AppState) {
        type("g", &state)
        for _ in 0..<index { type("j", &state) }
    }
}
