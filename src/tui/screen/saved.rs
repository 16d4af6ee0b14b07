//! The saved plans: name, strategy, last change and progress of every plan; open, rename, copy
//! and delete. Files that do not load are listed with the reason and never overwritten.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::widgets::{ListItem, Paragraph, Widget};

use crate::store::{Listing, Store};
use crate::tui::action::Action;
use crate::tui::frame::{padded, wrap};
use crate::tui::keymap::KeyPat::Code;
use crate::tui::keymap::{Binding, Mode as M, Scope};
use crate::tui::overlay::{Ask, NameInput, NamePurpose, Overlay};
use crate::tui::screen::{Go, Screen, moved};
use crate::tui::shared::Shared;

/// The list as last read, and the highlighted row.
#[derive(Debug, Clone, Default)]
pub struct State {
    pub list: Vec<Listing>,
    pub row: usize,
}

impl State {
    /// Reads the list again from the data folder.
    pub fn refresh(&mut self, shared: &mut Shared) {
        match shared.data.store.as_ref().map(Store::list) {
            Some(Ok(list)) => self.list = list,
            Some(Err(e)) => shared.fail(&e),
            None => self.list.clear(),
        }
        self.row = self.row.min(self.list.len().saturating_sub(1));
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        let name = match self.list.get(self.row) {
            Some(Listing::Plan { plan, .. }) => Some(plan.name.clone()),
            _ => None,
        };
        match action {
            Action::Up | Action::Down | Action::Home | Action::End => {
                self.row = moved(self.row, action, self.list.len(), 1);
            }
            Action::Back => return Some(Go::To(Screen::Welcome)),
            Action::Select => match self.list.get(self.row)? {
                Listing::Plan { plan, .. } => return Some(Go::OpenSaved(plan.clone())),
                Listing::Unreadable { file, reason } => {
                    shared.open(Overlay::Notice(format!(
                        "{} does not load: {reason}. certwise keeps it as it is and never overwrites it.",
                        file.display()
                    )));
                }
            },
            Action::RenamePlan | Action::DuplicatePlan => {
                let from = name?;
                let (purpose, text) = if action == Action::RenamePlan {
                    (NamePurpose::Rename { from: from.clone() }, from)
                } else {
                    (
                        NamePurpose::Duplicate { from: from.clone() },
                        format!("{from} (copy)"),
                    )
                };
                shared.open(Overlay::Input(NameInput::new(purpose, &text)));
            }
            Action::DeletePlan => {
                if let Some(name) = name {
                    shared.open(Overlay::Confirm(Ask::Delete(name)));
                }
            }
            _ => {}
        }
        None
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let t = &shared.theme;
        let area = padded(area);
        let [head, rows] =
            Layout::vertical([Constraint::Length(2), Constraint::Fill(1)]).areas(area);
        let key = |mode, action| {
            crate::tui::keymap::key_for(&[KEYS, crate::tui::screen::plan::KEYS], mode, action)
        };
        let intro = if self.list.is_empty() {
            format!(
                "No saved plans yet. Make a plan and press {} on the plan screen to save it.",
                key(M::Plan, Action::OpenSave)
            )
        } else {
            format!(
                "{} opens a plan. Plans are saved in your data folder, one file each.",
                key(M::Saved, Action::Select)
            )
        };
        Paragraph::new(wrap(&intro, head.width, t.dim, "")).render(head, buf);
        let width = rows.width.saturating_sub(4);
        let items: Vec<ListItem> = self
            .list
            .iter()
            .map(|l| match l {
                Listing::Plan { plan, .. } => {
                    let progress = plan.counts().short();
                    let modified = plan
                        .modified
                        .to_zoned_datetime(jiff::tz::TimeZone::system())
                        .strftime("%Y-%m-%d %H:%M");
                    let mut lines = wrap(&plan.name, width, t.title, "");
                    let facts = format!(
                        "{} · modified {modified} · {progress}",
                        plan.plan.strategy.name
                    );
                    lines.extend(wrap(&facts, width, t.dim, "  "));
                    ListItem::new(lines)
                }
                Listing::Unreadable { file, reason } => {
                    let name = file
                        .file_name()
                        .map(|f| f.to_string_lossy().into_owned())
                        .unwrap_or_default();
                    let mut lines = wrap(&name, width, t.bad, "");
                    lines.extend(wrap(&format!("unreadable: {reason}"), width, t.dim, "  "));
                    ListItem::new(lines)
                }
            })
            .collect();
        crate::tui::frame::marked_list(
            t,
            items,
            (!self.list.is_empty()).then_some(self.row),
            rows,
            buf,
        );
    }
}

/// The saved-plans list's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "open the plan",
        hint: Some("open"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('r'))],
        action: Action::RenamePlan,
        help: "rename",
        hint: Some("rename"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('c'))],
        action: Action::DuplicatePlan,
        help: "copy under a new name",
        hint: Some("copy"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Char('d')), Code(K::Delete)],
        action: Action::DeletePlan,
        help: "delete (asks first)",
        hint: Some("delete"),
    },
    Binding {
        scope: Scope::Only(&[M::Saved]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "back to the welcome screen",
        hint: Some("back"),
    },
];
