//! The scan's report as lines to scroll: the headline counts, horizontal bar charts of
//! credentials (required and preferred, retired ones flagged with their successor), clouds and
//! top skills, each bar with its value printed after it, the files skipped and why, and what
//! "use in my plan" does.

use std::fmt::Write as _;

use ratatui::text::{Line, Span};

use super::key_for;
use crate::postings::report::{Report, percent, plural, status_note, terminal_safe};
use crate::tui::action::Action;
use crate::tui::frame::wrap;
use crate::tui::keymap::Mode;
use crate::tui::shared::Shared;
use crate::tui::theme::Theme;

/// How many skills the report lists (as many as `postings scan` prints).
const TOP_SKILLS: usize = 15;

/// The report's lines for a column `width` wide; `source` is the path scanned (`None`: the
/// pasted text).
pub fn lines(
    shared: &Shared,
    report: &Report,
    source: Option<&str>,
    width: u16,
) -> Vec<Line<'static>> {
    let t = &shared.theme;
    let total = report.postings;
    let mut out = Vec::new();
    let read = match source {
        Some(path) => format!(
            "{} in {} ({} skipped) under {}",
            plural(total, "posting"),
            plural(report.files, "file"),
            report.skipped.len(),
            terminal_safe(path)
        ),
        None => format!("{} in the pasted text", plural(total, "posting")),
    };
    out.extend(wrap(&read, width, t.heading, ""));
    if total == 0 {
        out.extend(wrap(
            "No posting was found: nothing to count. A file holds one posting, or several \
             separated by a line of ---.",
            width,
            t.text,
            "",
        ));
    } else {
        out.extend(wrap(
            &format!(
                "{} of {total} name a certification ({}%): your own version of the sources' 8%, \
                 a figure with no date, source or method.",
                report.with_any_certification,
                percent(report.with_any_certification, total)
            ),
            width,
            t.text,
            "",
        ));
    }
    credentials(t, report, width, &mut out);
    if !report.platforms.is_empty() {
        section(t, "Clouds and platforms", width, &mut out);
        let rows: Vec<Row> = report
            .platforms
            .iter()
            .map(|p| Row::new(p.name, p.postings, share(p.postings, total)))
            .collect();
        out.extend(chart(t, &rows, total, width));
    }
    if !report.skills.is_empty() {
        section(t, "Top skills", width, &mut out);
        let rows: Vec<Row> = report
            .skills
            .iter()
            .take(TOP_SKILLS)
            .map(|s| Row::new(&s.name, s.postings, share(s.postings, total)))
            .collect();
        out.extend(chart(t, &rows, total, width));
    }
    if !report.skipped.is_empty() {
        section(t, "Skipped files", width, &mut out);
        for s in &report.skipped {
            out.extend(wrap(
                &format!("{}: {}", terminal_safe(&s.file), s.reason),
                width,
                t.text,
                "  ",
            ));
        }
    }
    out.push(Line::default());
    let back = key_for(Mode::PostingsReport, Action::Back);
    let end = if total == 0 {
        format!("{back} goes back to scan other postings.")
    } else {
        format!(
            "{} uses these counts in your plan: they are kept in your data folder (counts and \
             the date, never the postings' text). {back} goes back to scan other postings.",
            key_for(Mode::PostingsReport, Action::UsePostings)
        )
    };
    out.extend(wrap(&end, width, t.dim, ""));
    out
}

fn section(t: &Theme, title: &str, width: u16, out: &mut Vec<Line<'static>>) {
    out.push(Line::default());
    out.extend(wrap(title, width, t.heading, ""));
}

/// "5 · 23%".
fn share(n: u32, total: u32) -> String {
    format!("{n} · {}%", percent(n, total))
}

/// Credentials, most named first: a bar of the share of postings naming each, the count and how
/// many require or prefer it; a retired or retiring one is flagged under its name.
fn credentials(t: &Theme, report: &Report, width: u16, out: &mut Vec<Line<'static>>) {
    if report.certifications.is_empty() {
        if report.postings > 0 {
            section(t, "Certifications and courses", width, out);
            out.extend(wrap(
                "None of the catalog's certifications or courses is named.",
                width,
                t.text,
                "",
            ));
        }
        return;
    }
    section(t, "Certifications and courses named", width, out);
    out.extend(wrap(
        &format!(
            "Bars: the share of your {} naming each; req = required, pref = preferred.",
            plural(report.postings, "posting")
        ),
        width,
        t.dim,
        "",
    ));
    let rows: Vec<Row> = report
        .certifications
        .iter()
        .map(|c| {
            let mut after = c.postings.to_string();
            if c.required > 0 {
                let _ = write!(after, " · req {}", c.required);
            }
            if c.preferred > 0 {
                let _ = write!(after, " · pref {}", c.preferred);
            }
            Row {
                note: status_note(c).map(|n| format!("! {n}")),
                ..Row::new(&c.name, c.postings, after)
            }
        })
        .collect();
    out.extend(chart(t, &rows, report.postings, width));
}

