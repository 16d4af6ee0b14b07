//! Progress on a plan: one definition shared by the session, `certwise plans`, the text and the
//! Markdown. What is tracked is the timeline: each step by its key, and each milestone of a
//! project step as `KEY#N` (1-based). Counts are of steps; milestones are ticked inside them.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::advisor::{Plan, Step};

/// Where a step or milestone stands.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Progress {
    #[default]
    Todo,
    Doing,
    Done,
}

impl Progress {
    /// The next mark when ticking: todo, doing, done, todo again.
    #[must_use]
    pub fn next(self) -> Self {
        match self {
            Progress::Todo => Progress::Doing,
            Progress::Doing => Progress::Done,
            Progress::Done => Progress::Todo,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Progress::Todo => "todo",
            Progress::Doing => "doing",
            Progress::Done => "done",
        }
    }

    /// `[ ]`, `[~]` or `[x]`.
    pub fn mark(self) -> &'static str {
        match self {
            Progress::Todo => "[ ]",
            Progress::Doing => "[~]",
            Progress::Done => "[x]",
        }
    }

    /// Reads `todo`, `doing` or `done`.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "todo" => Some(Progress::Todo),
            "doing" => Some(Progress::Doing),
            "done" => Some(Progress::Done),
            _ => None,
        }
    }
}

/// Progress by item key; an item not listed is to do.
pub type Marks = BTreeMap<String, Progress>;

/// A step of the timeline, or a milestone of one (both 0-based).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Item {
    Step(usize),
    Milestone(usize, usize),
}

/// A step's key; plans saved before steps had keys use the catalog id.
pub fn step_key(step: &Step) -> &str {
    if step.key.is_empty() {
        &step.id
    } else {
        &step.key
    }
}

/// The key of milestone `m` (0-based) of a step.
pub fn milestone_key(step: &Step, m: usize) -> String {
    format!("{}#{}", step_key(step), m + 1)
}

/// The key an item is saved under.
pub fn key(plan: &Plan, item: Item) -> Option<String> {
    match item {
        Item::Step(s) => plan.timeline.get(s).map(|st| step_key(st).to_owned()),
        Item::Milestone(s, m) => plan
            .timeline
            .get(s)
            .filter(|st| m < st.milestones.len())
            .map(|st| milestone_key(st, m)),
    }
}

/// Where an item stands.
pub fn of(plan: &Plan, marks: &Marks, item: Item) -> Progress {
    key(plan, item)
        .and_then(|k| marks.get(&k).copied())
        .unwrap_or_default()
}

/// Every item of the timeline in reading order: each step, then its milestones.
pub fn items(plan: &Plan) -> Vec<Item> {
    plan.timeline
        .iter()
        .enumerate()
        .flat_map(|(s, st)| {
            std::iter::once(Item::Step(s))
                .chain((0..st.milestones.len()).map(move |m| Item::Milestone(s, m)))
        })
        .collect()
}

/// How far a plan has got.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Timeline steps done, started, and in all.
    pub done: usize,
    pub doing: usize,
    pub total: usize,
    /// Project milestones done, and in all.
    pub milestones_done: usize,
    pub milestones_total: usize,
}

impl Counts {
    /// "2 of 5 steps done, 1 started" (and the milestones when there are any ticked).
    pub fn text(&self) -> String {
        use std::fmt::Write as _;
        let mut s = format!("{} of {} steps done", self.done, self.total);
        if self.doing > 0 {
            let _ = write!(s, ", {} started", self.doing);
        }
        if self.milestones_done > 0 {
            let _ = write!(
                s,
                "; {} of {} milestones",
                self.milestones_done, self.milestones_total
            );
        }
        s
    }

    /// "2/5 done", for tables, with the steps started when there are any ("0/4 done, 1
    /// doing"): the `done` and `doing` of `plans list --format json`.
    pub fn short(&self) -> String {
        if self.doing > 0 {
            format!("{}/{} done, {} doing", self.done, self.total, self.doing)
        } else {
            format!("{}/{} done", self.done, self.total)
        }
    }
}

/// The counts of a plan's progress.
pub fn counts(plan: &Plan, marks: &Marks) -> Counts {
    let mut c = Counts::default();
    for (s, st) in plan.timeline.iter().enumerate() {
        c.total += 1;
        match of(plan, marks, Item::Step(s)) {
            Progress::Done => c.done += 1,
            Progress::Doing => c.doing += 1,
            Progress::Todo => {}
        }
        c.milestones_total += st.milestones.len();
        c.milestones_done += (0..st.milestones.len())
            .filter(|m| of(plan, marks, Item::Milestone(s, *m)) == Progress::Done)
            .count();
    }
    c
}

/// Where a recommendation stands, from its steps on the timeline: done when every one is done,
/// started when any is; `None` when the timeline does not schedule it.
pub fn of_entry(plan: &Plan, marks: &Marks, id: &str) -> Option<Progress> {
    let steps: Vec<Progress> = plan
        .timeline
        .iter()
        .enumerate()
        .filter(|(_, st)| st.id == id)
        .map(|(s, _)| of(plan, marks, Item::Step(s)))
        .collect();
    if steps.is_empty() {
        None
    } else if steps.iter().all(|p| *p == Progress::Done) {
        Some(Progress::Done)
    } else if steps.iter().all(|p| *p == Progress::Todo) {
        Some(Progress::Todo)
    } else {
        Some(Progress::Doing)
    }
}

