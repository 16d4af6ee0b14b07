//! Plan: a timeline a person could follow. From what fits and how it ranks, it picks at most one
//! course and one certification, project briefs chosen for the person, and a write-up or talk;
//! prices each by the route the person takes within the budget; and lays the work out on two
//! tracks (build and study) that share the weekly hours, so that neither idles while the other
//! has work.

use crate::advisor::fit::Person;
use crate::advisor::{Budget, Phase, Recommendation, Split, Step, Track, cost_text, plural};
use crate::knowledge::{
    Audience, Brief, Entry, Fee, Field, Kind, Knowledge, Level, Range, Stage, Strategy,
};

/// A certification scores at least this to be scheduled.
pub const CERT_MIN_SCORE: u8 = 50;
/// Steps starting after this week are "later".
const NEXT_UNTIL_WEEK: u32 = 12;
/// A course is time-boxed to this many weeks at the person's study share.
pub const COURSE_BOX_WEEKS: u32 = 12;

/// A course this short (in hours) is never boxed.
pub const SHORT_COURSE_HOURS: u32 = 10;
/// A timeline running past this many weeks says how long it runs.
pub const LONG_WEEKS: u32 = 26;
/// Hours of the first step for people with no platform named.
const FIND_PLATFORM_HOURS: u32 = 2;

/// The track a catalog kind is done on: courses and certifications are study, everything else
/// is building.
pub fn track_of(kind: Kind) -> Track {
    if kind.is_study() {
        Track::Study
    } else {
        Track::Build
    }
}

/// One thing to schedule.
#[derive(Debug, Clone)]
struct Item {
    key: String,
    id: String,
    title: String,
    track: Track,
    /// Work in hundredths of an hour (a time-boxed course can end mid-hour).
    work: u64,
    brief: Option<Brief>,
    route: Option<String>,
    cost: Range,
    cost_unknown: bool,
}

/// The timeline, the notes that go with it, what it costs, and how each strategy step is met.
pub struct Laid {
    pub steps: Vec<Step>,
    pub notes: Vec<String>,
    pub budget: Budget,
    /// One sentence per strategy step: where the timeline does it, or why it does not.
    pub step_notes: Vec<String>,
    /// Build and study hours scheduled in all.
    pub totals: (u32, u32),
}

fn rec<'r>(recs: &'r [Recommendation], id: &str) -> Option<&'r Recommendation> {
    recs.iter().find(|r| r.id == id)
}

/// Whether a course is wanted at all, and if not, why not.
fn course_wanted(p: &Person, strategy: &Strategy, structured: bool) -> Result<(), String> {
    if p.needs_basics || p.goal == "learn-concepts" {
        return Ok(());
    }
    match strategy.id.as_str() {
        "career-changer" | "student" if !p.hands_on => Ok(()),
        "professional" if structured => Ok(()),
        _ if p.hands_on => Err("no course: you already have hands-on AI experience".to_owned()),
        _ => Err("no course: you know the basics, so your hours go to building".to_owned()),
    }
}

/// Whether a certification is wanted at all, and if not, why not.
fn certification_wanted(
    p: &Person,
    strategy: &Strategy,
    employer_rewards: Option<bool>,
    certs_weigh_more: bool,
) -> Result<(), String> {
    if strategy.id == "enterprise" || p.governance.is_some() {
        return Ok(());
    }
    // Where certificates weigh more (a visa, a country's hiring), a student's one credential on
    // the platform the jobs use is worth its place, still after the experience.
    if p.student && certs_weigh_more && p.platform.is_some() {
        return Ok(());
    }
    if p.student {
        return Err(if certs_weigh_more {
            "no certification yet: for a student, experience comes first; where certificates weigh more, take one on the platform your target jobs use once you know it".to_owned()
        } else {
            "no certification yet: for a student, experience comes first".to_owned()
        });
    }
    // Staying in the job: a certification pays when the employer rewards it. Where credentials
    // weigh more (a regulated industry, say), that is a reason to ask, not to assume.
    if p.staying {
        return match employer_rewards {
            Some(true) => Ok(()),
            None if p.credentials_count => Err("no certification yet: where you work, credentials may count, but you are not sure your employer rewards one; ask your manager or HR which one, if any, before you pay".to_owned()),
            None => Err("no certification yet: you are not sure your employer rewards one; ask your manager or HR first, and let results at work count meanwhile".to_owned()),
            Some(false) => Err("no certification: your employer does not reward one, so results at work count more".to_owned()),
        };
    }
    if p.platform.is_some() && (p.credentials_count || strategy.id == "career-changer") {
        return Ok(());
    }
    if p.platform.is_none() {
        Err("no certification yet: a vendor certification counts only once you know which platform your target jobs use".to_owned())
    } else {
        Err("no certification: the jobs you want look at what you build first".to_owned())
    }
}

