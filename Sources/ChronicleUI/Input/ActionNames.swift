/// Actions by name: the configuration binds keys to these names, the
/// command palette finds actions by them, and `chronicle config --defaults`
/// lists them. A name is the action's case in kebab case ("move-down"),
/// so it cannot drift from the code.
extension Action {
    /// Every action a key can ask for; the rest carry values (a typed
    /// character, a corpus, an index) that only the program makes.
    public static let bindable: [Action] = [
        .moveDown, .moveUp, .pageDown, .pageUp, .top, .bottom,
        .open, .back, .backOrQuit, .quit, .nextPassage, .previousPassage, .focusEvent,
        .sideBySide, .switchPane, .nextSource, .previousSource, .toggleFurniture, .toggleMaximize,
        .search, .nextHit, .previousHit,
        .filterActor, .filterSource, .filterDate, .filterTag, .filterStarred, .clearLastFilter, .clearFilters,
        .showCoverage, .nextColumn, .previousColumn, .compareDifferences, .toggleRelated,
        .deleteCharacter, .deleteWord, .clearLine, .accept, .cancel, .historyPrevious, .historyNext,
        .startSelection, .extendWordForward, .extendWordBack, .extendSentenceForward, .extendSentenceBack,
        .selectSentence, .swapSelectionEnds, .moveSelectionForward, .moveSelectionBack, .extendRowDown, .extendRowUp,
        .cite, .newEvent, .editEvent, .editEventInEditor, .remove, .undo, .redo, .showErrors, .showSources,
        .showDrafts, .acceptDraft,
        .nextField, .previousField, .completeName, .confirm,
        .copy, .copyMarkdown, .setMark, .goToMark, .jumpBack, .jumpForward,
        .toggleStar, .editNote, .openPalette, .toggleMouse,
        .toggleHelp, .redraw,
    ]

    private static let byName: [String: Action] = Dictionary(bindable.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    /// The action's name, as the configuration and the palette spell it.
    public var name: String {
        var words = ""
        for character in String(describing: self).prefix(while: { $0 != "(" }) {
            if character.isUppercase { words += "-" + character.lowercased() } else { words.append(character) }
        }
        return words
    }

    /// The bindable action of that name.
    public init?(name: String) {
        guard let action = Self.byName[name] else { return nil }
        self = action
    }
}
