import ChronicleModel

extension ScreenKind {
    public static let eventForm = ScreenKind("event form")
}

/// The event form: a new event from a selected passage, or an event's
/// fields changed. The date is checked as it is typed.
public struct EventForm: Sendable, Hashable {
    public enum Purpose: Sendable, Hashable {
        /// A new event citing this passage (quoted from `from`: "TRT Global, line 11").
        case create(CitationDraft, from: String)
        case change(eventID: String)
    }

    public enum Field: Int, CaseIterable, Sendable, Hashable {
        case date, inferred, basis, title, summary, actors, tags, spine

        var label: String {
            switch self {
            case .date: return "Date"
            case .inferred: return "Inferred"
            case .basis: return "Dated by"
            case .title: return "Title"
            case .summary: return "Summary"
            case .actors: return "Actors"
            case .tags: return "Tags"
            case .spine: return "Principal"
            }
        }

        var isToggle: Bool { self == .inferred || self == .spine }
    }

    public var purpose: Purpose
    public var texts: [Field: String]
    public var inferred: Bool
    public var spine: Bool
    public var focus: Field
    /// Why the last save was refused, or that it is being saved.
    public var message: String?
    let initial: [Field: String]

    init(purpose: Purpose, draft: EventDraft, actorNames: String, focus: Field) {
        self.purpose = purpose
        texts = [.date: draft.date, .basis: draft.dateBasis ?? "", .title: draft.title, .summary: draft.summary ?? "",
                 .actors: actorNames, .tags: draft.tags.joined(separator: ", ")]
        inferred = draft.dateInferred
        spine = draft.spine
        self.focus = focus
        initial = texts
    }

    var isChanged: Bool { texts != initial }

    /// What the date field says of what is typed: its reading, or why it is not a date.
    var dateCheck: (ok: Bool, text: String) {
        let typed = (texts[.date] ?? "").trimmingCharacters(in: .whitespaces)
        guard !typed.isEmpty else { return (false, "type an EDTF date: 2025, 2025-04, 2025-04-17") }
        do { return (true, "✓ " + (try PartialDate(parsing: typed)).displayText) } catch { return (false, error.problem) }
    }
}

extension AppState {
    /// The event form, when it is open; setting it opens it, nil closes it.
    public var eventForm: EventForm? {
        get { state(of: .eventForm) }
        set { setState(of: .eventForm, newValue) }
    }
}

enum EventFormScreen {
    static let screen = Screen(
        kind: .eventForm, title: "Event", helpTitle: "Keys: event form", isOverlay: true,
        bindings: Keymap.lineEditing + [
            Binding(keys: [.control("w")], action: .deleteWord),
            Binding(keys: [.tab, .down], action: .nextField),
            Binding(keys: [.backTab, .up], action: .previousField),
            Binding(keys: [.right], action: .completeName, help: "Complete the actor's name as suggested"),
            Binding(keys: [.enter, .control("s")], action: .accept, help: "Save the event"),
            Binding(keys: [.escape], action: .cancel, help: "Close the form (asks first when something was typed)"),
        ],
        takesText: "Type into the field (Space switches yes and no)",
        reduce: reduce, draw: draw)

    // MARK: Opening

    /// A form for a new event citing `citation`, its date offered from the
    /// passage (or, for a draft, the date its expression states).
    static func openNew(_ citation: CitationDraft, selection: Range<Int>, in source: Source, offer: DateOffer? = nil, _ state: inout AppState) {
        let offer = offer ?? DateOffer(for: selection, in: source)
        let draft = EventDraft(date: offer.edtf, dateInferred: offer.inferred, dateBasis: offer.basis, title: "")
        let from = "\(source.outlet), line \(source.lines.line(containing: selection.lowerBound))"
        state.eventForm = EventForm(purpose: .create(citation, from: from), draft: draft, actorNames: "", focus: .title)
    }

    /// `e` on the timeline: the selected event's fields.
    static func openChange(_ state: inout AppState) -> [Effect] {
        if let refused = Reducer.refusedAsReadOnly(&state) { return refused }
        guard let event = state.shownEvent else { return [.bell] }
        let names = event.actors.compactMap { state.corpus.actor($0)?.name }.joined(separator: ", ")
        state.eventForm = EventForm(purpose: .change(eventID: event.id), draft: EventDraft(event), actorNames: names, focus: .title)
        return []
    }

