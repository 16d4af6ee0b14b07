//! Text, Markdown and JSON renderings of a plan, for the command line and for notes.

use std::fmt::Write as _;

use crate::advisor::{AnswerRef, Factor, Plan, Signal, plural, rec_cost_text, rec_hours_text};
use crate::knowledge::Knowledge;
use crate::progress::{self, Item, Marks, Progress};

/// Output formats of `certwise plan`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, clap::ValueEnum)]
pub enum Format {
    #[default]
    Text,
    Markdown,
    Json,
}

/// Renders a plan in the given format. Always ends with a newline.
pub fn plan(kb: &Knowledge, plan: &Plan, format: Format) -> String {
    with_progress(kb, plan, format, None)
}

/// Renders a saved plan with its progress: milestones ticked as marked, and a progress section
/// (text and Markdown; JSON is the plan alone).
pub fn with_progress(kb: &Knowledge, plan: &Plan, format: Format, marks: Option<&Marks>) -> String {
    match format {
        Format::Text => text(kb, plan, marks),
        Format::Markdown => markdown(kb, plan, marks),
        Format::Json => json(plan),
    }
}

/// A milestone's box: `[x]` when marked done in `marks`, else `[ ]`.
fn milestone_box(p: &Plan, marks: Option<&Marks>, step: usize, m: usize) -> &'static str {
    match marks.map(|k| progress::of(p, k, Item::Milestone(step, m))) {
        Some(Progress::Done) => "[x]",
        _ => "[ ]",
    }
}

/// The progress section: the counts, then every step and milestone with its number (as
/// `certwise plans progress` takes it) and mark. Text, or a Markdown task list.
pub fn progress_section(p: &Plan, marks: &Marks, markdown: bool) -> String {
    let mut o = String::new();
    let counts = progress::counts(p, marks);
    if markdown {
        let _ = writeln!(o, "\n## Progress\n\n{}.\n", counts.text());
    } else {
        let _ = writeln!(o, "\nProgress: {}", counts.text());
    }
    for item in progress::items(p) {
        let mark = progress::of(p, marks, item);
        let (indent, title) = match item {
            Item::Step(s) => ("", p.timeline[s].title.as_str()),
            Item::Milestone(s, m) => ("  ", p.timeline[s].milestones[m].title.as_str()),
        };
        let label = progress::label(item);
        if markdown {
            let tick = if mark == Progress::Done { "[x]" } else { "[ ]" };
            let doing = if mark == Progress::Doing {
                " _(started)_"
            } else {
                ""
            };
            let _ = writeln!(o, "{indent}- {tick} {label}. {title}{doing}");
        } else {
            let pad = if indent.is_empty() { 4 } else { 6 };
            let _ = writeln!(o, "  {indent}{indent}{label:<pad$} {} {title}", mark.mark());
        }
    }
    o
}

/// The plan as pretty JSON (schema in README.md), with anything that could drive a terminal
/// written as a `\uXXXX` escape.
pub fn json(plan: &Plan) -> String {
    let mut s =
        serde_json::to_string_pretty(plan).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"));
    s.push('\n');
    crate::sanitize::json(&s).into_owned()
}

/// `+25` or `-10`, padded.
pub fn points(p: i32) -> String {
    format!("{p:+}")
}

/// "role = Developer" with the option's label.
/// An answer in plain words: the question's topic and the chosen option ("Where you are now:
/// Software developer"), never the internal id and value.
pub fn answer_text(kb: &Knowledge, a: &AnswerRef) -> String {
    match kb.question(&a.question) {
        Some(q) => format!("{}: {}", q.topic, q.label_of(&a.value)),
        None => format!("{}: {}", a.question, a.value),
    }
}

fn factors(out: &mut String, indent: &str, fs: &[Factor]) {
    for f in fs {
        let _ = writeln!(out, "{indent}{:>4}  {}", points(f.points), f.text);
    }
}

