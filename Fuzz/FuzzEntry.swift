// libFuzzer entry for the parts of ChronicleModel that read untrusted input:
// the corpus loader (manifest and events YAML, article bytes), quote
// anchoring, the EDTF date parser, search queries and the control-character
// filter. Built by scripts/fuzz.sh, not by SwiftPM (see docs/robustness.md).
import Foundation

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    // The first byte picks a target so one corpus of inputs covers them all.
    guard let selector = bytes.first else { return 0 }
    let input = Array(bytes.dropFirst())
    let text = String(decoding: input, as: UTF8.self)
    switch selector % 5 {
    case 0:
        _ = try? PartialDate(parsing: text)
    case 1:
        // An article and a quote, split at the first NUL.
        let split = input.firstIndex(of: 0) ?? input.count
        let article = Array(input[..<split])
        let quote = String(decoding: input[min(split + 1, input.count)...], as: UTF8.self)
        let source = Source(id: "s", file: "s.txt", outlet: "S", title: nil, published: DatedValue(date: try! PartialDate(parsing: "2024")),
                            raw: article, body: nil, furniture: [])
        _ = QuoteAnchor.resolve(exact: quote, prefix: nil, suffix: nil, in: source)
        _ = SafeText.visible(String(decoding: article, as: UTF8.self))
        _ = SearchTokenizer.tokens(utf8: article)
    case 2:
        // A manifest whose text is the input, over one fixed article.
        let files = InMemoryCorpusFiles(["manifest.yaml": input, "a.txt": Array("Title\nThe quote is here.\n".utf8),
                                         "events.yaml": Array("events: []\n".utf8)])
        _ = CorpusLoader.load(from: files)
    case 3:
        // Events whose text is the input, over a fixed manifest and article.
        let manifest = "format: 1\nsources:\n  - id: a\n    file: a.txt\n    outlet: A\n    published: 2024\n    body: [2]\nactors:\n  - id: x\n    name: X\n"
        let files = InMemoryCorpusFiles(["manifest.yaml": Array(manifest.utf8), "a.txt": Array("Title\nThe quote is here.\n".utf8),
                                         "events.yaml": input])
        let result = CorpusLoader.load(from: files)
        if !result.hasErrors { _ = SearchIndex(result.corpus).search(SearchQuery("quote")) }
    default:
        // A query against a small fixed corpus.
        _ = fuzzIndex.search(SearchQuery(text))
    }
    return 0
}

let fuzzIndex: SearchIndex = {
    let manifest = "format: 1\nsources:\n  - id: a\n    file: a.txt\n    outlet: A\n    published: 2024\n    body: [1-3]\n"
    let files = InMemoryCorpusFiles(["manifest.yaml": Array(manifest.utf8),
                                     "a.txt": Array("Türkiye’s “quote” – ISIS-K\nDaesh paylaşın\nThe end.\n".utf8),
                                     "events.yaml": Array("events:\n  - id: e\n    date: 2024\n    title: T\n    citations:\n      - source: a\n        quote: The end.\n".utf8)])
    return SearchIndex(CorpusLoader.load(from: files).corpus)
}()
