import ArgumentParser
import ChronicleModel
import Foundation

struct InitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Start a corpus of your own: a manifest, an events file and an articles folder.",
        discussion: "The directory must be new or empty. Then add articles with `chronicle add FILE --corpus DIR` and build the chronology in the browser (`chronicle --corpus DIR`)."
    )

    @Argument(help: ArgumentHelp("The directory to make the corpus in.", valueName: "dir"), completion: .directory)
    var directory: String

    @Option(help: "The corpus's title, shown in the title bar.")
    var title: String?

    func run() throws {
        do { try CorpusScaffolding.create(at: directory, title: title) } catch { throw CLIError.data(SafeText.visible(error.description)) }
        Terminal.standardOutput.write(SafeText.visible("made an empty corpus in \(directory): add articles with chronicle add FILE --corpus \(directory)") + "\n")
    }
}

struct AddCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "add",
        abstract: "Copy articles into a corpus, byte for byte, and list them in its manifest.",
        discussion: """
            What is not given is proposed from the article's own text (its headline, the date it prints, \
            a byline, the outlet its page names, the page furniture after it) and marked in the manifest \
            as proposed: check it, and correct it there or with the options. The same file twice is a \
            no-op; a different file under a name or id already taken is refused.
            """
    )

    @Argument(help: ArgumentHelp("Article files: plain text or Markdown.", valueName: "file"), completion: .file())
    var files: [String]

    @Option(name: .long, help: ArgumentHelp("The corpus directory.", valueName: "dir"), completion: .directory)
    var corpus: String = "."

    @Option(help: "The source's id (one file only). Default: the outlet and the date, such as tmt-2025-05-02.")
    var id: String?

    @Option(help: "The outlet that published it.")
    var outlet: String?

    @Option(help: ArgumentHelp("The date it was published, in EDTF (2025-05-02).", valueName: "date"))
    var published: String?

    @Option(help: "Its headline.")
    var title: String?

    @Option(help: "Its web address.")
    var url: String?

    @Option(name: .long, help: ArgumentHelp(
        "The largest file to read, of the corpus or added to it, in bytes or with K, M, G (powers of 1024).",
        valueName: "size"))
    var maxArticleSize = FileSizeLimit(bytes: CorpusLoader.defaultMaxArticleSize)

    func validate() throws {
        if id != nil && files.count > 1 { throw ValidationError("--id names one source: add the files one at a time") }
    }

    func run() throws {
        var editor: CorpusEditor
        do { editor = try CorpusEditor(directory: corpus, maxArticleSize: maxArticleSize.bytes) } catch {
            throw CLIError.data(SafeText.visible(error.description))
        }
        var current = editor.load()
        let out = Terminal.standardOutput
        var failures = 0
        for path in files {
            // Only a regular file, and none over the limit: a pipe would wait for a writer.
            let raw: [UInt8]
            do throws(AtomicFile.Failure) {
                guard let bytes = try AtomicFile.read(path, maxSize: maxArticleSize.bytes) else { throw .io(path: path, problem: "no such file") }
                raw = bytes
            } catch {
                var why = error.description
                if case .io(_, let problem) = error { why = problem }
                Terminal.standardError.write(SafeText.visible("chronicle: \(path): cannot be read (\(why))") + "\n")
                failures += 1
                continue
            }
            do {
                let given = ArticleProposal.Given(title: title, published: published, outlet: outlet, url: url)
                switch try editor.addArticle(raw, named: path, id: id, given, current: current) {
                case .alreadyThere(let id, let file):
                    out.write(SafeText.visible("\(path): already in the corpus as \(id) (\(file)); nothing to do") + "\n")
                case .added(let id, let file, let proposal, let sha256):
                    out.write(SafeText.visible(Self.report(id: id, file: file, sha256: sha256, proposal), keepNewlines: true))
                }
                current = editor.load()
            } catch {
                Terminal.standardError.write(SafeText.visible("chronicle: \(path): \(error.description)") + "\n")
                failures += 1
            }
        }
        if failures > 0 { throw CLIError.data("\(Plural.count(failures, "file")) not added") }
    }

    /// What was decided, for the user to check.
    static func report(id: String, file: String, sha256: String, _ proposal: ArticleProposal) -> String {
        func line<V>(_ name: String, _ found: ArticleProposal.Found<V>?, _ text: (V) -> String) -> String {
            guard let found else { return "  \(name): none found\n" }
            return "  \(name): \(text(found.value))" + (found.given ? "\n" : "  (\(found.basis))\n")
        }
        var text = "added \(id): \(file), sha256 \(sha256.prefix(16))…\n"
        text += line("title", proposal.title) { $0 }
        text += line("published", proposal.published) { $0.edtf + ($0.inferred ? " (inferred)" : "") }
        text += line("outlet", proposal.outlet) { $0 }
        if proposal.byline != nil { text += line("byline", proposal.byline) { $0 } }
        if proposal.agency != nil { text += line("agency", proposal.agency) { $0 } }
        if proposal.url != nil { text += line("url", proposal.url) { $0 } }
        if let body = proposal.body { text += "  body: lines \(body.lowerBound)-\(body.upperBound)\n" }
        for piece in proposal.furniture { text += "  furniture: lines \(piece.lines.lowerBound)-\(piece.lines.upperBound), \(piece.label)\n" }
        text += "  check these in manifest.yaml (lines marked \"proposed by chronicle add\")\n"
        return text
    }
}
