//! The interview: one question per screen, chosen from options or typed as a number, with why it
//! matters and the progress in the title row.
//!
//! Choosing by number: in a list of up to nine options a digit chooses at once. In a longer list a
//! digit only highlights (so `1` never confirms option 1 when 10-14 were meant): `1` then `0`
//! highlights 10, a digit that makes no option starts a new number, and Enter chooses. A list
//! taller than the screen scrolls with the highlight, with "more above" and "more below" lines.

use crate::tui::input::KeyCode as K;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, ListItem, ListState, Paragraph, StatefulWidget, Widget};

use std::collections::BTreeMap;

use crate::knowledge::{Question, QuestionKind};
use crate::tui::action::Action;
use crate::tui::frame::{body_area, list, padded, wrap, wrap_after};
use crate::tui::keymap::KeyPat::{Code, Digit0To9};
use crate::tui::keymap::{Binding, Mode, Mode as M, Scope};
use crate::tui::screen::{AnswersAt, Go, moved};
use crate::tui::shared::Shared;

/// The question on screen and what is typed or highlighted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct State {
    /// The question's id.
    pub question: String,
    /// The highlighted option of a choice question.
    pub option: usize,
    /// The typed entry of a number question.
    pub input: String,
    /// The entry still shows the prefilled value: the first digit replaces it.
    pub input_fresh: bool,
    pub input_error: Option<String>,
    /// The question was opened from the answers summary: Enter returns there.
    pub from_summary: bool,
    /// In a list of ten or more options: the number typed so far, while another digit can
    /// still extend it (`1` before `10`-`14`).
    pub typed: Option<usize>,
    /// The first option shown when the list is taller than the screen.
    pub top: usize,
    /// Numbers typed but not valid answers (out of range), by question: moving to another
    /// question keeps them here, and coming back shows them again.
    pub drafts: BTreeMap<String, String>,
}

/// The most options a digit chooses at once; longer lists take a number and Enter.
const DIRECT_PICK: usize = 9;

/// Where the parts of a question go in the body.
struct Areas {
    head: Vec<Line<'static>>,
    top: Rect,
    list: Rect,
    message: Rect,
}

/// The option list's window: the first option shown and how many fit in `height` rows, keeping
/// `sel` in sight and starting from `top` when it still does. A row is kept for "more above"
/// when `top` > 0 and for "more below" when options are left under the window.
pub fn scroll_window(heights: &[usize], top: usize, sel: usize, height: usize) -> (usize, usize) {
    let count = |from: usize, room: usize| {
        let mut used = 0;
        heights[from.min(heights.len())..]
            .iter()
            .take_while(|h| {
                used += **h;
                used <= room
            })
            .count()
    };
    let fits = |from: usize| {
        let room = height.saturating_sub(usize::from(from > 0));
        let n = count(from, room);
        if from + n < heights.len() {
            count(from, room.saturating_sub(1))
        } else {
            n
        }
    };
    if fits(0) >= heights.len() {
        return (0, heights.len());
    }
    let sel = sel.min(heights.len().saturating_sub(1));
    let mut top = top.min(sel);
    while top < sel && top + fits(top) <= sel {
        top += 1;
    }
    (top, fits(top).max(1))
}

impl State {
    /// Shows a question, highlighting its answer or default.
    pub fn open(&mut self, shared: &mut Shared, id: &str, from_summary: bool) -> bool {
        let Some(q) = shared.kb.question(id) else {
            return false;
        };
        let value = shared.work.answers.get(id).unwrap_or(&q.default).to_owned();
        id.clone_into(&mut self.question);
        id.clone_into(&mut shared.work.question);
        self.option = match &q.kind {
            QuestionKind::Choice(options) => {
                options.iter().position(|o| o.value == value).unwrap_or(0)
            }
            QuestionKind::Number { .. } => 0,
        };
        // A number typed but not yet valid comes back as it was left.
        if let Some(draft) = self.drafts.get(id) {
            draft.clone_into(&mut self.input);
            self.input_fresh = false;
        } else {
            self.input = value;
            self.input_fresh = true;
        }
        self.input_error = None;
        self.from_summary = from_summary;
        self.typed = None;
        self.top = 0;
        true
    }

