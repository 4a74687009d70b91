import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting a corpus and adding articles to it (`chronicle init`, `chronicle add`).
public enum CorpusScaffolding {
    /// Makes an empty corpus at `directory`: a manifest, an events file and
    /// an articles folder. Refuses a directory that holds anything.
    public static func create(at directory: String, title: String?) throws(CorpusEditor.Failure) {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .cannot("\(directory) is a file, not a directory") }
            let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
            if contents.contains(CorpusLoader.manifestName) { throw .cannot("\(directory) already holds a corpus (its manifest.yaml); add articles to it with chronicle add") }
            if !contents.isEmpty { throw .cannot("\(directory) is not empty (it holds \(contents.sorted().prefix(3).joined(separator: ", "))\(contents.count > 3 ? ", …" : "")); name a new or empty directory") }
        } else {
            do { try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true) } catch {
                throw .io("\(directory) could not be made: \(error.localizedDescription)")
            }
        }
        let manifest = """
            # A Chronicle corpus: the articles under articles/ are kept byte for
            # byte as published; everything known about them is here.
            # See docs/corpus-format.md.
            format: 1
            title: \(YAMLWriting.value(title ?? "Untitled chronology", key: "title", column: 0))
            sources: []
            actors: []

            """
        let events = """
            # The events of this corpus, each citing the passages that support it.
            # See docs/corpus-format.md.
            events: []

            """
        do {
            try FileManager.default.createDirectory(atPath: directory + "/articles", withIntermediateDirectories: true)
            try AtomicFile.write(Array(manifest.utf8), to: directory + "/" + CorpusLoader.manifestName, expected: nil)
            try AtomicFile.write(Array(events.utf8), to: directory + "/" + CorpusLoader.defaultEventsFile, expected: nil)
        } catch let error as AtomicFile.Failure {
            throw .io(error.description)
        } catch {
            throw .io("\(directory)/articles could not be made: \(error.localizedDescription)")
        }
    }

    /// What adding one article did.
    public enum Added: Sendable {
        /// The article was already in the corpus, byte for byte.
        case alreadyThere(id: String, file: String)
        case added(id: String, file: String, proposal: ArticleProposal, sha256: String)
    }
}

extension CorpusEditor {
    /// Copies an article into `articles/` byte for byte and lists it in the
    /// manifest, with what the command line gave and what its text proposes.
    public mutating func addArticle(_ raw: [UInt8], named name: String, id given: String?, _ options: ArticleProposal.Given,
                                    current: CorpusLoadResult) throws(Failure) -> CorpusScaffolding.Added {
        let base = URL(fileURLWithPath: name).lastPathComponent
        guard !base.isEmpty, !base.hasPrefix("."), base.unicodeScalars.allSatisfy({ $0.value >= 0x20 && $0 != "/" && $0 != "\\" }) else {
            throw .cannot("\(SafeText.visible(name)) cannot be an article's name in the corpus: rename the file (no leading dot, no control characters)")
        }
        let file = "articles/" + base
        let sha = SHA256.hex(raw)
        // The same bytes already in the corpus: nothing to do.
        if let same = current.corpus.sources.first(where: { $0.sha256 == sha }) { return .alreadyThere(id: same.id, file: same.file) }
        // Where the copy goes: inside the corpus, even when articles/ is a
        // link (one out of the corpus is refused here, before anything).
        let corpus = DirectoryCorpusFiles(path: directory)
        func place(of name: String) throws(Failure) -> String {
            do { return try corpus.placeToWrite(name) } catch { throw .cannot("\(error.path) \(error.problem); nothing was written") }
        }
        var status = stat()
        let folderIsThere = lstat(directory + "/articles", &status) == 0
        if folderIsThere {
            let target = try place(of: file)
            var taken = stat()
            if lstat(target, &taken) == 0 {
                let existing = (try? AtomicFile.read(target)).flatMap { $0 }.map { "sha256 \(SHA256.hex($0).prefix(12))…" } ?? "not a file Chronicle reads"
                throw .cannot("\(file) is already in the corpus with other bytes (\(existing)); rename the new file to add it beside it")
            }
        }
        var proposal = ArticleProposal(raw, given: options)
        guard let outlet = proposal.outlet else { throw .cannot("\(base) does not say its outlet: give it with --outlet") }
        if proposal.published == nil, let url = proposal.url?.value, let date = Self.dateInAddress(url) {
            proposal.published = .init(value: .init(edtf: date, inferred: true), basis: "guessed from the address, which holds \(date)", given: false)
        }
        guard let published = proposal.published else {
            throw .cannot("\(base) prints no date in its first lines: give the date it was published with --published (EDTF, such as 2025-05-02)")
        }
        do { _ = try PartialDate(parsing: published.value.edtf) } catch {
            throw .cannot("the date \"\(published.value.edtf)\" is not EDTF (\(error.problem)): write it as 2025-05-02, 2025-05 or 2025")
        }
        let taken = Set(current.corpus.sources.map(\.id))
        let id: String
        if let given {
            guard !taken.contains(given) else { throw .cannot("the id `\(given)` is taken by \(current.corpus.source(given)?.file ?? "another source"); give another with --id") }
            id = given
        } else {
            id = YAMLWriting.unique(YAMLWriting.slug(outlet.value, limit: 24, fallback: "source") + "-" + published.value.edtf.lowercased()) { taken.contains($0) }
        }
        var manifest: ManifestText
        do {
            manifest = try ManifestText(texts[CorpusLoader.manifestName] ?? [])
            try manifest.append(sourceLines: Self.sourceLines(id: id, file: file, sha256: sha, proposal))
        } catch { throw Self.failure(error) }
        // Checked in memory with the article in place before anything is written.
        var changed = texts
        changed[CorpusLoader.manifestName] = manifest.bytes
        let check = CorpusLoader.load(from: EditedCorpusFiles(directory: corpus, texts: changed.merging([file: raw]) { a, _ in a }),
                                      maxArticleSize: maxArticleSize)
        let previous = Set(current.diagnostics.errors.map(\.message))
        let new = check.diagnostics.errors.filter { !previous.contains($0.message) }
        guard new.isEmpty else { throw .invalid(new.map { "\($0.location): \($0.message)" }) }
        if !folderIsThere {
            do { try FileManager.default.createDirectory(atPath: directory + "/articles", withIntermediateDirectories: true) } catch {
                throw .io("\(directory)/articles could not be made: \(error.localizedDescription)")
            }
        }
        let target = try place(of: file), manifestTarget = try place(of: CorpusLoader.manifestName)
        do { try AtomicFile.write(raw, to: target, expected: nil) } catch { throw .io(error.description) }
        do {
            try AtomicFile.write(manifest.bytes, to: manifestTarget, expected: texts[CorpusLoader.manifestName])
        } catch {
            unlink(target)
            if case .changedOnDisk(let path) = error { throw .changedOnDisk(path) }
            throw .io(error.description)
        }
        texts = changed
        return .added(id: id, file: file, proposal: proposal, sha256: sha)
    }