/// How well a brief suits the person; `None` when it does not suit them at all.
fn brief_score(p: &Person, b: &Brief, wanted: Stage, workplace_first: bool) -> Option<i32> {
    // Code, as for code-first courses: a developer, a student, or someone technical who works
    // with AI hands-on.
    if b.needs_coding && !(p.developer || p.student || (p.technical && p.hands_on)) {
        return None;
    }
    if b.workplace && p.student {
        return None;
    }
    if b.job_search && p.staying {
        return None;
    }
    if b.platform.is_some() && b.platform != p.platform {
        return None;
    }
    // A brief from another field is not for you, unless it is a build on your platform (then the
    // platform is the point, and its field only the example).
    if !b.fields.is_empty() && !b.suits_field(p.field) && p.field.is_some() && b.platform.is_none()
    {
        return None;
    }
    // Made for someone like you: your kind of work (audience), your field, or your platform.
    // Otherwise a governance review lands in a student's plan, or a leader's portfolio in an
    // individual contributor's, only because nothing closer was left.
    // Your field is "other" (or not known): a brief made for one named field is a guess at it.
    if p.field.is_none() && !p.student && !b.fields.is_empty() && b.platform.is_none() {
        return None;
    }
    let audience_fits = b.audience.iter().any(|a| p.audiences.contains(a));
    let field_fits = !b.fields.is_empty() && b.suits_field(p.field);
    if !audience_fits && !field_fits && b.platform.is_none() {
        return None;
    }
    let mut score = 0;
    if b.stage == wanted {
        score += 40;
    } else if wanted == Stage::Depth && b.stage == Stage::Core {
        score += 5;
    } else if (wanted != Stage::Depth && b.stage == Stage::Depth)
        || (wanted == Stage::Depth && b.stage == Stage::First)
    {
        return None;
    }
    if p.field.is_some() && b.suits_field(p.field) && !b.fields.is_empty() {
        score += 20;
    } else if b.fields.is_empty() {
        score += 8;
    } else if p.field.is_none() {
        // Your field is not known: a brief made for one field is a guess.
        score -= 10;
    }
    if b.audience.iter().any(|a| p.audiences.contains(a)) {
        score += 15;
    }
    // Someone in or moving into governance, risk or audit shows it with governance work first.
    if p.governance.is_some() && b.audience.contains(&Audience::Governance) {
        score += 40;
    }
    if b.platform.is_some() {
        score += 10;
    }
    if workplace_first && b.workplace {
        score += 25;
    }
    // Developers show what they can build in code; a no-code brief undersells them.
    if p.developer && !b.needs_coding {
        score -= 30;
    } else if p.technical && !b.needs_coding && !b.workplace {
        score -= 10;
    }
    Some(score)
}

/// The briefs for this person, best first: `count` of them, the one on `pair_with` (a
/// certification's platform) among them when one suits.
fn choose_briefs<'k>(
    kb: &'k Knowledge,
    p: &Person,
    count: usize,
    wanted: Stage,
    workplace_first: bool,
) -> Vec<&'k Brief> {
    let mut scored: Vec<(i32, &Brief)> = kb
        .projects
        .iter()
        .filter_map(|b| brief_score(p, b, wanted, workplace_first).map(|s| (s, b)))
        .collect();
    scored.sort_by(|(sa, a), (sb, b)| sb.cmp(sa).then_with(|| a.id.cmp(&b.id)));
    // A talk or an article is about something built: one of them at most, so the plan builds.
    let mut told = false;
    scored.retain(|(_, b)| {
        let tells = TELLING_BRIEFS.contains(&b.id.as_str());
        let keep = !(tells && told);
        told |= tells;
        keep
    });
    let mut chosen: Vec<&Brief> = scored.iter().take(count).map(|(_, b)| *b).collect();
    // A certification on a platform is paired with a project on the same platform.
    if let Some(platform) = p.platform
        && !chosen.iter().any(|b| b.platform == Some(platform))
        && let Some((_, b)) = scored.iter().find(|(_, b)| b.platform == Some(platform))
    {
        if chosen.len() >= 2 {
            chosen.pop();
        }
        chosen.insert(chosen.len().min(1), b);
    }
    chosen
}

