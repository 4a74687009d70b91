import ChronicleModel

extension ScreenKind {
    public static let markPrompt = ScreenKind("mark prompt")
}

/// `m` and `'`: the next key is a letter that names a place. `m` then a
/// letter marks where the reader is; `'` then the letter goes back there,
/// and `''` to the place before the latest jump, as in vim.
enum MarkPromptScreen {
    struct Prompt: Sendable { let setting: Bool }

    static let screen = Screen(
        kind: .markPrompt, title: "Mark", helpTitle: "Keys: mark prompt", isOverlay: true,
        bindings: [Binding(keys: [.escape, .control("c"), .control("g")], action: .cancel, help: "Do nothing")],
        takesText: "The mark's letter, a–z or A–Z ('' goes back a jump)",
        reduce: reduce,
        draw: { state, _, grid in
            guard let prompt = state.state(of: .markPrompt, as: Prompt.self) else { return }
            let marks = state.reader.marks.keys.sorted().joined()
            let text = prompt.setting ? "mark this place as: " : "go to mark" + (marks.isEmpty ? " (none yet)" : " (\(marks))") + ": "
            StatusBar.drawTyped(text, "", state, into: &grid)
        })

    static func open(setting: Bool, _ state: inout AppState) {
        state.setState(of: .markPrompt, Prompt(setting: setting))
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard let prompt = state.state(of: .markPrompt, as: Prompt.self) else { return [] }
        state.setState(of: .markPrompt, Prompt?.none)
        guard case .insert(let letter) = action else { return [] }
        if !prompt.setting && letter == "'" { return Places.jump(back: true, &state) }
        guard letter.isASCII, letter.isLetter else {
            state.notice = "A mark is a letter, a–z or A–Z"
            return [.bell]
        }
        if prompt.setting {
            let place = Places.current(state)
            state.reader.apply(.mark(letter, place))
            state.notice = "Marked this place as ‘\(letter)’: ' then \(letter) comes back to it"
            return [.saveReaderNotes(.mark(letter, place))]
        }
        guard let place = state.reader.marks[String(letter)] else {
            state.notice = "No mark ‘\(letter)’: m then \(letter) sets it"
            return [.bell]
        }
        state.jumps.record(Places.current(state))
        return Places.go(to: place, &state)
    }
}