    // MARK: Keys

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var form = state.eventForm else { return [] }
        let field = form.focus
        switch action {
        case .insert(let c):
            if field == .inferred { form.inferred = c == " " ? !form.inferred : (c == "y" ? true : (c == "n" ? false : form.inferred)) }
            else if field == .spine { form.spine = c == " " ? !form.spine : (c == "y" ? true : (c == "n" ? false : form.spine)) }
            else { form.texts[field, default: ""].append(c) }
            form.message = nil
        case .deleteCharacter:
            guard !field.isToggle, !(form.texts[field] ?? "").isEmpty else { return [.bell] }
            form.texts[field]?.removeLast()
        case .deleteWord:
            var text = form.texts[field] ?? ""
            while text.last == " " { text.removeLast() }
            while let last = text.last, last != " " { text.removeLast() }
            form.texts[field] = text
        case .clearLine:
            form.texts[field] = ""
        case .nextField, .previousField:
            let all = EventForm.Field.allCases
            let step = action == .nextField ? 1 : all.count - 1
            form.focus = all[(field.rawValue + step) % all.count]
        case .completeName:
            guard field == .actors, let name = ActorNames.suggestions(for: form.texts[.actors] ?? "", in: state.corpus).first else { return [.bell] }
            form.texts[.actors] = ActorNames.completing(form.texts[.actors] ?? "", with: name)
        case .accept:
            return save(&form, &state)
        case .cancel:
            guard form.isChanged else {
                state.eventForm = nil
                return []
            }
            ConfirmScreen.ask("Close the form and lose what was typed?", yes: .discardForm, &state)
            return []
        default:
            return []
        }
        state.eventForm = form
        return []
    }

    /// Checks the form and asks the shell to write it; the form stays open
    /// until the corpus has changed (a failure is shown in it).
    static func save(_ form: inout EventForm, _ state: inout AppState) -> [Effect] {
        let check = form.dateCheck
        let title = (form.texts[.title] ?? "").trimmingCharacters(in: .whitespaces)
        guard check.ok else { form.message = "Date: " + check.text; form.focus = .date; state.eventForm = form; return [.bell] }
        guard !title.isEmpty else { form.message = "An event needs a title"; form.focus = .title; state.eventForm = form; return [.bell] }
        let (ids, newActors) = ActorNames.resolve(form.texts[.actors] ?? "", in: state.corpus)
        let basis = (form.texts[.basis] ?? "").trimmingCharacters(in: .whitespaces)
        let summary = (form.texts[.summary] ?? "").trimmingCharacters(in: .whitespaces)
        let tags = (form.texts[.tags] ?? "").split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        let draft = EventDraft(date: (form.texts[.date] ?? "").trimmingCharacters(in: .whitespaces), dateInferred: form.inferred,
                               dateBasis: basis.isEmpty ? nil : basis, title: title, summary: summary.isEmpty ? nil : summary,
                               actors: ids, tags: tags, spine: form.spine)
        form.message = "Saving…"
        state.eventForm = form
        switch form.purpose {
        case .create(let citation, _): return [.edit(.addEvent(draft, citation: citation, newActors: newActors))]
        case .change(let id): return [.edit(.updateEvent(id: id, draft, newActors: newActors))]
        }
    }

    // MARK: Drawing

    static func draw(_ state: AppState, _ layout: ScreenLayout, into grid: inout Grid) {
        guard let form = state.eventForm else { return }
        let body = layout.body
        var lines: [(label: String, value: String, field: EventForm.Field?, role: Role)] = []
        switch form.purpose {
        case .create(let citation, let from):
            lines.append(("Quote", "“" + citation.exact + "”", nil, .quote))
            lines.append(("", from, nil, .dim))
        case .change(let id):
            lines.append(("Event", state.corpus.event(id)?.title ?? id, nil, .heading))
        }
        for field in EventForm.Field.allCases {
            let value: String
            switch field {
            case .inferred: value = form.inferred ? "yes" : "no"
            case .spine: value = form.spine ? "yes (a principal event)" : "no"
            default: value = form.texts[field] ?? ""
            }
            lines.append((field.label, value, field, .normal))
        }
        let width = min(body.width, 78)
        let inner = max(1, width - 4)
        let footerRows = 2
        let height = min(body.height, lines.count + footerRows + 3)
        guard width >= 20, height >= 5 else { return }
        let box = Rect(x: body.x + (body.width - width) / 2, y: body.y + (body.height - height) / 2, width: width, height: height)
        grid.fill(box, role: .normal)
        HelpScreen.drawBorder(into: &grid, box, title: { if case .create = form.purpose { return "New event" } else { return "Change the event" } }())
        let labelWidth = 10
        let rows = box.height - 2 - footerRows
        // The focused field stays in view when the box is short.
        let focusLine = lines.firstIndex { $0.field == form.focus } ?? 0
        let first = max(0, min(focusLine - rows / 2, lines.count - rows))
        for (row, line) in lines.dropFirst(first).prefix(rows).enumerated() {
            let y = box.y + 1 + row, x = box.x + 2
            let focused = line.field == form.focus
            grid.put(line.label, x: x, y: y, maxWidth: labelWidth, role: focused ? .selection : .label)
            let room = max(0, inner - labelWidth - (focused ? 1 : 0))
            var value = line.value
            if focused, !line.field!.isToggle, TextWidth.of(value) > room { value = "…" + String(value.suffix(max(0, room - 1))) }
            let used = grid.put(value, x: x + labelWidth, y: y, maxWidth: room, role: line.role)
            if focused, !line.field!.isToggle { grid.put(" ", x: x + labelWidth + used, y: y, role: .statusKey) }
            if line.field == .date {
                let check = form.dateCheck
                let note = "  " + check.text
                if used + TextWidth.of(note) + 1 < room { grid.put(note, x: x + labelWidth + used + 1, y: y, maxWidth: room - used - 1, role: check.ok ? .dim : .error) }
            }
        }
        // A line of help under the fields: a message, the actor suggestions, or the keys.
        let helpY = box.maxY - 3
        var help = form.message ?? ""
        var role: Role = form.message == "Saving…" ? .dim : .error
        if form.message == nil {
            role = .dim
            if form.focus == .actors {
                let suggestions = ActorNames.suggestions(for: form.texts[.actors] ?? "", in: state.corpus)
                let new = ActorNames.resolve(form.texts[.actors] ?? "", in: state.corpus).new.map(\.name)
                help = (suggestions.isEmpty ? "names, by commas; a new one: Name (alias; alias)" : "→ completes: " + suggestions.prefix(3).joined(separator: ", "))
                    + (new.isEmpty ? "" : " · new: " + new.joined(separator: ", "))
            } else if form.focus.isToggle {
                help = "Space switches yes and no"
            }
        }
        grid.put(help, x: box.x + 2, y: helpY, maxWidth: inner, role: role)
        grid.put("Tab next field · Enter saves · Esc closes", x: box.x + 2, y: box.maxY - 2, maxWidth: inner, role: .dim)
    }
}

