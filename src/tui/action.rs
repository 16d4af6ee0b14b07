//! Everything the session can be asked to do. Keys map to these (see `keymap`); `App::update` is
//! the only place they change state.

/// One step of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Action {
    /// Move the highlight up one row (or scroll up).
    Up,
    /// Move the highlight down one row (or scroll down).
    Down,
    /// Scroll or move a page up.
    PageUp,
    /// Scroll or move a page down.
    PageDown,
    /// Go to the first row or the top.
    Home,
    /// Go to the last row or the bottom.
    End,
    /// Choose the highlighted row and go on.
    Select,
    /// Choose option N (0-based) of the current question and go on.
    Pick(usize),
    /// Type a digit into a number answer.
    TypeDigit(char),
    /// Delete the typed character before the cursor (a whole grapheme cluster); never goes
    /// back.
    DeleteChar,
    /// Go back one step: previous question or previous screen.
    Back,
    /// Go forward one question, keeping the highlighted answer.
    Forward,
    /// Change a yes/no answer back to the one before it (not known, yes, no).
    PreviousChoice,
    /// Focus the next pane.
    NextPane,
    /// Focus the previous pane.
    PrevPane,
    /// Make the plan from the answers summary.
    ShowPlan,
    /// Open the answers summary from the plan to change answers.
    EditAnswers,
    /// Go to the welcome screen, keeping the answers and the plan.
    GoHome,
    /// Show the keys of the current screen.
    OpenHelp,
    /// Close the open overlay.
    CloseOverlay,
    /// Quit, asking first if there is unsaved work.
    Quit,
    /// Say yes to the open question (quit, replace, delete, re-plan).
    Confirm,
    /// In the quit question with a plan on screen: save it (asking for a name), then quit.
    SaveAndQuit,
    /// Type a character into a text field (over a pre-filled text, replacing it).
    TypeChar(char),
    /// In a text field: the cursor one character left.
    CursorLeft,
    /// In a text field: the cursor one character right.
    CursorRight,
    /// In a text field: the cursor to the start (in the evaluation form, again: the first
    /// field).
    CursorStart,
    /// In a text field: the cursor to the end (in the evaluation form, again: the last field).
    CursorEnd,
    /// In a text field: the cursor to the start of the word before it (Ctrl-←).
    CursorWordLeft,
    /// In a text field: the cursor past the end of the word after it (Ctrl-→).
    CursorWordRight,
    /// In a text field: delete the character under the cursor.
    DeleteNextChar,
    /// In a text field: delete everything before the cursor.
    ClearToStart,
    /// In a text field: delete the word before the cursor.
    DeleteWord,
    /// Open the dialog that saves the plan under a name.
    OpenSave,
    /// Cycle the highlighted plan item through todo, doing, done (saved plans keep it at once).
    ToggleProgress,
    /// Recompute an opened plan with the current knowledge, showing what changes first.
    Replan,
    /// Rename the highlighted saved plan.
    RenamePlan,
    /// Copy the highlighted saved plan under a new name.
    DuplicatePlan,
    /// Delete the highlighted saved plan (asks first).
    DeletePlan,
    /// Open the certification catalog.
    OpenCatalog,
    /// Sort the catalog by the next column.
    SortNext,
    /// Reverse the catalog's sort order.
    SortReverse,
    /// Cycle the catalog's platform filter.
    FilterPlatform,
    /// Cycle the catalog's tier filter.
    FilterTier,
    /// Cycle the catalog's status filter.
    FilterStatus,
    /// Give the keyboard to the catalog's search field.
    OpenSearch,
    /// Clear the catalog's search, filters and sort.
    ClearFilters,
    /// Mark or unmark the highlighted catalog entry for comparison, then move to the next row.
    ToggleMark,
    /// Compare the marked entries (or the highlighted one) with a portfolio project.
    Compare,
    /// Open the form that evaluates any certification.
    OpenEvaluate,
    /// Save the evaluated certification into the person's own catalog.
    SaveEvaluation,
    /// Open the job-postings screen (scan a folder or pasted postings).
    OpenPostings,
    /// Scan the typed folder or file, or the pasted postings, whichever has the keyboard.
    Scan,
    /// Start a new line in a multi-line text box (the pasted postings).
    NewLine,
    /// Empty the text field or box that has the keyboard.
    ClearField,
    /// Save the scanned postings' counts as evidence and re-plan with them.
    UsePostings,
    /// Quit at once (Ctrl-C, or a signal).
    ForceQuit,
    /// Stop the process until the shell resumes it (Ctrl-Z).
    Suspend,
    /// The terminal changed size.
    Resize(u16, u16),
}
