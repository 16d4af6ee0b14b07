//! The three things the seeds say get people hired: understanding the basics, having built
//! something real, communicating it clearly. Each is scored for where the plan leaves the person.

use crate::advisor::{Factor, Signal, Signals, Step, settle};
use crate::interview::Resolved;
use crate::knowledge::{Kind, Knowledge};

fn plans(
    timeline: &[Step],
    kb: &Knowledge,
    pred: impl Fn(&crate::knowledge::Entry) -> bool,
) -> usize {
    timeline
        .iter()
        .filter(|s| kb.entry(&s.id).is_some_and(&pred))
        .count()
}

fn signal(factors: Vec<Factor>) -> Signal {
    let (score, reasons) = settle(factors);
    Signal { score, reasons }
}

/// Scores the three hiring signals.
pub fn signals(r: &Resolved<'_>, timeline: &[Step], kb: &Knowledge) -> Signals {
    let courses = plans(timeline, kb, |e| e.kind.is_study());
    let projects = plans(timeline, kb, |e| e.kind == Kind::Project);
    let has = |id: &str| timeline.iter().any(|s| s.id == id);

    let mut basics = vec![match r.value("ai_experience") {
        "none" => Factor::new(10, "you are starting from scratch"),
        "basics" => Factor::new(35, "you know the basics already"),
        _ => Factor::new(55, "you have used AI hands-on"),
    }];
    if courses > 0 {
        basics.push(Factor::new(25, "the plan includes structured study"));
    }
    if projects > 0 {
        basics.push(Factor::new(
            10,
            "building teaches when AI is the right tool and when it is not",
        ));
    }
    if r.is("goal", "learn-concepts") {
        basics.push(Factor::new(
            10,
            "understanding the concepts is your stated goal",
        ));
    }

    let mut built = vec![match r.value("projects_built") {
        "none" => Factor::new(0, "no AI project built yet"),
        "one-or-two" => Factor::new(35, "you have built one or two AI projects"),
        _ => Factor::new(60, "you have built three or more AI projects"),
    }];
    if projects > 0 {
        let n = i32::try_from(projects.min(3)).unwrap_or(3);
        built.push(Factor::new(
            15 * n,
            format!(
                "the plan builds {}",
                crate::advisor::plural(u32::try_from(projects).unwrap_or(u32::MAX), "project")
            ),
        ));
    }
    if has("open-source") {
        built.push(Factor::new(
            10,
            "open-source contributions leave a public track record",
        ));
    }

    let mut communication = vec![Factor::new(15, "everyone can explain something")];
    match (r.is_asked("uses_ai_at_work"), r.value("uses_ai_at_work")) {
        (true, "daily") => communication.push(Factor::new(
            20,
            "you use AI daily and explain it to colleagues",
        )),
        (true, "sometimes") => {
            communication.push(Factor::new(10, "you use AI at work now and then"));
        }
        _ => {}
    }
    if has("technical-content") {
        communication.push(Factor::new(
            30,
            "the plan has you writing about what you build",
        ));
    }
    if has("networking") {
        communication.push(Factor::new(
            15,
            "meetups give you practice talking about your work",
        ));
    }
    if projects > 0 {
        communication.push(Factor::new(
            10,
            "every project needs a README that explains its choices",
        ));
    }

    Signals {
        basics: signal(basics),
        built: signal(built),
        communication: signal(communication),
    }
}