/// The three hiring signals with their labels, in display order.
pub fn signal_rows(plan: &Plan) -> [(&'static str, &'static str, &Signal); 3] {
    [
        ("Understanding the basics", "basics", &plan.signals.basics),
        ("Having built something real", "built", &plan.signals.built),
        (
            "Communicating it clearly",
            "communication",
            &plan.signals.communication,
        ),
    ]
}

/// A cost as every front end shows it: "not known" for an entry evaluated without it (its range
/// is a placeholder), else "free" or "USD 50-500".
pub fn cost_or_unknown(cost: crate::knowledge::Range, unknown: bool) -> String {
    if unknown {
        "not known".to_owned()
    } else {
        crate::advisor::cost_text(cost)
    }
}

/// Preparation hours as every front end shows them: "not known", or "40-80 h".
pub fn hours_or_unknown(hours: crate::knowledge::Range, unknown: bool) -> String {
    if unknown {
        "not known".to_owned()
    } else {
        format!("{hours} h")
    }
}

/// What the text output and the TUI say under the timeline, one line each: how long it runs,
/// what is not scheduled, what to apply for, what was left out for the budget, then the budget.
pub fn timeline_notes(p: &Plan) -> Vec<String> {
    p.timeline_notes
        .iter()
        .map(|n| format!("Note: {n}"))
        .chain(std::iter::once(format!("Budget: {}", p.budget.note)))
        .collect()
}

fn text(kb: &Knowledge, p: &Plan, marks: Option<&Marks>) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "Strategy: {}", p.strategy.name);
    let _ = writeln!(o, "{}", p.strategy.summary);
    let decided: Vec<String> = p
        .strategy
        .decided_by
        .iter()
        .map(|a| answer_text(kb, a))
        .collect();
    let _ = writeln!(o, "Chosen because: {}", decided.join("; "));
    o.push_str("\nSteps\n");
    for (i, s) in p.strategy.steps.iter().enumerate() {
        let _ = writeln!(o, "  {}. {s}", i + 1);
        if let Some(note) = p.strategy.step_notes.get(i) {
            let _ = writeln!(o, "     -> {note}");
        }
    }
    let sp = &p.split;
    let _ = writeln!(
        o,
        "\nBuild {}% / study {}%: {} h building + {} h study a week{}",
        sp.build_percent,
        sp.study_percent,
        sp.build_hours_per_week,
        sp.study_hours_per_week,
        totals_text(sp)
    );
    factors(&mut o, "  ", &sp.reasons);
    o.push_str("\nRecommendations (highest score first)\n");
    for (i, r) in p.recommendations.iter().enumerate() {
        let _ = writeln!(
            o,
            "{:>3}. {:>3}/100  {}  [{}, {}, {}]",
            i + 1,
            r.score,
            r.name,
            r.kind,
            rec_cost_text(r),
            rec_hours_text(r)
        );
        factors(&mut o, "          ", &r.reasons);
    }
    if p.avoid.iter().any(|a| !a.not_for_you_now) {
        o.push_str("\nAvoid\n");
        for a in p.avoid.iter().filter(|a| !a.not_for_you_now) {
            let _ = writeln!(o, "  - {}", a.name);
            for r in &a.reasons {
                let _ = writeln!(o, "      {r}");
            }
        }
    }
    if p.avoid.iter().any(|a| a.not_for_you_now) {
        o.push_str("\nNot for you now\n");
        for a in p.avoid.iter().filter(|a| a.not_for_you_now) {
            let why = a.reasons.join("; ");
            let why = why.strip_prefix("not for you now: ").unwrap_or(&why);
            let _ = writeln!(o, "  - {}: {why}", a.name);
        }
    }
    let _ = writeln!(o, "\n{} after this plan", p.signals_heading());
    for (label, _, s) in signal_rows(p) {
        let _ = writeln!(o, "  {label}: {}/100", s.score);
        factors(&mut o, "      ", &s.reasons);
    }
    o.push_str("\nTimeline\n");
    for (i, s) in p.timeline.iter().enumerate() {
        let _ = writeln!(
            o,
            "  {:<6} weeks {:>3}-{:<3} {} ({}, about {} h{})",
            s.phase.label(),
            s.start_week,
            s.end_week,
            s.title,
            s.track.label(),
            s.hours,
            step_cost_text(s)
        );
        if let Some(problem) = &s.problem {
            let _ = writeln!(o, "         Why: {problem}");
        }
        for (j, m) in s.milestones.iter().enumerate() {
            let tick = milestone_box(p, marks, i, j);
            let _ = writeln!(o, "         {tick} {} ({} h)", m.title, m.hours);
        }
    }
    for line in timeline_notes(p) {
        let _ = writeln!(o, "  {line}");
    }
    if !p.assumed.is_empty() {
        let assumed: Vec<String> = p.assumed.iter().map(|a| answer_text(kb, a)).collect();
        let _ = writeln!(o, "\nAssumed (not answered): {}", assumed.join("; "));
    }
    if let Some(marks) = marks {
        o.push_str(&progress_section(p, marks, false));
    }
    o
}