/// Briefs that present a project rather than build one.
const TELLING_BRIEFS: [&str; 2] = ["technical-article-on-project", "meetup-talk-with-demo"];

fn brief_item(b: &Brief) -> Item {
    Item {
        key: b.id.clone(),
        id: brief_entry(b).to_owned(),
        title: b.title.clone(),
        track: Track::Build,
        work: u64::from(b.hours()) * 100,
        brief: Some(b.clone()),
        route: None,
        cost: Range::default(),
        cost_unknown: false,
    }
}

/// The catalog entry a brief counts as (so progress and signals see a project).
fn brief_entry(b: &Brief) -> &'static str {
    if b.workplace {
        "workplace-project"
    } else if b.platform.is_some_and(crate::knowledge::Platform::is_cloud) {
        "cloud-project"
    } else {
        "portfolio-project"
    }
}

fn entry_item(e: &Entry, r: &Recommendation, hours: u32) -> Item {
    Item {
        key: e.id.clone(),
        id: e.id.clone(),
        title: e.name.clone(),
        track: track_of(e.kind),
        work: u64::from(hours) * 100,
        brief: None,
        route: None,
        cost: if r.cost_unknown {
            Range::default()
        } else {
            r.cost_usd
        },
        cost_unknown: r.cost_unknown,
    }
}

/// Lays items out week by week: each track gets its share of the weekly hours; a track with no
/// work left gives its hours to the other, within the same week. Returns, per item, the first
/// and last week it is worked on.
fn schedule(items: &[Item], split: &Split) -> Vec<(u32, u32)> {
    let mut left: Vec<u64> = items.iter().map(|i| i.work).collect();
    let mut weeks = vec![(0u32, 0u32); items.len()];
    let queue = |track: Track| -> Vec<usize> {
        items
            .iter()
            .enumerate()
            .filter(|(_, i)| i.track == track)
            .map(|(n, _)| n)
            .collect()
    };
    let (build, study) = (queue(Track::Build), queue(Track::Study));
    let mut work_on = |order: &[usize], mut cap: u64, week: u32, left: &mut Vec<u64>| -> u64 {
        for &n in order {
            if cap == 0 {
                break;
            }
            if left[n] == 0 {
                continue;
            }
            if weeks[n].0 == 0 {
                weeks[n].0 = week;
            }
            let done = cap.min(left[n]);
            left[n] -= done;
            cap -= done;
            weeks[n].1 = week;
        }
        cap
    };
    let total = u64::from(split.build_hours_per_week + split.study_hours_per_week) * 100;
    if total == 0 {
        return weeks;
    }
    // With no study hours at all (1 hour a week), study comes first: the basics before the
    // building they are for.
    let (study_share, build_share) = if split.study_hours_per_week == 0 && !study.is_empty() {
        (u64::from(split.build_hours_per_week) * 100, 0)
    } else {
        (
            u64::from(split.study_hours_per_week) * 100,
            u64::from(split.build_hours_per_week) * 100,
        )
    };
    let mut week = 0;
    while left.iter().any(|l| *l > 0) && week < 10_000 {
        week += 1;
        let spare_s = work_on(&study, study_share, week, &mut left);
        let spare_b = work_on(&build, build_share + spare_s, week, &mut left);
        work_on(&study, spare_b, week, &mut left);
    }
    weeks
}

/// What the plan needs beyond the ranking.
pub struct Inputs<'a> {
    pub kb: &'a Knowledge,
    pub person: &'a Person,
    pub strategy: &'a Strategy,
    pub recs: &'a [Recommendation],
    pub structured: bool,
    /// Whether the employer rewards certifications: yes, no, or `None` when the person is not
    /// sure.
    pub employer_rewards: Option<bool>,
    pub certs_weigh_more: bool,
    /// Reasons fit gave for entries over the budget, by id.
    pub over_budget: Vec<(String, String)>,
}

