import Dispatch

extension CorpusReader {
    /// Anchors the quotes of checked events on both cores, a run of 256
    /// each; what anchoring reports follows what checking did.
    func anchorInRuns(_ checked: [Outcome<PendingEvent>]) -> [[Outcome<Event?>]] {
        let size = 256
        let runs = (checked.count + size - 1) / size
        let outcomes = ConcurrentResults<[Outcome<Event?>]>(count: runs)
        let shared = UncheckedBox((self, checked))
        DispatchQueue.concurrentPerform(iterations: runs) { run in
            var (worker, checked) = shared.value
            worker.log = DiagnosticLog()
            let range = (run * size)..<min(checked.count, (run + 1) * size)
            defer { worker.progress?.quotesAnchored(range.count) }
            outcomes.put(run, checked[range].map { outcome in
                var anchored = Outcome<Event?>(before: outcome.before, id: outcome.id, after: outcome.after)
                if let pending = outcome.item {
                    let (event, report) = worker.setAside { worker.anchor(pending) }
                    anchored.item = event
                    anchored.after += report
                }
                return anchored
            })
        }
        return (0..<runs).map { outcomes.take($0) }
    }

    /// The event with its quotes anchored, or nil when it does not stand;
    /// gives what checking set aside, in the order of one pass.
    func anchor(_ pending: PendingEvent) -> Event? {
        let citations = pending.citations.compactMap { anchorCitation($0, eventContext: pending.context) }
        guard let title = pending.title, let date = pending.date, citations.count == pending.citations.count, !citations.isEmpty else { return nil }
        log.items += pending.tailReport
        return Event(id: pending.id, date: date, title: title, summary: pending.summary, actors: pending.actors,
                     tags: pending.tags, spine: pending.spine, citations: citations, location: pending.location)
    }

    func anchorCitation(_ pending: PendingCitation, eventContext: String) -> Citation? {
        log.items += pending.head
        guard let sourceID = pending.sourceID else { return nil }
        guard let source = sourcePositions[sourceID].map({ sources[$0] }) else {
            // Its file could not be read: that error is already reported.
            if unloadedSources.contains(sourceID) { return nil }
            let known = sources.map(\.id)
            let guess = YAMLFields.closest(to: sourceID, in: known).map { "did you mean `\($0)`? " } ?? ""
            log.error(pending.sourceLocation, "\(eventContext) cites an unknown source `\(sourceID)`",
                      hint: "\(guess)the sources in manifest.yaml are: \(known.joined(separator: ", "))")
            return nil
        }
        guard pending.hasQuote else {
            log.error(pending.sourceLocation, "a citation of \(eventContext) has no `quote`",
                      hint: "add `quote:` with the exact words from \(source.file)")
            return nil
        }
        log.items += pending.quoteReport
        guard let exact = pending.exact else { return nil }
        let location = pending.location
        // Only messages show it: not built for the 100,000 quotes that resolve.
        var shown: String { Self.abbreviate(exact) }
        var where_: String { "source `\(sourceID)` (\(source.file))" }
        let changed = sourceManifestLocations[sourceID]?.changed ?? false
        let prefix = pending.prefix, suffix = pending.suffix
        switch QuoteAnchor.resolve(exact: exact, prefix: prefix, suffix: suffix, in: source) {
        case .empty:
            log.error(location, "\(eventContext) has an empty quote", hint: "quote the words of \(source.file) that support the event")
            return nil
        case .notFound(let elsewhere, let nearMiss):
            var hint = "copy the words exactly from the article body; markup such as <u> is left out of quotes"
            if let line = elsewhere.first {
                let part = source.furniture(atLine: line).map { "in page furniture (\($0.label ?? "lines \($0.lines)"))" } ?? "outside the article body"
                hint = "it occurs on line \(line), \(part): quote the article text instead, or correct `body`/`furniture` in manifest.yaml"
            } else if let line = nearMiss {
                hint = "line \(line) has these words with other capitals, quote marks, dashes or spaces: copy them exactly"
            }
            if prefix != nil || suffix != nil, elsewhere.isEmpty, nearMiss == nil,
               case .resolved = QuoteAnchor.resolve(exact: exact, in: source) {
                hint = "the quote is there, but not with this prefix/suffix: they must be the text right before/after it"
            }
            log.error(location, "\(eventContext): quote not found in \(where_)\(changed ? ", which has changed since it was pinned" : ""): \"\(shown)\"", hint: hint)
            return nil
        case .ambiguous(let lines):
            log.error(location, "\(eventContext): quote found \(lines.count) times in \(where_), on lines \(lines.map(String.init).joined(separator: ", ")): \"\(shown)\"",
                      hint: "add `prefix:` (the words just before) or `suffix:` (just after) to pick one, or quote more words")
            return nil
        case .resolved(let range, let line, let endLine):
            if changed {
                log.warning(location, "\(eventContext): re-anchored in the changed \(source.file): the quote is still found, now at line \(line) (bytes \(range.lowerBound)–\(range.upperBound))")
            }
            log.items += pending.claimsReport
            let passage = Passage(sourceID: sourceID, exact: exact, prefix: prefix, suffix: suffix, range: range, line: line, endLine: endLine)
            // A claim its passage does not state is reported and left out,
            // so nothing shows it as the source's.
            var claims: [Citation.Claim] = []
            for (index, claim) in pending.claims.enumerated() {
                guard let problem = ClaimCheck.problem(claim, in: range, of: source) else { claims.append(claim); continue }
                let at = index < pending.claimLocations.count ? pending.claimLocations[index] : location
                log.error(at, "\(eventContext): the claim `\(claim.name): \(claim.value)` is not stated in its passage (\(source.file), line \(line)): \(problem.what)",
                          hint: problem.fix)
            }
            return Citation(passage: passage, location: location, claims: claims)
        }
    }
}