/// The steps scheduling a catalog entry.
pub fn steps_of(plan: &Plan, id: &str) -> Vec<usize> {
    plan.timeline
        .iter()
        .enumerate()
        .filter(|(_, st)| st.id == id)
        .map(|(s, _)| s)
        .collect()
}

/// Sets an item's mark, keeping a project's step and its milestones in agreement:
/// - a step marked done has every milestone done; marked to do, none;
/// - ticking a milestone starts a step still to do, ticking the last one finishes the step, and
///   taking the mark off a done milestone of a finished step reopens the step.
pub fn set(plan: &Plan, marks: &mut Marks, item: Item, to: Progress) {
    let Some(k) = key(plan, item) else { return };
    let was = marks.get(&k).copied().unwrap_or_default();
    put(marks, k, to);
    match item {
        Item::Step(s) => {
            if to != Progress::Doing {
                for m in 0..plan.timeline[s].milestones.len() {
                    put(marks, milestone_key(&plan.timeline[s], m), to);
                }
            }
        }
        Item::Milestone(s, _) => {
            let step = Item::Step(s);
            let n = plan.timeline[s].milestones.len();
            let all_done = (0..n).all(|m| of(plan, marks, Item::Milestone(s, m)) == Progress::Done);
            let now = of(plan, marks, step);
            let follow = if all_done {
                Progress::Done
            } else if (to != Progress::Todo && now == Progress::Todo)
                || (was == Progress::Done && now == Progress::Done)
            {
                Progress::Doing
            } else {
                now
            };
            if let Some(k) = key(plan, step) {
                put(marks, k, follow);
            }
        }
    }
}

/// Moves an item on to its next mark.
pub fn tick(plan: &Plan, marks: &mut Marks, item: Item) {
    let next = of(plan, marks, item).next();
    set(plan, marks, item, next);
}

fn put(marks: &mut Marks, key: String, to: Progress) {
    if to == Progress::Todo {
        marks.remove(&key);
    } else {
        marks.insert(key, to);
    }
}

/// The marks that apply to `plan`: marks of its steps and milestones as they are; a mark kept by
/// catalog id (plans saved before steps had keys, or a re-plan whose project changed brief)
/// applies to every step of that entry without a mark of its own; the rest is dropped.
pub fn carried(plan: &Plan, marks: &Marks) -> Marks {
    let mut out = Marks::new();
    for it in items(plan) {
        if let Some(k) = key(plan, it)
            && let Some(p) = marks.get(&k)
            && *p != Progress::Todo
        {
            out.insert(k, *p);
        }
    }
    for st in &plan.timeline {
        let k = step_key(st);
        if !out.contains_key(k)
            && !marks.contains_key(k)
            && let Some(p) = marks.get(&st.id)
            && *p != Progress::Todo
        {
            out.insert(k.to_owned(), *p);
        }
    }
    out
}

/// Reads a step as `certwise plans progress` takes it: its number as listed (`3`), a milestone
/// of it (`3.2`), or its key (`clinic-message-triage`, `clinic-message-triage.2`).
///
/// # Errors
/// A one-line message naming what is valid.
pub fn parse_item(plan: &Plan, text: &str) -> Result<Item, String> {
    let text = text.trim();
    let n = plan.timeline.len();
    if n == 0 {
        return Err("this plan's timeline has no steps to mark".to_owned());
    }
    let (head, milestone) = match text.rsplit_once('.') {
        Some((h, m)) if !m.is_empty() && m.bytes().all(|b| b.is_ascii_digit()) => (h, Some(m)),
        _ => (text, None),
    };
    let step = if !head.is_empty() && head.bytes().all(|b| b.is_ascii_digit()) {
        let max = u32::try_from(n).unwrap_or(u32::MAX);
        match crate::numbers::whole(head, 1, max) {
            Ok(i) => i as usize - 1,
            Err(_) => return Err(format!("no step {head:?}: the timeline has steps 1 to {n}")),
        }
    } else {
        plan.timeline
            .iter()
            .position(|st| step_key(st) == head)
            .or_else(|| {
                // A catalog id names its step when it has only one.
                let steps = steps_of(plan, head);
                (steps.len() == 1).then(|| steps[0])
            })
            .ok_or_else(|| {
                format!(
                    "no step {head:?} in this plan: use its number (1 to {n}) as `certwise plans show` lists it"
                )
            })?
    };
    match milestone {
        None => Ok(Item::Step(step)),
        Some(m) => {
            let count = plan.timeline[step].milestones.len();
            let max = u32::try_from(count).unwrap_or(u32::MAX);
            match crate::numbers::whole(m, 1, max) {
                Ok(i) if count > 0 => Ok(Item::Milestone(step, i as usize - 1)),
                _ if count == 0 => Err(format!("step {} has no milestones", step + 1)),
                _ => Err(format!(
                    "step {} has milestones 1 to {count}, not {m:?}",
                    step + 1
                )),
            }
        }
    }
}

/// How `certwise plans show` and the Markdown number an item: `3` or `3.2`.
pub fn label(item: Item) -> String {
    match item {
        Item::Step(s) => format!("{}", s + 1),
        Item::Milestone(s, m) => format!("{}.{}", s + 1, m + 1),
    }
}