    /// Where the question's parts go in a body `area` (already padded).
    fn areas(&self, shared: &Shared, q: &Question, area: Rect) -> Areas {
        let t = &shared.theme;
        let mut head = vec![Line::default()];
        head.extend(wrap(&q.prompt, area.width, t.heading, ""));
        head.push(Line::default());
        head.extend(wrap_after(
            Span::styled("Why it matters: ", t.dim),
            &q.why,
            area.width,
            t.dim,
        ));
        head.push(Line::default());
        let head_height = u16::try_from(head.len()).unwrap_or(u16::MAX);
        // The message rows only when there is something to say, so a small terminal shows
        // more options. A number question says its message under its field instead.
        let number = matches!(q.kind, QuestionKind::Number { .. });
        let says = (self.input_error.is_some() && !number) || self.typed.is_some();
        let [top, list, message] = Layout::vertical([
            Constraint::Length(head_height),
            Constraint::Fill(1),
            Constraint::Length(if says { 2 } else { 0 }),
        ])
        .areas(area);
        Areas {
            head,
            top,
            list,
            message,
        }
    }

    /// Each option's lines, wrapped for a list `width` columns wide.
    fn option_lines(shared: &Shared, q: &Question, width: u16) -> Vec<Vec<Line<'static>>> {
        let t = &shared.theme;
        let QuestionKind::Choice(options) = &q.kind else {
            return Vec::new();
        };
        let answered = shared.work.answers.get(&q.id);
        let digits = options.len().to_string().len();
        options
            .iter()
            .enumerate()
            .map(|(i, o)| {
                let mark = if answered == Some(o.value.as_str()) {
                    " ✓"
                } else {
                    ""
                };
                let prefix = Span::styled(format!("{:>digits$} ", i + 1), t.key);
                wrap_after(
                    prefix,
                    &format!("{}{mark}", o.label),
                    width.saturating_sub(2),
                    t.text,
                )
            })
            .collect()
    }

    /// Keeps the highlighted option in the list's window after a move or a resize.
    pub fn layout(&mut self, shared: &Shared) {
        let Some(q) = self.current(shared) else {
            return;
        };
        let area = padded(body_area(shared.width, shared.height));
        let list = self.areas(shared, q, area).list;
        let heights: Vec<usize> = Self::option_lines(shared, q, list.width)
            .iter()
            .map(Vec::len)
            .collect();
        self.top = scroll_window(&heights, self.top, self.option, usize::from(list.height)).0;
    }

    pub fn current(&self, shared: &Shared) -> Option<&'static Question> {
        shared.kb.question(&self.question)
    }

    /// The mode keys are read in: options, or a typed number.
    pub fn mode(&self, shared: &Shared) -> Mode {
        match self.current(shared).map(|q| &q.kind) {
            Some(QuestionKind::Number { .. }) => Mode::Number,
            _ => Mode::Choice,
        }
    }

    /// "Question 3 of 11", counting only the questions that will be asked.
    pub fn progress(&self, shared: &Shared) -> String {
        let resolved = shared.resolved();
        let n = resolved.position(&self.question).map_or(0, |i| i + 1);
        format!("Question {n} of {}", resolved.asked_count())
    }

    /// On a signal or Ctrl-C mid-question: a number typed but not yet confirmed with Enter is
    /// recorded too (if it is valid), so quitting at once loses nothing that was typed.
    pub fn keep_typed_number(&self, shared: &mut Shared) {
        if self.input_fresh || self.input.is_empty() {
            return;
        }
        let Some(q) = self.current(shared) else {
            return;
        };
        if !matches!(q.kind, QuestionKind::Number { .. }) {
            return;
        }
        if shared
            .work
            .answers
            .set(shared.kb, &q.id, &self.input)
            .is_ok()
        {
            shared.work.answers.prune(shared.kb);
            shared.work.unsaved = true;
        }
    }

    pub fn update(&mut self, shared: &mut Shared, action: Action) -> Option<Go> {
        let q = self.current(shared)?;
        let typed = self.typed.take();
        match (&q.kind, action) {
            (QuestionKind::Choice(options), Action::TypeDigit(c)) => {
                let d = c.to_digit(10).map_or(0, |d| d as usize);
                if options.len() <= DIRECT_PICK {
                    if (1..=options.len()).contains(&d) {
                        self.option = d - 1;
                        return self.answer_and_advance(shared);
                    }
                    return None;
                }
                // A digit extends the number typed so far if that makes an option, else starts
                // a new one; it only highlights, Enter chooses.
                let n = typed
                    .map(|t| t * 10 + d)
                    .filter(|n| *n <= options.len())
                    .unwrap_or(d);
                if (1..=options.len()).contains(&n) {
                    self.option = n - 1;
                    self.typed = (n * 10 < options.len()).then_some(n);
                }
            }
            (
                QuestionKind::Choice(options),
                Action::Up | Action::Down | Action::Home | Action::End,
            ) => {
                self.option = moved(self.option, action, options.len(), 1);
            }
            (QuestionKind::Choice(options), Action::Pick(n)) if n < options.len() => {
                self.option = n;
                return self.answer_and_advance(shared);
            }
            (QuestionKind::Number { .. }, Action::TypeDigit(c)) => {
                if self.input_fresh {
                    self.input.clear();
                    self.input_fresh = false;
                }
                if self.input.len() < 9 {
                    self.input.push(c);
                }
                self.input_error = None;
            }
            (QuestionKind::Number { .. }, Action::DeleteChar) => {
                self.input_fresh = false;
                self.input_error = None;
                // Only edits: a held Backspace must not run back through earlier questions.
                self.input.pop();
            }
            (_, Action::Select | Action::Forward) => return self.answer_and_advance(shared),
            (_, Action::Back) => {
                self.keep_on_leaving(shared);
                return Some(self.back(shared));
            }
            _ => {}
        }
        None
    }

    /// Records the highlighted or typed answer, re-branches, and moves on.
    fn answer_and_advance(&mut self, shared: &mut Shared) -> Option<Go> {
        let q = self.current(shared)?;
        let raw = match &q.kind {
            QuestionKind::Choice(options) => options
                .get(self.option)
                .map(|o| o.value.clone())
                .unwrap_or_default(),
            QuestionKind::Number { .. } => self.input.clone(),
        };
        if raw.trim().is_empty() {
            self.input_error = Some(format!("Nothing typed: type {}.", q.valid_values()));
            return None;
        }
        if let Err(e) = Self::record(shared, q, &raw) {
            self.input_error = Some(e);
            return None;
        }
        self.drafts.remove(&q.id);
        let resolved = shared.resolved();
        let asked: Vec<&str> = resolved.asked().map(|(q, _)| q.id.as_str()).collect();
        let here = asked.iter().position(|id| *id == q.id).unwrap_or(0);
        let next = asked[here + 1..]
            .iter()
            .find(|id| !self.from_summary || shared.work.answers.get(id).is_none());
        Some(match next {
            Some(id) => Go::Question {
                id: (*id).to_owned(),
                from_summary: self.from_summary,
            },
            // Changed from the summary: back there, on that answer. At the end of the
            // interview: on "Make my plan", the next thing to do.
            None if self.from_summary => Go::Answers {
                at: AnswersAt::Question(q.id.clone()),
                from_plan: None,
            },
            None => Go::Answers {
                at: AnswersAt::MakePlan,
                from_plan: None,
            },
        })
    }

    /// Records `raw` as the answer to `q` (re-branching the interview), or says why not.
    fn record(shared: &mut Shared, q: &Question, raw: &str) -> Result<(), String> {
        if let Err(e) = shared.work.answers.set(shared.kb, &q.id, raw) {
            return Err(match &e {
                crate::interview::AnswerError::BadValue { source, .. } => format!("{source}."),
                crate::interview::AnswerError::UnknownQuestion { .. } => e.to_string(),
            });
        }
        shared.work.answers.prune(shared.kb);
        shared.work.unsaved = true;
        shared.work.plan = None;
        shared.touch();
        shared.keep_interview();
        Ok(())
    }

    /// Leaving a number question by going back: what was typed is never lost. A valid number
    /// becomes the answer, as going forward makes it; one that cannot be (out of range) is kept
    /// as this question's draft and shown again on coming back; an emptied field keeps nothing,
    /// so the answer shows again.
    fn keep_on_leaving(&mut self, shared: &mut Shared) {
        let Some(q) = self.current(shared) else {
            return;
        };
        if !matches!(q.kind, QuestionKind::Number { .. }) || self.input_fresh {
            return;
        }
        if self.input.is_empty() || Self::record(shared, q, &self.input).is_ok() {
            self.drafts.remove(&q.id);
        } else {
            self.drafts.insert(q.id.clone(), self.input.clone());
        }
    }

    fn back(&self, shared: &Shared) -> Go {
        if self.from_summary {
            return Go::Answers {
                at: AnswersAt::Question(self.question.clone()),
                from_plan: None,
            };
        }
        let resolved = shared.resolved();
        match resolved.position(&self.question) {
            Some(i) if i > 0 => Go::Question {
                id: resolved
                    .asked()
                    .nth(i - 1)
                    .map(|(q, _)| q.id.clone())
                    .unwrap_or_default(),
                from_summary: false,
            },
            _ => Go::Home,
        }
    }

    pub fn render(&self, shared: &Shared, area: Rect, buf: &mut Buffer) {
        let t = &shared.theme;
        let Some(q) = self.current(shared) else {
            return;
        };
        let area = padded(area);
        let Areas {
            head,
            top,
            list: rest,
            message,
        } = self.areas(shared, q, area);
        Paragraph::new(head).render(top, buf);
        match &q.kind {
            QuestionKind::Choice(options) => {
                let lines = Self::option_lines(shared, q, rest.width);
                let heights: Vec<usize> = lines.iter().map(Vec::len).collect();
                let (first, shown) =
                    scroll_window(&heights, self.top, self.option, usize::from(rest.height));
                let above = first;
                let below = options.len().saturating_sub(first + shown);
                let [above_area, list_area, below_area] = Layout::vertical([
                    Constraint::Length(u16::from(above > 0)),
                    Constraint::Fill(1),
                    Constraint::Length(u16::from(below > 0)),
                ])
                .areas(rest);
                if above > 0 {
                    Line::styled(format!("  ↑ {above} more above"), t.dim).render(above_area, buf);
                }
                if below > 0 {
                    Line::styled(format!("  ↓ {below} more below"), t.dim).render(below_area, buf);
                }
                let items: Vec<ListItem> = lines
                    .into_iter()
                    .skip(first)
                    .take(shown)
                    .map(ListItem::new)
                    .collect();
                let mut state =
                    ListState::default().with_selected(Some(self.option.saturating_sub(first)));
                StatefulWidget::render(list(t, items), list_area, buf, &mut state);
                if let Some(n) = self.typed {
                    let hint = format!(
                        "{n} typed: {} chooses option {n}, or type its second digit ({}-{}).",
                        crate::tui::keymap::key_for(&[KEYS], M::Choice, Action::Select),
                        n * 10,
                        (n * 10 + 9).min(options.len())
                    );
                    Paragraph::new(wrap(&hint, message.width, t.dim, "")).render(message, buf);
                }
            }
            QuestionKind::Number { min, max, unit } => {
                let [input_area, note, _] = Layout::vertical([
                    Constraint::Length(3),
                    Constraint::Length(2),
                    Constraint::Fill(1),
                ])
                .areas(rest);
                // Why Enter refused the field, right under it.
                if let Some(error) = &self.input_error {
                    Paragraph::new(wrap(&format!("! {error}"), note.width, t.error, ""))
                        .render(note, buf);
                }
                let [field, label] =
                    Layout::horizontal([Constraint::Length(14), Constraint::Fill(1)])
                        .areas(input_area);
                let value_style = if self.input_fresh {
                    t.selected
                } else {
                    t.title
                };
                Paragraph::new(Line::from(vec![
                    Span::styled(self.input.clone(), value_style),
                    Span::styled("▏", t.accent),
                ]))
                .block(Block::bordered().border_style(t.focused_border))
                .render(field, buf);
                // Said as the digits are typed, beside the field; Enter still refuses it below.
                let out_of_range = !self.input_fresh
                    && self
                        .input
                        .parse::<u64>()
                        .is_ok_and(|n| n < u64::from(*min) || n > u64::from(*max));
                let mut range = vec![Span::styled(format!(" {unit} ({min}-{max})"), t.dim)];
                if out_of_range {
                    range.push(Span::styled(" · out of range", t.error));
                }
                Paragraph::new(vec![Line::default(), Line::from(range)]).render(label, buf);
            }
        }
        if let Some(error) = self
            .input_error
            .as_ref()
            .filter(|_| !matches!(q.kind, QuestionKind::Number { .. }))
        {
            Paragraph::new(wrap(&format!("! {error}"), message.width, t.error, ""))
                .render(message, buf);
        }
    }
}

