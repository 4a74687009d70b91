import Dispatch
import Foundation

/// Loading runs on both cores, yet reports exactly what one pass through the
/// files in order would, in that order: each item (a source or an event) is
/// read into an `Outcome` holding what it reported before and after its id
/// was known, and the outcomes are taken in order, where a repeated id is
/// decided.
extension CorpusReader {
    /// One source or event as read on its own: what was reported before its
    /// id was known, the id, then what was reported after and what was read.
    /// Whether the id repeats an earlier one is decided in order.
    struct Outcome<Item> {
        var before: [Diagnostic] = []
        var id: (String, SourceLocation)?
        var after: [Diagnostic] = []
        var item: Item?
    }

    /// Reads `nodes` (sources or events) on both cores, a run of `size` each,
    /// each run into a log of its own; `rest` reads an item once its id is
    /// known. Reading, hashing and anchoring are most of loading.
    func readInRuns<Item>(_ nodes: [Node], of size: Int, in file: YAMLFile, kind: String, allowed: [String],
                          _ rest: @escaping (CorpusReader, YAMLFields, String, String) -> Item) -> [[Outcome<Item>]] {
        let runs = (nodes.count + size - 1) / size
        let outcomes = ConcurrentResults<[Outcome<Item>]>(count: runs)
        let shared = UncheckedBox((self, nodes, file, rest))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var (worker, nodes, file, rest) = shared.value
            worker.log = DiagnosticLog()
            let range = (run * size)..<min(nodes.count, (run + 1) * size)
            outcomes.put(run, nodes[range].map { node in
                worker.readItem(node, in: file, kind: kind, allowed: allowed) { rest(worker, $0, $1, $2) }
            })
            if kind == "source" { worker.progress?.articlesRead(range.count) }
        }
        return (0..<runs).map { outcomes.take($0) }
    }

    func readItem<Item>(_ node: Node, in file: YAMLFile, kind: String, allowed: [String],
                        _ rest: (YAMLFields, String, String) -> Item) -> Outcome<Item> {
        var outcome = Outcome<Item>()
        let context = Self.context(of: node, in: file, kind: kind)
        let (read, before) = setAside { () -> (YAMLFields, String)? in
            guard let fields = YAMLFields(node, in: file, context: context, allowed: allowed, log: log),
                  let id = fields.string("id", required: true) else { return nil }
            checkSlug(id, at: fields.location("id"), what: "\(kind) id")
            return (fields, id)
        }
        outcome.before = before
        guard let (fields, id) = read else { return outcome }
        outcome.id = (id, fields.location("id"))
        (outcome.item, outcome.after) = setAside { rest(fields, id, context) }
        return outcome
    }

    /// Takes outcomes in order, so that messages and the choice between two
    /// items with one id are those of one pass: `isRepeated` reports a repeated
    /// id (the item is then dropped with what it reported), `accept` keeps it.
    func takeInOrder<Item>(_ runs: [[Outcome<Item>]], isRepeated: (String, SourceLocation) -> Bool,
                           accept: (String, SourceLocation, Item) -> Void) {
        for run in runs {
            for outcome in run {
                log.items += outcome.before
                guard let (id, location) = outcome.id, let item = outcome.item else { continue }
                if isRepeated(id, location) { continue }
                log.items += outcome.after
                accept(id, location, item)
            }
        }
    }

    /// Runs `body` and takes what it reports out of the log, to be given
    /// later where one pass would have reported it.
    func setAside<Value>(_ body: () -> Value) -> (Value, [Diagnostic]) {
        let mark = log.items.count
        let value = body()
        let report = Array(log.items[mark...])
        log.items.removeSubrange(mark...)
        return (value, report)
    }
}

/// Hands the loader, the manifest's nodes and its file to the cores that
/// read the articles: each works on its own copy with its own log, and only
/// reads what is shared.
struct UncheckedBox<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