/// Makes the timeline.
#[allow(
    clippy::too_many_lines,
    reason = "one pass over the plan's parts, in the order a person reads them"
)]
pub fn plan(inp: &Inputs<'_>, split: &Split) -> Laid {
    let (kb, p, strategy, recs) = (inp.kb, inp.person, inp.strategy, inp.recs);
    let mut notes: Vec<String> = Vec::new();
    let mut study: Vec<Item> = Vec::new();
    let mut build: Vec<Item> = Vec::new();
    let mut spent: u32 = 0;
    let mut course_note;
    let mut cert_note = None;
    // The course's name when the plan has room for its first part only.
    let mut course_boxed: Option<String> = None;
    // "After this one, ...": only when a certification is in the plan.
    let mut later_note: Option<String> = None;

    // A first step when no platform is named and one would matter.
    let find_platform = p.platform.is_none()
        && p.governance.is_none()
        && (p.job_seeking || (p.staying && inp.employer_rewards == Some(true)));
    if find_platform {
        let (id, title) = if p.staying {
            (
                "find-employer-platform",
                "Find out which cloud or AI platform your employer uses (ask IT or your manager)",
            )
        } else {
            (
                "find-target-platform",
                "Find out which cloud your target jobs use: read 10-20 postings you would apply to and note the platforms they name",
            )
        };
        build.push(Item {
            key: id.to_owned(),
            id: id.to_owned(),
            title: title.to_owned(),
            track: Track::Build,
            work: u64::from(FIND_PLATFORM_HOURS) * 100,
            brief: None,
            route: None,
            cost: Range::default(),
            cost_unknown: false,
        });
        notes.push("Until you know the platform, the plan offers vendor-neutral options; once you know it, answer the platform question and plan again.".to_owned());
    }

    // The certification: at most one, scheduled after the course.
    let certs: Vec<&Recommendation> = recs
        .iter()
        .filter(|r| {
            r.kind == Kind::Certification
                && r.score >= CERT_MIN_SCORE
                && !r.hours_unknown
                && kb
                    .entry(&r.id)
                    .is_some_and(|e| e.tier.is_some_and(|t| t <= 2))
        })
        .collect();
    let mut cert: Option<Item> = None;
    match certification_wanted(p, strategy, inp.employer_rewards, inp.certs_weigh_more) {
        Ok(()) => {
            // Free before paid: a free certification that fits comes first whatever the budget,
            // so more money never swaps it for a paid one (the paid one becomes the next step).
            // Someone in governance, risk, audit or security gets a credential made for that
            // work first (the AAIR a CRISC holder qualifies for, not a cloud fundamentals exam).
            let governance = |r: &&&Recommendation| {
                kb.entry(&r.id)
                    .is_some_and(|e| e.audience.contains(&Audience::Governance))
            };
            let chosen = if p.governance.is_some() && certs.iter().any(|r| governance(&r)) {
                certs.iter().find(governance)
            } else {
                certs
                    .iter()
                    .find(|r| r.route_cost_min == 0 && !r.cost_unknown)
                    .or_else(|| certs.first())
            };
            if let Some(best) = chosen {
                if let Some(e) = kb.entry(&best.id) {
                    let fee = if best.cost_unknown {
                        0
                    } else {
                        best.cost_usd.max
                    };
                    if best.cost_unknown && p.budget == 0 {
                        // Nothing to spend, and a fee nobody has published: not in the plan.
                        notes.push(format!(
                            "{} is left out: its exam fee is not published, and your budget is USD 0. Find out the fee (an employer may pay it) before you plan for it.",
                            e.name
                        ));
                        cert_note = Some(format!(
                            "no certification: {}'s fee is not known and your budget is USD 0",
                            e.name
                        ));
                    } else if fee <= p.budget {
                        let mut item = entry_item(e, best, best.prep_hours.mid().max(1));
                        item.route = Some(if best.cost_unknown {
                            "exam fee not known: check it before you book".to_owned()
                        } else {
                            format!("exam fee {}", cost_text(best.cost_usd))
                        });
                        spent += fee;
                        cert_note = Some(
                            if p.governance.is_some()
                                && e.platform.is_none()
                                && e.audience.contains(&Audience::Governance)
                            {
                                format!(
                                    "in the timeline: {}, a credential for governance work rather than a cloud one",
                                    e.name
                                )
                            } else {
                                format!("in the timeline: {}", e.name)
                            },
                        );
                        cert = Some(item);
                    } else {
                        notes.push(format!(
                            "{} would cost {}, more than your budget of USD {} allows: ask your employer to pay, save for it while you build, or let your projects speak first.",
                            e.name,
                            cost_text(best.cost_usd),
                            p.budget
                        ));
                    }
                }
                let later: Vec<&str> = certs
                    .iter()
                    .filter(|r| r.id != best.id)
                    .take(2)
                    .map(|r| r.name.as_str())
                    .collect();
                // Said once the certification is known to stay in the plan (below).
                if !later.is_empty() {
                    later_note = Some(format!(
                        "One certification at a time. After this one, only if your target jobs ask for it: {}.",
                        later.join("; ")
                    ));
                }
            } else {
                let why = inp
                    .over_budget
                    .iter()
                    .find(|(id, _)| {
                        kb.entry(id).is_some_and(|e| {
                            e.kind == Kind::Certification
                                && e.platform == p.platform
                                && p.platform.is_some()
                        })
                    })
                    .map(|(id, why)| {
                        format!(
                            "{} {why}",
                            kb.entry(id).map_or(id.as_str(), |e| e.name.as_str())
                        )
                    });
                cert_note = Some(why.map_or_else(
                    || "no certification: none that fits you scores high enough to be worth the money".to_owned(),
                    |w| format!("no certification within your budget: {w}"),
                ));
            }
        }
        Err(why) => cert_note = Some(why),
    }

    // The course: at most one, time-boxed, before the exam.
    match course_wanted(p, strategy, inp.structured) {
        Ok(()) => {
            // Free before paid: the best course with a free route when one suits the person, so
            // that more budget never swaps a free course for a paid one.
            let suits = |r: &&Recommendation| {
                r.kind == Kind::Course
                    && !r.hours_unknown
                    && kb.entry(&r.id).is_some_and(|e| {
                        if p.needs_basics {
                            e.level == Level::Foundational
                        } else {
                            p.hands_on == (e.level != Level::Foundational) || !p.hands_on
                        }
                    })
            };
            let free = recs.iter().filter(suits).find(|r| r.route_cost_min == 0);
            let pick = free.or_else(|| {
                recs.iter()
                    .filter(|r| r.kind == Kind::Course && !r.hours_unknown)
                    .find(|r| {
                        kb.entry(&r.id).is_some_and(|e| {
                            if p.needs_basics {
                                e.level == Level::Foundational
                            } else {
                                p.hands_on == (e.level != Level::Foundational) || !p.hands_on
                            }
                        })
                    })
            });
            if let Some(r) = pick
                && let Some(e) = kb.entry(&r.id)
            {
                let hours = r.prep_hours.mid().max(1);
                // The box: 12 weeks at the study share of the weekly hours, in hundredths of an
                // hour, so that more hours never make the plan longer.
                let boxed = u64::from(COURSE_BOX_WEEKS)
                    * u64::from(p.hours)
                    * u64::from(split.planned_study_percent.max(10));
                let mut item = entry_item(e, r, hours);
                // A short course is done whole: cutting a 5-hour course to 3 saves nothing.
                if hours > SHORT_COURSE_HOURS && item.work > boxed {
                    course_boxed = Some(e.name.clone());
                    item.work = boxed;
                    // Rounded as the step's hours are, so the title and the step agree.
                    let boxed_h = u32::try_from(boxed.div_ceil(100)).unwrap_or(u32::MAX);
                    item.title = format!(
                        "{} (the first {} of {} h)",
                        e.name,
                        plural(boxed_h.max(1), "hour"),
                        hours
                    );
                    notes.push(format!(
                        "{} needs about {} h, more than {COURSE_BOX_WEEKS} weeks of your planned study share: the plan boxes it at about {} h. Do its first part, give study more hours, or pick a shorter course.",
                        e.name, hours, boxed_h.max(1)
                    ));
                }
                course_note = Some(format!("in the timeline: {}", e.name));
                study.push(item);
            } else {
                course_note = Some(
                    "no course: none that fits you is left after your budget and background"
                        .to_owned(),
                );
            }
        }
        Err(why) => course_note = Some(why),
    }
    // The certification follows the course in the study track. When the plan has room for the
    // course's first part only, it says to finish the course before the exam. (Taking the
    // certification out instead would give fewer hours a week a shorter plan, and more hours a
    // longer one.)
    if let Some(c) = cert {
        if let Some(course) = &course_boxed {
            notes.push(format!(
                "{} follows the first part of {course} here: finish the course before you sit the exam, or give study more hours.",
                c.title
            ));
        }
        study.push(c);
        notes.extend(later_note);
    }

    // Projects: briefs chosen for the person.
    let wanted = match p.projects_built.as_str() {
        "three-plus" => Stage::Depth,
        "one-or-two" => Stage::Core,
        _ => Stage::First,
    };
    let count = if p.staying {
        2
    } else {
        usize::try_from(strategy.projects.clamp(1, 3)).unwrap_or(2)
    };
    let count = if wanted == Stage::Depth { 2 } else { count };
    for b in choose_briefs(kb, p, count, wanted, p.staying) {
        build.push(brief_item(b));
    }
    // Open source, for those it suits, then writing or a talk for everyone.
    let mut tail = Vec::new();
    // A brief that is itself an open-source contribution stands for the open-source entry.
    let contributes = build.iter().any(|i| {
        i.brief
            .as_ref()
            .is_some_and(|b| b.id.contains("open-source"))
    });
    // A talk or an article chosen as a project is the writing-up: not a second one.
    let tells = build.iter().any(|i| {
        i.brief
            .as_ref()
            .is_some_and(|b| TELLING_BRIEFS.contains(&b.id.as_str()))
    });
    for id in ["open-source", "technical-content"] {
        if (id == "open-source" && contributes) || (id == "technical-content" && tells) {
            continue;
        }
        if let Some(r) = rec(recs, id)
            && let Some(e) = kb.entry(id)
            && (id == "technical-content" || r.score >= 50)
        {
            let hours = r.prep_hours.mid().max(1);
            let mut item = entry_item(e, r, hours);
            if id == "technical-content" {
                "Write up what you built, or give a short talk on it".clone_into(&mut item.title);
            }
            tail.push(item);
        }
    }
    // When the study outweighs the building share (a long exam's preparation, say), the plan
    // says the share it really has (`render::totals_text`): adding projects to make up for it
    // would make the plan depend on the budget and the hours a week in ways that surprise.
    build.extend(tail);

    let mut items: Vec<Item> = build.into_iter().chain(study).collect();
    let mut weeks = schedule(&items, split);

    // Price the course by the route the person can take: paid for the months it really runs
    // when the budget allows, else the free audit, else it leaves the plan.
    if let Some(n) = items.iter().position(|i| {
        i.track == Track::Study && kb.entry(&i.id).is_some_and(|e| e.kind == Kind::Course)
    }) {
        let e = kb.entry(&items[n].id);
        let run_weeks = weeks[n].1.saturating_sub(weeks[n].0) + 1;
        let months = (run_weeks * 12).div_ceil(52).max(1);
        let pricing = e.and_then(|e| e.pricing.clone());
        let (paid, label) = match pricing.as_ref().map(|p| &p.fee) {
            Some(Fee::Subscription { per_month_usd, .. }) => (
                Some(per_month_usd * months),
                format!(
                    "USD {per_month_usd} a month for {}",
                    plural(months, "month")
                ),
            ),
            Some(Fee::OneOff(r)) => (Some(r.max), format!("one-off fee {}", cost_text(*r))),
            Some(Fee::Free) => (Some(0), "free".to_owned()),
            Some(Fee::Unknown) => (None, "price not known: check before you pay".to_owned()),
            None => (Some(items[n].cost.max), cost_text(items[n].cost)),
        };
        let free = pricing.as_ref().and_then(|p| p.free_route.clone());
        // The certificate of a course is worth paying for only where it carries some hiring
        // signal; otherwise the free audit teaches the same.
        let certificate_counts =
            e.is_some_and(|e| e.hiring_signal >= crate::knowledge::Rating::Moderate);
        match (paid, free) {
            (Some(c), Some(free)) if c > 0 && !certificate_counts => {
                items[n].cost = Range::default();
                items[n].route = Some(format!("free audit: {free}"));
            }
            (Some(c), _) if spent + c <= p.budget => {
                items[n].cost = Range { min: c, max: c };
                items[n].route = Some(label);
            }
            (None, _) => {
                items[n].cost_unknown = true;
                items[n].route = Some(label);
            }
            (Some(c), Some(free)) => {
                items[n].cost = Range::default();
                items[n].route = Some(format!("free audit: {free}"));
                if c > 0 {
                    notes.push(format!(
                        "{}: the plan takes the free audit, because the paid route ({label}, USD {c}) would go over your budget of USD {}.",
                        items[n].title, p.budget
                    ));
                }
            }
            (Some(c), None) => {
                notes.push(format!(
                    "Left out for your budget of USD {}: {} ({label}); a free course covers the basics too.",
                    p.budget, items[n].title
                ));
                course_note = Some(format!(
                    "no course within your budget: {} costs USD {c}",
                    items[n].title
                ));
                items.remove(n);
                weeks = schedule(&items, split);
            }
        }
    }

    let mut steps: Vec<Step> = items
        .iter()
        .zip(&weeks)
        .filter(|(_, w)| w.0 > 0)
        .map(|(i, &(start, end))| Step {
            phase: match start {
                1 => Phase::First,
                w if w <= NEXT_UNTIL_WEEK => Phase::Next,
                _ => Phase::Later,
            },
            id: i.id.clone(),
            title: i.title.clone(),
            track: i.track,
            start_week: start,
            end_week: end,
            hours: u32::try_from(i.work.div_ceil(100)).unwrap_or(u32::MAX),
            key: i.key.clone(),
            brief: i.brief.as_ref().map(|b| b.id.clone()),
            problem: i.brief.as_ref().map(|b| b.problem.clone()),
            milestones: i
                .brief
                .as_ref()
                .map(|b| b.milestones.clone())
                .unwrap_or_default(),
            route: i.route.clone(),
            cost_usd: i.cost,
            cost_unknown: i.cost_unknown,
        })
        .collect();
    steps.sort_by_key(|s| (s.start_week, s.track == Track::Study, s.end_week));

    let last = steps.iter().map(|s| s.end_week).max().unwrap_or(0);
    let build_total: u32 = steps
        .iter()
        .filter(|s| s.track == Track::Build)
        .map(|s| s.hours)
        .sum();
    let study_total: u32 = steps
        .iter()
        .filter(|s| s.track == Track::Study)
        .map(|s| s.hours)
        .sum();
    if let Some(end) = steps
        .iter()
        .filter(|s| s.track == Track::Study)
        .map(|s| s.end_week)
        .max()
        && end < last
        && split.study_hours_per_week > 0
    {
        notes.push(match &course_boxed {
            Some(course) => format!(
                "After week {end} the planned study (the first part of {course}) is done, so all {} a week go to building; finish the course after the plan, or give study more hours.",
                plural(p.hours, "hour")
            ),
            None => format!(
                "After week {end} the study is done, so all {} a week go to building.",
                plural(p.hours, "hour")
            ),
        });
    }
    if let Some(end) = steps
        .iter()
        .filter(|s| s.track == Track::Build)
        .map(|s| s.end_week)
        .max()
        && end < last
        && steps
            .iter()
            .any(|s| s.track == Track::Study && s.end_week > end)
    {
        notes.push(format!(
            "After week {end} the building is done, so all {} a week go to study.",
            plural(p.hours, "hour")
        ));
    }
    if p.hours <= 2 {
        notes.push(format!(
            "At {} a week, progress is slow: one small project at a time is realistic; if you can find more hours, the plan shortens.",
            plural(p.hours, "hour")
        ));
    } else if p.hours >= 50 {
        notes.push("More than 50 hours a week on top of life is hard to keep up: plan rest weeks, and spend spare time applying and meeting people.".to_owned());
    }
    if p.regulated
        || matches!(
            p.field,
            Some(Field::Healthcare | Field::Finance | Field::Legal | Field::Government)
        )
    {
        notes.push("Use synthetic or de-identified data and your organisation's approved AI tools for these projects: never paste patient, client or confidential data into a public AI service.".to_owned());
    }
    if last > LONG_WEEKS {
        notes.push(format!(
            "At {} a week this timeline runs {}, {}: fine if you know it, but more hours a week bring it closer.",
            plural(p.hours, "hour"),
            plural(last, "week"),
            duration_text(last)
        ));
    }
    if let Some(r) = rec(recs, "internship")
        && r.score >= 50
        && (p.student || p.job_seeking)
    {
        notes.push("Apply for internships while you build: they are work with their own schedule, not hours of your week, and your first project is what you show when you apply.".to_owned());
    }
    if p.job_seeking && (p.technical || p.student) {
        notes.push("Before you apply, practise technical interviews: explain each project's choices aloud and work through a few AI system-design questions.".to_owned());
    }
    if inp.certs_weigh_more {
        notes.push("Where certificates weigh more (a visa or a country's rules), check which credentials the authority recognises before you pay for one.".to_owned());
    }
    let usage = Usage {
        titles: steps
            .iter()
            .filter(|s| {
                s.brief.as_ref().is_some_and(|id| {
                    kb.projects.iter().any(|b| {
                        &b.id == id && b.platform.is_some_and(crate::knowledge::Platform::is_cloud)
                    })
                })
            })
            .map(|s| s.title.clone())
            .collect(),
        estimate: kb
            .entry("cloud-project")
            .map_or(Range::default(), |e| e.cost_usd),
    };
    let budget = budget_of(&steps, p.budget, &usage);
    let step_notes = strategy
        .steps
        .iter()
        .map(|s| {
            step_note(
                &s.about,
                &steps,
                (course_note.as_deref(), cert_note.as_deref()),
                (build_total, study_total),
                |id| {
                    kb.projects
                        .iter()
                        .find(|b| b.id == id)
                        .is_some_and(|b| b.platform.is_some() && b.platform == p.platform)
                },
            )
        })
        .collect();
    Laid {
        steps,
        notes,
        budget,
        step_notes,
        totals: (build_total, study_total),
    }
}

