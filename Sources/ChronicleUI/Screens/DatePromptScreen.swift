import ChronicleModel

extension ScreenKind {
    public static let datePrompt = ScreenKind("date prompt")
}

/// The date filter's prompt in the status bar: an EDTF date or interval;
/// Enter applies it, an empty line clears the filter, Esc leaves it as it was.
public struct DatePrompt: Sendable, Hashable {
    public var text = ""
    /// Why the last Enter was refused.
    public var error: String?
    /// Where ↑ and ↓ are in the dates typed before (nil: the line typed).
    public var historyPosition: Int?
}

extension AppState {
    /// The date prompt, when it is open; setting it opens it, nil closes it.
    public var datePrompt: DatePrompt? {
        get { state(of: .datePrompt) }
        set { setState(of: .datePrompt, newValue) }
    }
}

enum DatePromptScreen {
    static let prompt = "date (EDTF: 2024, 2024-03, 2003/2024; empty clears): "

    static let screen = Screen(
        kind: .datePrompt, title: "Date prompt", helpTitle: "Keys: date prompt", isOverlay: true,
        bindings: Keymap.lineEditing + [
            Binding(keys: [.enter], action: .accept, help: "Filter by the date; an empty line clears the filter"),
            Binding(keys: [.escape, .control("c"), .control("g")], action: .cancel, help: "Leave the filter as it was"),
            Binding(keys: [.up], action: .historyPrevious, help: "Recall the previous date typed"),
            Binding(keys: [.down], action: .historyNext, help: "Recall the next date typed"),
        ],
        takesText: "Type the date",
        reduce: reduce,
        draw: { state, _, grid in
            guard let prompt = state.datePrompt else { return }
            StatusBar.drawTyped(Self.prompt, prompt.text, error: prompt.error, state, into: &grid)
        })

    /// Opens the prompt on the date filter in force.
    static func open(_ state: inout AppState) {
        state.datePrompt = DatePrompt(text: state.filters.date?.edtf ?? "")
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard var prompt = state.datePrompt else { return [] }
        switch action {
        case .insert(let c):
            prompt.text.append(c)
            prompt.error = nil
        case .deleteCharacter:
            guard !prompt.text.isEmpty else { return [.bell] }
            prompt.text.removeLast()
            prompt.error = nil
        case .clearLine:
            prompt.text = ""
        case .historyPrevious, .historyNext:
            let history = state.dateHistory
            guard !history.isEmpty else { return [.bell] }
            let position = (prompt.historyPosition ?? history.count) + (action == .historyPrevious ? -1 : 1)
            guard position >= 0 else { return [.bell] }
            prompt.historyPosition = position < history.count ? position : nil
            prompt.text = position < history.count ? history[position] : ""
            prompt.error = nil
        case .cancel:
            state.datePrompt = nil
            return []
        case .accept:
            let text = prompt.text.trimmingCharacters(in: .whitespaces)
            if text.isEmpty {
                state.filters.set(.date, nil)
            } else {
                do {
                    state.filters.set(.date, nil, date: try PartialDate(parsing: text))
                } catch {
                    prompt.error = "\(error)"
                    state.datePrompt = prompt
                    return [.bell]
                }
            }
            state.datePrompt = nil
            Reducer.updateSearch(&state)
            guard !text.isEmpty else { return [] }
            state.dateHistory.removeAll { $0 == text }
            state.dateHistory.append(text)
            return [.remember(text, .date)]
        default:
            return []
        }
        state.datePrompt = prompt
        return []
    }
}
