import ChronicleModel
@testable import ChronicleUI
import XCTest

/// The first screen drawn from a preview must be the whole corpus's first
/// screen, but for the status line that says the rest is being checked.
final class PreviewTests: XCTestCase {
    static let article = "Line one of the article.\nThe minister said the talks went well.\nA third line, about trade.\n"

    /// `sources` sources, `events` events in a scrambled order of years; the
    /// widest date (an inferred interval) belongs to the last event only.
    func corpus(sources: Int, events: Int) -> InMemoryCorpusFiles {
        let text = Array(Self.article.utf8)
        var manifest = "format: 1\ntitle: Preview\nsources:\n"
        var files: [String: [UInt8]] = [:]
        for n in 0..<sources {
            manifest += "  - id: s\(n)\n    file: a\(n).txt\n    outlet: Outlet \(n)\n    published: \"2024\"\n    sha256: \(SHA256.hex(text))\n"
            files["a\(n).txt"] = text
        }
        var yaml = "events:\n"
        let quotes = ["Line one of the article.", "the talks went well", "about trade"]
        for n in 0..<events {
            let date = n == events - 1 ? "{edtf: \"2090/2110\", inferred: true}" : "\"\(1900 + (n * 37) % 120)-0\(1 + n % 9)\""
            yaml += "  - id: e\(n)\n    date: \(date)\n    title: Event number \(n)\n    citations:\n"
            yaml += "      - source: s\(n % sources)\n        quote: \(quotes[n % 3])\n"
        }
        files["manifest.yaml"] = Array(manifest.utf8)
        files["events.yaml"] = Array(yaml.utf8)
        return InMemoryCorpusFiles(files, name: "preview")
    }

    func testThePreviewDrawsTheFirstScreenOfTheWholeCorpus() throws {
        var preview: CorpusPreview?
        let result = CorpusLoader.load(from: corpus(sources: 12, events: 300), previewing: 60) { preview = $0 }
        XCTAssertEqual(result.diagnostics.errors, [])
        let early = try XCTUnwrap(BrowserData(preview: try XCTUnwrap(preview)))
        let whole = BrowserData(corpus: result.corpus)
        XCTAssertTrue(early.isPreview)
        XCTAssertEqual(early.eventCount, 300)
        XCTAssertEqual(early.listDateWidth, whole.listDateWidth, "the date column is as wide as the widest date of all")
        XCTAssertGreaterThan(whole.listDateWidth, BrowserData.listDate(result.corpus.events[0]).count)
        for size in [Size(width: 120, height: 40), Size(width: 80, height: 24), Size(width: 40, height: 50)] {
            var earlyState = AppState(data: early, size: size), wholeState = AppState(data: whole, size: size)
            _ = Reducer.reduce(&earlyState, .resize(size))
            _ = Reducer.reduce(&wholeState, .resize(size))
            let earlyLines = Renderer.render(earlyState).lines, wholeLines = Renderer.render(wholeState).lines
            XCTAssertEqual(earlyLines.dropLast(), wholeLines.dropLast(), "at \(size)")
            XCTAssertTrue(earlyLines.last!.contains(size.width > 60 ? "checking every quote of 300 events" : "checking every"), earlyLines.last!)
            XCTAssertFalse(wholeLines.last!.contains("checking"), wholeLines.last!)
            XCTAssertTrue(earlyLines.last!.hasSuffix("1/300 ") && wholeLines.last!.hasSuffix("1/300 "), earlyLines.last! + "\n" + wholeLines.last!)
            // Too many sources for outlet columns: each row counts its own, in full.
            // (the first event's row; the count ends a column short of the divider)
            if size.width >= 80 { XCTAssertTrue(wholeLines[2].contains(" 1 src │"), wholeLines[2]) }
        }
    }

    /// From a valid cache: the same first screen, the status line saying
    /// the rest is read from the cache (nothing is checked again).
    func testAPreviewFromTheCacheDrawsTheSameFirstScreen() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("chronicle-ui-preview-\(UUID().uuidString)")
        addTeardownBlock { try? FileManager.default.removeItem(at: directory) }
        let store = CacheStore(directory: directory.path)
        let files = corpus(sources: 12, events: 300)
        var contents: [String: [UInt8]] = [:]
        for name in ["manifest.yaml", "events.yaml"] + (0..<12).map({ "a\($0).txt" }) { contents[name] = try files.read(name, maxSize: 1 << 20) }
        let origin = CorpusOrigin.files(contents, name: "preview")
        _ = CorpusCache.load(origin, store: store)
        var preview: CorpusPreview?
        let loaded = CorpusCache.load(origin, store: store, previewing: 60, { preview = $0 })
        guard case .hit = loaded.outcome else { return XCTFail("\(loaded.outcome)") }
        let early = try XCTUnwrap(BrowserData(preview: try XCTUnwrap(preview)))
        let whole = BrowserData(corpus: loaded.result.corpus)
        XCTAssertTrue(early.previewFromCache)
        XCTAssertEqual(early.listDateWidth, whole.listDateWidth)
        let size = Size(width: 120, height: 40)
        var earlyState = AppState(data: early, size: size), wholeState = AppState(data: whole, size: size)
        _ = Reducer.reduce(&earlyState, .resize(size))
        _ = Reducer.reduce(&wholeState, .resize(size))
        let earlyLines = Renderer.render(earlyState).lines, wholeLines = Renderer.render(wholeState).lines
        XCTAssertEqual(earlyLines.dropLast(), wholeLines.dropLast())
        XCTAssertTrue(earlyLines.last!.contains("reading 300 events from the cache…"), earlyLines.last!)
        XCTAssertFalse(earlyLines.last!.contains("checking"), earlyLines.last!)
    }

    func testNoPreviewWhenOutletColumnsNeedEverySource() throws {
        var preview: CorpusPreview?
        let result = CorpusLoader.load(from: corpus(sources: BrowserData.maxOutletColumns, events: 100), previewing: 20) { preview = $0 }
        XCTAssertEqual(result.diagnostics.errors, [])
        XCTAssertNil(BrowserData(preview: try XCTUnwrap(preview)))
    }
}
