//! What a screen is. Each module under `screen/` owns one screen: its state (selection, scroll,
//! fields), its key rows (`KEYS`), its `update` and its render, and it measures its own scroll
//! extent. Screens read and change what they share through [`Shared`](crate::tui::shared::Shared)
//! and ask for another screen with a [`Go`]; `App` carries the transition out, so no screen
//! touches another's state.
//!
//! Adding a screen: a variant here, a module under `screen/`, a field in `app::Screens` and its
//! arms in `App`'s dispatch.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::text::Line;
use ratatui::widgets::{Paragraph, Widget};

use crate::store::SavedPlan;
use crate::tui::action::Action;

pub mod answers;
pub mod catalog;
pub mod compare;
pub mod evaluate;
pub mod interview;
pub mod plan;
pub mod postings;
pub mod saved;
pub mod strategy;
pub mod welcome;

/// The screens of the session.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Welcome,
    Interview,
    /// Every answer on one screen.
    Summary,
    Strategy,
    Plan,
    /// The list of saved plans.
    Saved,
    /// The certification catalog (table or detail view).
    Catalog,
    /// Build versus certify.
    Compare,
    /// Evaluate any certification.
    Evaluate,
    /// Scan job postings.
    Postings,
}

impl Screen {
    /// What the title row calls the screen.
    pub fn title(self) -> &'static str {
        match self {
            Screen::Welcome => "Welcome",
            Screen::Interview => "Interview",
            Screen::Summary => "Your answers",
            Screen::Strategy => "Your strategy",
            Screen::Plan => "Your plan",
            Screen::Saved => "Saved plans",
            Screen::Catalog => "Certification catalog",
            Screen::Compare => "Build versus certify",
            Screen::Evaluate => "Evaluate a certification",
            Screen::Postings => "Job postings",
        }
    }

    /// The screens whose title names the opened plan.
    pub fn shows_plan_name(self) -> bool {
        matches!(self, Screen::Plan | Screen::Strategy | Screen::Summary)
    }
}

/// Which row the answers summary highlights when it opens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersAt {
    Top,
    /// The answer to this question.
    Question(String),
    /// "Make my plan", the next thing to do at the end of the interview.
    MakePlan,
}

/// A change of screen a screen's update asks for; `App` carries it out, preparing the screen
/// entered.
#[derive(Debug, Clone, PartialEq)]
pub enum Go {
    /// The welcome screen, its first item highlighted.
    Home,
    /// Back to a screen as it was left, scrolled to the top.
    To(Screen),
    /// Show a question, highlighting its answer or default.
    Question { id: String, from_summary: bool },
    /// Every answer; `from_plan` says whether going back returns to the plan (`None` keeps it).
    Answers {
        at: AnswersAt,
        from_plan: Option<bool>,
    },
    /// A plan was just made: its strategy, then the plan from its top.
    NewPlan,
    /// The saved-plans list, read again.
    Saved,
    /// A saved plan, shown exactly as it was saved.
    OpenSaved(Box<SavedPlan>),
    /// The catalog, coming back here on Esc.
    Catalog,
    /// The comparison of these entries with a portfolio project.
    Compare(Vec<String>),
    /// The plan's own certifications and courses beside its first project.
    ComparePlan,
    /// The evaluation form as last left (an empty one at first).
    Evaluate,
    /// The evaluation form for the catalog entry of this id: its name (and an entry of yours,
    /// its saved facts) filled in, unless a changed draft for another name would be lost; then
    /// the form asks first.
    EvaluateEntry(String),
    /// The job-postings screen, coming back here on Esc.
    Postings,
    /// The plan was made again (with new evidence): the plan from its top.
    Replanned,
}

/// A list highlight after a movement, kept inside `0..len`.
pub fn moved(row: usize, action: Action, len: usize, page: usize) -> usize {
    let last = len.saturating_sub(1);
    match action {
        Action::Up => row.saturating_sub(1),
        Action::Down => (row + 1).min(last),
        Action::PageUp => row.saturating_sub(page.max(1)),
        Action::PageDown => (row + page.max(1)).min(last),
        Action::Home => 0,
        Action::End => last,
        _ => row,
    }
    .min(last)
}

/// A scroll offset after a movement, kept inside `0..=max`.
pub fn scrolled(scroll: u16, action: Action, max: u16, page: usize) -> u16 {
    let page = u16::try_from(page.max(1)).unwrap_or(u16::MAX);
    match action {
        Action::Up => scroll.saturating_sub(1),
        Action::Down => scroll.saturating_add(1),
        Action::PageUp => scroll.saturating_sub(page),
        Action::PageDown => scroll.saturating_add(page),
        Action::Home => 0,
        Action::End => max,
        _ => scroll,
    }
    .min(max)
}

/// Rows a page key moves in an area `height` rows high.
pub fn page_rows(height: u16) -> usize {
    usize::from(height.saturating_sub(1)).max(1)
}