/// How a strategy step is met: the timeline step that does it, or why it is not in the plan.
///
/// `on_platform` says whether a brief (by id) is built on the person's platform.
fn step_note(
    about: &str,
    steps: &[Step],
    (course, cert): (Option<&str>, Option<&str>),
    (build, study): (u32, u32),
    on_platform: impl Fn(&str) -> bool,
) -> String {
    let find =
        |pred: &dyn Fn(&Step) -> bool| steps.iter().find(|s| pred(s)).map(|s| s.title.clone());
    let any_project = || {
        find(&|s| s.brief.is_some()).map_or_else(
            || "no project: nothing suits you yet".to_owned(),
            |t| format!("in the timeline: {t}"),
        )
    };
    match about {
        "course" => course.unwrap_or("no course").to_owned(),
        "certification" => cert.unwrap_or("no certification").to_owned(),
        "projects" => any_project(),
        // A step about building on the platform points to the project on it.
        "platform-projects" => find(&|s| s.brief.as_deref().is_some_and(&on_platform))
            .map_or_else(any_project, |t| format!("in the timeline: {t}")),
        // A step about applying AI at work points to the project done at work.
        "work-projects" => find(&|s| s.id == "workplace-project")
            .map_or_else(any_project, |t| format!("in the timeline: {t}")),
        "open-source" => find(&|s| s.id == "open-source").map_or_else(
            || "not scheduled: open source does not score high enough for you now".to_owned(),
            |t| format!("in the timeline: {t}"),
        ),
        "communicate" => find(&|s| s.id == "technical-content").map_or_else(
            || "each project ends with a write-up or demo".to_owned(),
            |t| format!("in the timeline: {t}, and each project ends with a write-up or demo"),
        ),
        "internship" => "a note: apply while you build".to_owned(),
        // The share the timeline really has, next to the step that names one.
        "split" if build + study > 0 => {
            let total = build + study;
            let share = (build * 100 + total / 2) / total;
            format!(
                "the timeline's hours: {share}% building ({build} h) and {}% study ({study} h)",
                100 - share
            )
        }
        "apply" => "a note: apply once your projects show the skills".to_owned(),
        _ => "guidance for the whole plan".to_owned(),
    }
}