/// The interview's key rows.
pub static KEYS: &[Binding] = &[
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Code(K::Up), Code(K::Char('k'))],
        action: Action::Up,
        help: "move up",
        hint: Some("move"),
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Code(K::Down), Code(K::Char('j'))],
        action: Action::Down,
        help: "move down",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Digit0To9],
        action: Action::TypeDigit('0'),
        help: "choose by number: up to 9 options, at once; with 10 or more, the number is \
               highlighted (1 then 0 is 10) and Enter chooses",
        hint: Some("pick"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Digit0To9],
        action: Action::TypeDigit('0'),
        help: "type the number",
        hint: Some("type"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Code(K::Backspace), Code(K::Delete)],
        action: Action::DeleteChar,
        help: "delete the last digit (never goes back: holding it only empties the field)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice, M::Number]),
        keys: &[Code(K::Enter)],
        action: Action::Select,
        help: "choose and go on",
        hint: Some("choose"),
    },
    Binding {
        scope: Scope::Only(&[M::Choice, M::Number]),
        keys: &[Code(K::Right), Code(K::Char('l'))],
        action: Action::Forward,
        help: "next question (keeps the highlighted answer)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice, M::Number]),
        keys: &[Code(K::Left), Code(K::Char('h'))],
        action: Action::Back,
        help: "previous question (a typed number is kept: as the answer, or as a draft while out of range)",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Code(K::Esc), Code(K::Backspace)],
        action: Action::Back,
        help: "go back",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Number]),
        keys: &[Code(K::Esc)],
        action: Action::Back,
        help: "go back (Backspace only edits the number)",
        hint: Some("back"),
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Code(K::Home), Code(K::Char('g'))],
        action: Action::Home,
        help: "go to the top",
        hint: None,
    },
    Binding {
        scope: Scope::Only(&[M::Choice]),
        keys: &[Code(K::End), Code(K::Char('G'))],
        action: Action::End,
        help: "go to the bottom",
        hint: None,
    },
];