/// Text that scrolls: wrapped once by the screen's update when what it shows or the width
/// changes, drawn as it is. Its extent is measured here, from the screen's own lines.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Scroll {
    lines: Vec<Line<'static>>,
    offset: u16,
    height: u16,
    /// What the lines were wrapped for.
    wrapped_for: Stamp,
}

/// What something was last built for (a hash of what it shows and the size), so it is built
/// again only when that changes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Stamp(Option<u64>);

impl Stamp {
    /// Whether what was built for another key must be built again for `key`; true once per new
    /// key.
    pub fn stale_for(&mut self, key: impl std::hash::Hash) -> bool {
        use std::hash::{BuildHasher as _, BuildHasherDefault, DefaultHasher};
        let hash = BuildHasherDefault::<DefaultHasher>::default().hash_one(key);
        let stale = self.0 != Some(hash);
        self.0 = Some(hash);
        stale
    }
}

impl Scroll {
    /// Whether the lines must be wrapped again for `key` (what they show and the size); true
    /// once per new key.
    pub fn stale_for(&mut self, key: impl std::hash::Hash) -> bool {
        self.wrapped_for.stale_for(key)
    }

    /// New lines for an area `height` rows high; the offset stays, inside the new extent.
    pub fn set(&mut self, lines: Vec<Line<'static>>, height: u16) {
        self.lines = lines;
        self.height = height;
        self.offset = self.offset.min(self.max());
    }

    /// Rows of text shown at once: the area's height, less the marker row when the text is cut
    /// off.
    pub fn view(&self) -> u16 {
        if self.lines.len() > usize::from(self.height) {
            self.height.saturating_sub(1).max(1)
        } else {
            self.height
        }
    }

    /// Scrolls as little as needed to show lines `range`, their start first.
    pub fn show(&mut self, range: std::ops::Range<usize>) {
        let view = usize::from(self.view());
        let offset = usize::from(self.offset);
        let new = if range.start < offset {
            range.start
        } else if range.end > offset + view {
            range.end.saturating_sub(view).min(range.start)
        } else {
            offset
        };
        self.offset = u16::try_from(new).unwrap_or(u16::MAX).min(self.max());
    }

    /// Whether line `i` is on screen.
    pub fn shows(&self, i: usize) -> bool {
        let offset = usize::from(self.offset);
        i >= offset && i < offset + usize::from(self.view())
    }

    /// Back to the top.
    pub fn top(&mut self) {
        self.offset = 0;
    }

    /// Scrolls to `offset`, inside the extent.
    pub fn scroll_to(&mut self, offset: u16) {
        self.offset = offset.min(self.max());
    }

    pub fn offset(&self) -> u16 {
        self.offset
    }

    /// The highest useful offset.
    pub fn max(&self) -> u16 {
        u16::try_from(self.lines.len().saturating_sub(usize::from(self.view()))).unwrap_or(u16::MAX)
    }

    /// Scrolls for a movement key.
    pub fn apply(&mut self, action: Action) {
        self.apply_by(action, page_rows(self.view()));
    }

    /// Scrolls for a movement key, a page being `page` rows.
    pub fn apply_by(&mut self, action: Action, page: usize) {
        self.offset = scrolled(self.offset, action, self.max(), page);
    }

    pub fn lines(&self) -> &[Line<'static>] {
        &self.lines
    }

    /// Draws the visible lines; when the text is cut off, its last row says what is above and
    /// below.
    pub fn render(&self, area: Rect, buf: &mut Buffer) {
        self.render_marked(area, buf, None);
    }

    /// Draws the visible lines with lines `highlight` in the selection's style.
    pub fn render_marked(
        &self,
        area: Rect,
        buf: &mut Buffer,
        highlight: Option<(std::ops::Range<usize>, ratatui::style::Style)>,
    ) {
        let cut = self.lines.len() > usize::from(area.height);
        let view = if cut {
            area.height.saturating_sub(1)
        } else {
            area.height
        };
        let start = usize::from(self.offset).min(self.lines.len());
        let end = (start + usize::from(view)).min(self.lines.len());
        let mut shown = self.lines[start..end].to_vec();
        if let Some((range, style)) = highlight {
            for (i, line) in shown.iter_mut().enumerate() {
                if range.contains(&(start + i)) {
                    *line = std::mem::take(line).patch_style(style);
                }
            }
        }
        Paragraph::new(shown).render(area, buf);
        if cut && area.height > 1 {
            let below = self.lines.len() - end;
            let text = crate::tui::frame::more_text(start, below).unwrap_or_default();
            let row = Rect {
                y: area.y + area.height - 1,
                height: 1,
                ..area
            };
            Line::styled(
                text,
                ratatui::style::Style::new().add_modifier(ratatui::style::Modifier::DIM),
            )
            .right_aligned()
            .render(row, buf);
        }
    }
}
