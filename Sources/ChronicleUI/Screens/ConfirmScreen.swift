import ChronicleModel

extension ScreenKind {
    public static let confirm = ScreenKind("confirm")
}

/// A question on the status line before something that cannot be taken
/// back at a glance (removing, discarding what was typed, reading the
/// corpus again): `y` does it, anything else leaves things as they were.
public struct Confirmation: Sendable, Hashable {
    public enum Yes: Sendable, Hashable {
        /// Effects for the shell (write a change, read the corpus again).
        case effects([Effect])
        /// Close the event form without saving.
        case discardForm
    }
    public let question: String
    public let yes: Yes
}

extension AppState {
    public var confirmation: Confirmation? {
        get { state(of: .confirm) }
        set { setState(of: .confirm, newValue) }
    }
}

enum ConfirmScreen {
    static let screen = Screen(
        kind: .confirm, title: "Question", helpTitle: "Keys: question", isOverlay: true,
        bindings: [
            Binding(keys: [.character("y"), .character("Y")], action: .confirm),
            Binding(keys: [.character("n"), .character("N"), .escape, .character("q")], action: .cancel, help: "No: leave things as they are"),
        ],
        reduce: reduce,
        draw: { state, _, grid in
            guard let question = state.confirmation?.question else { return }
            StatusBar.drawTyped(question + " (y/n) ", "", state, into: &grid)
        })

    static func ask(_ question: String, yes: Confirmation.Yes, _ state: inout AppState) {
        state.confirmation = Confirmation(question: question, yes: yes)
    }

    static func reduce(_ action: Action, _ state: inout AppState) -> [Effect] {
        guard let confirmation = state.confirmation else { return [] }
        state.confirmation = nil
        guard action == .confirm else {
            state.notice = "Nothing was changed"
            return []
        }
        switch confirmation.yes {
        case .effects(let effects): return effects
        case .discardForm:
            state.eventForm = nil
            return []
        }
    }
}