/// A step's cell in the Markdown timeline: its title, and for a project the problem and the
/// milestones as a checklist.
fn markdown_step(p: &Plan, marks: Option<&Marks>, i: usize) -> String {
    let s = &p.timeline[i];
    let mut step = s.title.clone();
    if let Some(problem) = &s.problem {
        let _ = write!(step, "<br>{problem}");
    }
    for (j, m) in s.milestones.iter().enumerate() {
        let tick = milestone_box(p, marks, i, j);
        let _ = write!(step, "<br>- {tick} {} ({} h)", m.title, m.hours);
    }
    step
}

#[allow(
    clippy::too_many_lines,
    reason = "the Markdown plan section by section, in reading order"
)]
fn markdown(kb: &Knowledge, p: &Plan, marks: Option<&Marks>) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "# My AI learning plan: {}\n", p.strategy.name);
    let _ = writeln!(o, "{}\n", p.strategy.summary);
    o.push_str("## Why this strategy\n\n");
    for a in &p.strategy.decided_by {
        let _ = writeln!(o, "- {}", answer_text(kb, a));
    }
    o.push_str("\n## Steps\n\n");
    for (i, s) in p.strategy.steps.iter().enumerate() {
        match p.strategy.step_notes.get(i) {
            Some(note) => {
                let _ = writeln!(o, "{}. {s} _({note})_", i + 1);
            }
            None => {
                let _ = writeln!(o, "{}. {s}", i + 1);
            }
        }
    }
    let sp = &p.split;
    let _ = writeln!(
        o,
        "\n## Time\n\n**{}% building, {}% study**: {} building and {} study a week{}.\n",
        sp.build_percent,
        sp.study_percent,
        plural(sp.build_hours_per_week, "hour"),
        plural(sp.study_hours_per_week, "hour"),
        totals_text(sp)
    );
    for f in &sp.reasons {
        let _ = writeln!(o, "- {} {}", points(f.points), f.text);
    }
    o.push_str("\n## Timeline\n\n| When | Weeks | Step | Hours |\n|---|---|---|---|\n");
    for (i, s) in p.timeline.iter().enumerate() {
        let step = markdown_step(p, marks, i);
        let _ = writeln!(
            o,
            "| {} | {}-{} | {}{} | {} |",
            s.phase.label(),
            s.start_week,
            s.end_week,
            step,
            step_cost_text(s),
            s.hours
        );
    }
    o.push('\n');
    for n in &p.timeline_notes {
        let _ = writeln!(o, "- {n}");
    }
    let _ = writeln!(o, "- **Budget:** {}", p.budget.note);
    if let Some(marks) = marks {
        o.push_str(&progress_section(p, marks, true));
    }
    o.push_str("\n## Recommendations\n\n| # | Score | Item | Kind | Cost | Hours |\n|---|---|---|---|---|---|\n");
    for (i, r) in p.recommendations.iter().enumerate() {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} |",
            i + 1,
            r.score,
            r.name,
            r.kind,
            rec_cost_text(r),
            rec_hours_text(r)
        );
    }
    o.push_str("\n### Why these scores\n");
    for r in &p.recommendations {
        let _ = writeln!(o, "\n**{}** ({}/100)\n", r.name, r.score);
        for f in &r.reasons {
            let _ = writeln!(o, "- {} {}", points(f.points), f.text);
        }
    }
    if p.avoid.iter().any(|a| !a.not_for_you_now) {
        o.push_str("\n## Avoid\n\n");
        for a in p.avoid.iter().filter(|a| !a.not_for_you_now) {
            let _ = writeln!(o, "- **{}**: {}", a.name, a.reasons.join("; "));
        }
    }
    if p.avoid.iter().any(|a| a.not_for_you_now) {
        o.push_str("\n## Not for you now\n\n");
        for a in p.avoid.iter().filter(|a| a.not_for_you_now) {
            let why = a.reasons.join("; ");
            let why = why.strip_prefix("not for you now: ").unwrap_or(&why);
            let _ = writeln!(o, "- **{}**: {why}", a.name);
        }
    }
    let _ = writeln!(o, "\n## {}\n", p.signals_heading());
    for (label, _, s) in signal_rows(p) {
        let _ = writeln!(o, "- **{label}**: {}/100", s.score);
        for f in &s.reasons {
            let _ = writeln!(o, "  - {} {}", points(f.points), f.text);
        }
    }
    if !p.assumed.is_empty() {
        let assumed: Vec<String> = p.assumed.iter().map(|a| answer_text(kb, a)).collect();
        let _ = writeln!(o, "\n_Assumed: {}._", assumed.join("; "));
    }
    let _ = writeln!(
        o,
        "\n_Made with certwise, {}._",
        knowledge_text(&p.knowledge_version)
    );
    o
}

