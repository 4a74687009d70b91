import ChronicleModel

extension ScreenKind {
    public static let notePrompt = ScreenKind("note prompt")
}

/// The reader's note on an event, typed in the status bar: Enter keeps
/// it, an empty line removes it, Esc leaves it as it was. The note is the
/// reader's own, kept outside the corpus, and shown as theirs.
enum NotePromptScreen {
    struct Prompt: Sendable {
        let eventID: String
        var text: String
    }

    static let screen = Screen(
        kind: .notePrompt, title: "Note", helpTitle: "Keys: note prompt", isOverlay: true,
        bindings: Keymap.lineEditing + [
            Binding(keys: [.control("w")], action: .deleteWord),
            Binding(keys: [.enter], action: .accept, help: "Keep the note; an empty line removes it"),
            Binding(keys: [.escape, .control("c"), .control("g")], action: .cancel, help: "Leave the note as it was"),
        ],
        takesText: "Type the note",
        reduce: reduce,
        draw: { state, _, grid in
            guard let prompt = state.state(of: .notePrompt, as: Prompt.self) else { return }
            StatusBar.drawTyped("your note: ", prompt.text, state, into: &grid)
        })

    static func open(_ state: inout AppState) -> [Effect] {
        guard let event = ReaderActions.eventInView(state) else {
            state.notice = "No event to note"
            return [.bell]
        }
        state.setState(of: .notePrompt, Prompt(eventID: event.id, text: state.reader.notes[event.id] ?? ""))
        return []
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.state(of: .notePrompt, as: Prompt.self) else { return [] }
        switch action {
        case .insert(let c): prompt.text.append(c)
        case .deleteCharacter:
            guard !prompt.text.isEmpty else { return [.bell] }
            prompt.text.removeLast()
        case .deleteWord:
            while prompt.text.last == " " { prompt.text.removeLast() }
            while let last = prompt.text.last, last != " " { prompt.text.removeLast() }
        case .clearLine: prompt.text = ""
        case .cancel:
            state.setState(of: .notePrompt, Prompt?.none)
            return []
        case .accept:
            state.setState(of: .notePrompt, Prompt?.none)
            let change = ReaderChange.note(eventID: prompt.eventID, prompt.text)
            let had = state.reader.notes[prompt.eventID] != nil
            state.reader.apply(change)
            let has = state.reader.notes[prompt.eventID] != nil
            guard had || has else { return [] }
            state.notice = has ? "Note kept (yours, outside the corpus)" : "Note removed"
            return [.saveReaderNotes(change)]
        default: return []
        }
        state.setState(of: .notePrompt, prompt)
        return []
    }
}
