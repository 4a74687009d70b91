extension CorpusLoader {
    static let dateFields = ["edtf", "inferred", "basis"]
}

extension CorpusReader {
    func datedValue(_ fields: YAMLFields, key: String, required: Bool) -> DatedValue? {
        guard let node = fields.values[key], !YAMLFields.isNull(node) else {
            if required { _ = fields.string(key, required: true) }
            return nil
        }
        if case .mapping = node {
            guard let sub = YAMLFields(node, in: fields.file, context: "`\(key)` of \(fields.context)", allowed: CorpusLoader.dateFields, log: log),
                  let text = sub.string("edtf", required: true) else { return nil }
            guard let date = parseDate(text, at: sub.location("edtf"), context: fields.context) else { return nil }
            return DatedValue(date: date, inferred: sub.bool("inferred") ?? false, basis: sub.string("basis"))
        }
        guard let text = fields.string(key) else { return nil }
        return parseDate(text, at: fields.location(key), context: fields.context).map { DatedValue(date: $0) }
    }

    func parseDate(_ text: String, at location: SourceLocation, context: String) -> PartialDate? {
        do {
            return try PartialDate(parsing: text)
        } catch {
            log.error(location, "\(context): \(error.text.isEmpty ? "the date is empty" : "the date \"\(error.text)\" is invalid: \(error.problem)")",
                      hint: "write an EDTF date: 2003, 2024-03, 2024-07-04, 2024-21 (spring), 198X (a decade), 1979/1989 (an interval), /2024-10-04 (by that date); docs/corpus-format.md lists every form")
            return nil
        }
    }

    func checkSlug(_ id: String, at location: SourceLocation, what: String) {
        let allowed = id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" || $0 == "_" || $0 == "." }
        if !allowed || id.hasPrefix("-") {
            log.error(location, "the \(what) `\(id)` is not a readable slug",
                      hint: "use lowercase letters, digits and hyphens, such as `supreme-court-delists-taliban`")
        }
    }

    /// "event `x`" when the mapping has an id, so every message names its subject.
    static func context(of node: Node, in file: YAMLFile, kind: String) -> String {
        if case .mapping(let mapping) = node, let id = mapping["id"], case .scalar(let scalar) = id, !scalar.string.isEmpty {
            return "\(kind) `\(scalar.string)`"
        }
        return kind == "event" ? "an event" : "a \(kind)"
    }

    static func abbreviate(_ text: String) -> String {
        // Not Foundation's replacingOccurrences: it can trap on text holding NULs.
        let flat = String(text.map { $0 == "\n" ? " " : $0 })
        return flat.count > 90 ? String(flat.prefix(87)) + "…" : flat
    }
}

extension String {
    /// The same text in an allocation made now (a string of up to 15 bytes
    /// is held inline and has none): one kept from a parse tree stays where
    /// the tree's nodes were, and holds their page after they are freed.
    var copiedAnew: String {
        let count = utf8.count
        guard count > 15 else { return self }
        return String(unsafeUninitializedCapacity: count) { buffer in
            _ = buffer.initialize(from: utf8)
            return count
        }
    }
}
