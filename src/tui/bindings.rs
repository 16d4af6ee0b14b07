//! The key table put together: for each mode, the rows of the screen or overlay that owns it, then
//! the global rows. Dispatch, the footer and the help overlay all read it from here.

use crate::tui::input::KeyEvent;

use crate::tui::action::Action;
use crate::tui::frame::Hint;
use crate::tui::keymap::{self, Binding, GLOBAL, Mode};
use crate::tui::overlay;
use crate::tui::screen::{
    answers, catalog, compare, evaluate, interview, plan, postings, saved, strategy, welcome,
};
use crate::tui::text_field;

/// The rows a mode reads, in order: its owner's, a text field's editing keys (they apply only
/// where a text field has the keys), then the global ones.
pub fn tables(mode: Mode) -> [&'static [Binding]; 3] {
    let own: &'static [Binding] = match mode {
        Mode::Help | Mode::Confirm | Mode::Input | Mode::Notice | Mode::Outdated | Mode::Error => {
            overlay::KEYS
        }
        Mode::Welcome => welcome::KEYS,
        Mode::Choice | Mode::Number => interview::KEYS,
        Mode::Summary => answers::KEYS,
        Mode::Strategy => strategy::KEYS,
        Mode::Plan => plan::KEYS,
        Mode::Saved => saved::KEYS,
        Mode::Catalog | Mode::CatalogSearch | Mode::CatalogDetail => catalog::KEYS,
        Mode::Compare => compare::KEYS,
        Mode::EvalField | Mode::EvalToggle | Mode::EvalResult => evaluate::KEYS,
        Mode::PostingsPath | Mode::PostingsPaste | Mode::PostingsReport => postings::KEYS,
        Mode::TooSmall => &[],
    };
    [own, text_field::KEYS, GLOBAL]
}

/// Every row of every table (for tests that check the table as a whole).
pub fn all() -> impl Iterator<Item = &'static Binding> {
    [
        overlay::KEYS,
        welcome::KEYS,
        interview::KEYS,
        answers::KEYS,
        strategy::KEYS,
        plan::KEYS,
        saved::KEYS,
        catalog::KEYS,
        compare::KEYS,
        evaluate::KEYS,
        postings::KEYS,
        text_field::KEYS,
        GLOBAL,
    ]
    .into_iter()
    .flatten()
}

/// The action for a key in a mode, if any.
pub fn keymap(mode: Mode, key: &KeyEvent) -> Option<Action> {
    keymap::keymap(&tables(mode), mode, key)
}

/// The rows the help overlay lists for a mode.
pub fn help_rows(mode: Mode) -> Vec<&'static Binding> {
    keymap::help_rows(&tables(mode), mode)
}

/// The footer hints for a mode.
pub fn footer_hints(mode: Mode) -> Vec<Hint> {
    keymap::footer_hints(&tables(mode), mode)
}

/// The key of an action in a mode, as UI text writes it.
pub fn key_for(mode: Mode, action: Action) -> String {
    keymap::key_for(&tables(mode), mode, action)
}