/// What the scheduled steps cost together, against the budget, said plainly.
/// The projects of a plan that run on a cloud, and what a cloud project's usage may cost.
struct Usage {
    titles: Vec<String>,
    estimate: Range,
}

fn budget_of(steps: &[Step], budget: u32, usage: &Usage) -> Budget {
    let (mut min, mut max) = (0u32, 0u32);
    let mut unknown = Vec::new();
    for s in steps {
        if s.cost_unknown {
            unknown.push(s.title.clone());
            continue;
        }
        min = min.saturating_add(s.cost_usd.min);
        max = max.saturating_add(s.cost_usd.max);
    }
    let cost = Range { min, max };
    let mut note = if max == 0 {
        format!("The timeline costs nothing; your budget is USD {budget}.")
    } else {
        format!(
            "The timeline costs {} in all, within your budget of USD {budget}.",
            cost_text(cost)
        )
    };
    if !unknown.is_empty() {
        note = format!(
            "{note} The cost of {} is not known and not counted: check it before you pay.",
            unknown.join(", ")
        );
    }
    // A project on a cloud runs on paid resources. Fees are what the plan spends; usage depends
    // on how the project is run, so it is said, with the catalog's estimate, and not counted.
    if !usage.titles.is_empty() {
        note = format!(
            "{note} Cloud usage is not counted: {} can {}cost {} (a certwise estimate) unless {} on the free tier; set a spending alert before you start.",
            usage.titles.join("; "),
            if usage.titles.len() > 1 { "each " } else { "" },
            cost_text(usage.estimate),
            if usage.titles.len() > 1 {
                "they stay"
            } else {
                "it stays"
            }
        );
    }
    Budget {
        budget_usd: budget,
        timeline_cost_usd: cost,
        within_budget: max <= budget && unknown.is_empty(),
        cost_unknown: unknown,
        note,
    }
}

/// "about 7 months" or "about 2.5 years".
fn duration_text(weeks: u32) -> String {
    if weeks < 78 {
        let months = (weeks * 12).div_ceil(52);
        format!("about {}", plural(months, "month"))
    } else {
        let tenths = (weeks * 10 + 26) / 52;
        format!("about {}.{} years", tenths / 10, tenths % 10)
    }
}