/// One bar of a chart.
struct Row {
    label: String,
    value: u32,
    /// Printed after the bar: the value and what goes with it.
    after: String,
    /// A warning under the label (a retired exam).
    note: Option<String>,
}

impl Row {
    fn new(label: &str, value: u32, after: String) -> Row {
        Row {
            label: label.to_owned(),
            value,
            after,
            note: None,
        }
    }
}

/// Horizontal bars out of `total`: labels wrapped in a column of their own, the bar on the
/// label's first line on a dim track, then the value.
fn chart(t: &Theme, rows: &[Row], total: u32, width: u16) -> Vec<Line<'static>> {
    let width = usize::from(width);
    let widest = |f: fn(&Row) -> &str| {
        rows.iter()
            .map(|r| textwrap::core::display_width(f(r)))
            .max()
            .unwrap_or(0)
    };
    // Labels take what the bars (at least MIN_BAR cells) and the values leave; bars the rest,
    // up to MAX_BAR.
    let after_width = widest(|r| &r.after);
    let room = width.saturating_sub(after_width + 2);
    let label_width = widest(|r| &r.label).clamp(8, room.saturating_sub(MIN_BAR).max(8));
    let bar_width = room.saturating_sub(label_width).clamp(3, MAX_BAR);
    let mut out = Vec::new();
    for r in rows {
        let label = wrap(
            &r.label,
            u16::try_from(label_width).unwrap_or(u16::MAX),
            t.text,
            "",
        );
        let (filled, track) = bar(r.value, total, bar_width);
        for (i, line) in label.into_iter().enumerate() {
            let text: String = line.spans.iter().map(|s| s.content.as_ref()).collect();
            let pad = label_width.saturating_sub(textwrap::core::display_width(&text));
            let mut spans = vec![Span::styled(format!("{text}{} ", " ".repeat(pad)), t.text)];
            if i == 0 {
                spans.push(Span::styled(filled.clone(), t.accent));
                spans.push(Span::styled(track.clone(), t.dim));
                spans.push(Span::styled(format!(" {}", r.after), t.title));
            }
            out.push(Line::from(spans));
        }
        if let Some(note) = &r.note {
            out.extend(wrap(
                note,
                u16::try_from(width).unwrap_or(u16::MAX),
                t.bad,
                "  ",
            ));
        }
    }
    out
}

const MIN_BAR: usize = 20;
const MAX_BAR: usize = 40;

/// Partial blocks, in eighths of a cell.
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

/// A bar of `width` cells for `value` out of `total`, in eighths of a cell (a value above zero
/// always shows), and the track after it.
fn bar(value: u32, total: u32, width: usize) -> (String, String) {
    let cells = u64::try_from(width).unwrap_or(0);
    let eighths = if total == 0 {
        0
    } else {
        ((u64::from(value) * cells * 8 + u64::from(total) / 2) / u64::from(total)).min(cells * 8)
    };
    let eighths = usize::try_from(eighths)
        .unwrap_or(0)
        .max(usize::from(value > 0));
    let (full, part) = (eighths / 8, eighths % 8);
    let used = full + usize::from(part > 0);
    (
        format!("{}{}", "█".repeat(full), EIGHTHS[part]),
        "░".repeat(width.saturating_sub(used)),
    )
}

#[cfg(test)]
mod tests {
    use super::bar;

    #[test]
    fn bars_fill_their_share_and_never_hide_a_count() {
        assert_eq!(bar(1, 1, 4), ("████".to_owned(), String::new()));
        assert_eq!(bar(1, 2, 4), ("██".to_owned(), "░░".to_owned()));
        assert_eq!(bar(1, 1000, 4), ("▏".to_owned(), "░░░".to_owned()));
        assert_eq!(bar(0, 10, 3), (String::new(), "░░░".to_owned()));
        assert_eq!(bar(3, 0, 2), ("▏".to_owned(), "░".to_owned()));
    }
}
