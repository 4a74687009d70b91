import Foundation
@testable import ChronicleModel

/// Tests/Fixtures/fidelity-corpus in memory (issue 18): articles with a
/// BOM, CRLF, a ZWJ family, invalid UTF-8 and controls on one line; with
/// `long`, also an article of one line of about 190 kB, made here rather
/// than kept in git.
enum FidelityCorpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/fidelity-corpus")

    /// The fixture's files by path, as on disk.
    static let onDisk: [String: [UInt8]] = {
        var files: [String: [UInt8]] = [:]
        let enumerator = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil)
        while let url = enumerator?.nextObject() as? URL {
            guard let data = FileManager.default.contents(atPath: url.path), !url.hasDirectoryPath else { continue }
            let path = url.standardizedFileURL.path.replacingOccurrences(of: root.standardizedFileURL.path + "/", with: "")
            files[path] = Array(data)
        }
        return files
    }()

    /// One paragraph of numbered sentences, each findable on its own.
    static let longArticle: [UInt8] = {
        let sentences = (1...3_600).map { "Sentence \($0) of the long report says nothing much." }
        return Array(("A long report\n\n" + sentences.joined(separator: " ") + "\n").utf8)
    }()

    static let longSource = """
          - id: long
            file: articles/long.txt
            outlet: Long Reads
            title: A long report
            published: 2022-06-20
            body: [3]

        """

    /// The fixture with `manifest` and `events` edited by the caller's functions.
    static func files(long: Bool = false, manifest: (String) -> String = { $0 }, events: (String) -> String = { $0 }) -> InMemoryCorpusFiles {
        var files = onDisk
        var manifestText = String(decoding: files["manifest.yaml"] ?? [], as: UTF8.self)
        if long {
            files["articles/long.txt"] = longArticle
            manifestText += longSource
        }
        files["manifest.yaml"] = Array(manifest(manifestText).utf8)
        files["events.yaml"] = Array(events(String(decoding: files["events.yaml"] ?? [], as: UTF8.self)).utf8)
        return InMemoryCorpusFiles(files, name: "fidelity-corpus")
    }

    static func load(long: Bool = false, manifest: (String) -> String = { $0 }, events: (String) -> String = { $0 }) -> CorpusLoadResult {
        CorpusLoader.load(from: files(long: long, manifest: manifest, events: events))
    }

    static let corpus: Corpus = {
        let result = load(long: true)
        precondition(!result.hasErrors, "the fidelity corpus must load: \(result.diagnostics)")
        return result.corpus
    }()
}