/// "; in all, the timeline schedules about 120 h building and 30 h study" when the timeline's
/// totals are known, with the share those totals really make when it is 5 points or more away
/// from the weekly split (a long exam's preparation, a plan capped at a year). The text, the
/// Markdown and the session all say it with this.
pub fn totals_text(sp: &crate::advisor::Split) -> String {
    let total = sp.build_hours_total + sp.study_hours_total;
    if total == 0 {
        return String::new();
    }
    let share = (sp.build_hours_total * 100 + total / 2) / total;
    let off = share.abs_diff(u32::from(sp.build_percent)) >= 5;
    format!(
        "; in all, the timeline schedules about {} h building and {} h study{}{}",
        sp.build_hours_total,
        sp.study_hours_total,
        if off {
            format!(", so {share}% of the plan is building")
        } else {
            String::new()
        },
        // With no weekly study hour (one hour a week), the study still in the plan comes first.
        if sp.study_hours_per_week == 0 && sp.study_hours_total > 0 {
            ", the study first, with the whole hour"
        } else {
            ""
        }
    )
}

/// A step's price by its route: ", free audit", ", USD 150", ", cost not known", or nothing for
/// free work.
pub fn step_cost_text(s: &crate::advisor::Step) -> String {
    match (&s.route, s.cost_unknown, s.cost_usd.max) {
        (_, true, _) => ", cost not known".to_owned(),
        (Some(route), _, _) => format!(", {route}"),
        (None, _, 0) => String::new(),
        (None, _, _) => format!(", {}", crate::advisor::cost_text(s.cost_usd)),
    }
}

/// A knowledge version as people read it: "the catalog of 2026-11-30" for `catalog-2026-11-30`.
pub fn knowledge_text(version: &str) -> String {
    version.strip_prefix("catalog-").map_or_else(
        || version.to_owned(),
        |date| format!("the catalog of {date}"),
    )
}