    /// A day in a web address's path (`/2025/05/02/`).
    static func dateInAddress(_ url: String) -> String? {
        let parts = url.split(separator: "/")
        for k in parts.indices.dropLast(2) {
            if parts[k].count == 4, parts[k + 1].count == 2, parts[k + 2].count == 2,
               let year = Int(parts[k]), let month = Int(parts[k + 1]), let day = Int(parts[k + 2]),
               (1900...2999).contains(year), (1...12).contains(month), (1...31).contains(day) {
                return "\(parts[k])-\(parts[k + 1])-\(parts[k + 2])"
            }
        }
        return nil
    }

    /// The manifest's lines for a new source; what was guessed says so in a comment.
    static func sourceLines(id: String, file: String, sha256: String, _ proposal: ArticleProposal) -> [String] {
        let key = 4
        func line<V>(_ name: String, _ found: ArticleProposal.Found<V>?, _ text: (V) -> String) -> String? {
            guard let found else { return nil }
            let note = found.given ? "" : "  # proposed by chronicle add: \(found.basis.replacingOccurrences(of: "\n", with: " "))"
            return "\(name): " + YAMLWriting.doubleQuoted(text(found.value)) + note
        }
        var lines = ["id: " + YAMLWriting.value(id, key: "id", column: key), "file: " + YAMLWriting.doubleQuoted(file), "sha256: " + sha256]
        lines += [line("outlet", proposal.outlet) { $0 }, line("title", proposal.title) { $0 }, line("byline", proposal.byline) { $0 },
                  line("agency", proposal.agency) { $0 }, line("url", proposal.url) { $0 }].compactMap { $0 }
        if let published = proposal.published {
            lines.append("published:")
            lines.append("  edtf: " + YAMLWriting.doubleQuoted(published.value.edtf))
            if published.value.inferred { lines.append("  inferred: true") }
            if !published.given { lines.append("  basis: " + YAMLWriting.doubleQuoted("\(published.basis.prefix(1).uppercased())\(published.basis.dropFirst()) (proposed by chronicle add).")) }
        }
        if let body = proposal.body { lines.append("body: [\(body.lowerBound)-\(body.upperBound)]") }
        if !proposal.furniture.isEmpty {
            lines.append("furniture:")
            for piece in proposal.furniture {
                lines.append("  - lines: \(piece.lines.lowerBound)-\(piece.lines.upperBound)")
                lines.append("    label: " + YAMLWriting.doubleQuoted("Page furniture " + piece.label + " (proposed by chronicle add)"))
            }
        }
        return lines
    }
}