/// The actors field: names by commas, each an actor of the corpus (by name,
/// alias or id) or a new one, written `Name (alias; alias)`.
enum ActorNames {
    static func parts(_ text: String) -> [String] {
        var parts: [String] = [], current = "", depth = 0
        for character in text {
            if character == "(" { depth += 1 } else if character == ")" { depth = max(0, depth - 1) }
            if character == ",", depth == 0 { parts.append(current); current = "" } else { current.append(character) }
        }
        parts.append(current)
        return parts.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// The ids of the actors named, and those new to the corpus.
    static func resolve(_ text: String, in corpus: Corpus) -> (ids: [String], new: [ActorDraft]) {
        var ids: [String] = [], new: [ActorDraft] = []
        for part in parts(text) {
            var name = part, aliases: [String] = []
            if let open = part.firstIndex(of: "("), part.hasSuffix(")") {
                name = part[..<open].trimmingCharacters(in: .whitespaces)
                aliases = part[part.index(after: open)..<part.index(before: part.endIndex)].split(separator: ";")
                    .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
            }
            if let actor = corpus.actors(named: name).first {
                if !ids.contains(actor.id) { ids.append(actor.id) }
                continue
            }
            let id = YAMLWriting.unique(YAMLWriting.slug(name, fallback: "actor")) { id in
                corpus.actor(id) != nil || new.contains { $0.id == id }
            }
            new.append(ActorDraft(id: id, name: name, aliases: aliases))
            ids.append(id)
        }
        return (ids, new)
    }

    /// Names of actors starting with the last name being typed.
    static func suggestions(for text: String, in corpus: Corpus) -> [String] {
        let typed = text.split(separator: ",", omittingEmptySubsequences: false).last.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard typed.count >= 1 else { return [] }
        return corpus.actors.filter { actor in
            actor.names.contains { $0.lowercased().hasPrefix(typed) } && actor.name.lowercased() != typed
        }.map(\.name)
    }

    static func completing(_ text: String, with name: String) -> String {
        var parts = text.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        parts[parts.count - 1] = (parts.count > 1 ? " " : "") + name
        return parts.joined(separator: ",") + ", "
    }
}
