//! Scoring: every catalog entry gets 0-100 points for this person, each point explained.
//!
//! Each seed rule is one function below, so that a test can be named after it.

use crate::advisor::timeline::{
    LONG_STEP_WEEKS, track_hours, track_of, uses_weekly_hours, weeks_for,
};
use crate::advisor::{Avoid, Factor, Recommendation, Split, plural, settle};
use crate::interview::Resolved;
use crate::knowledge::{Entry, Kind, Level, Platform, Rating, Status, Strategy};

/// Entries scoring below this, with no other reason, go on the avoid list.
pub const AVOID_BELOW: u8 = 20;

/// What every rule looks at.
pub struct Ctx<'a, 'k> {
    pub r: &'a Resolved<'k>,
    pub strategy: &'a Strategy,
    /// The weekly hours of each track, as the timeline will use them.
    pub split: &'a Split,
}

impl Ctx<'_, '_> {
    fn target_platform(&self) -> Option<Platform> {
        Platform::parse(self.r.value("target_platform"))
    }

    fn regulated(&self) -> bool {
        matches!(
            self.r.value("industry"),
            "healthcare" | "finance" | "government"
        )
    }

    fn is_strategy(&self, id: &str) -> bool {
        self.strategy.id == id
    }

    /// Developers and cloud, data or ML engineers: people who already build software, whichever
    /// strategy their target picks.
    fn is_experienced_developer(&self) -> bool {
        matches!(self.r.value("role"), "developer" | "cloud-data-engineer")
    }
}

/// The entry's own worth, from the catalog.
pub fn base(_: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    out.push(Factor::new(i32::from(e.base_score), e.base_reason.clone()));
}

/// The strategy's own leanings, from strategies.ron.
pub fn strategy_emphasis(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    for em in &c.strategy.emphasis {
        if em.ids.contains(&e.id) {
            out.push(Factor::new(em.points, em.reason.clone()));
        }
    }
}

/// Seed: a cloud certification counts when you target that platform; without a platform, only
/// when enterprise roles, a regulated industry, a certificate-minded market or an employer make
/// credentials count.
pub fn cloud_certification_counts_for_its_platform(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let (Some(platform), Kind::Certification) = (e.platform, e.kind) else {
        return;
    };
    match c.target_platform() {
        Some(target) if target == platform => {
            out.push(Factor::new(
                25,
                format!(
                    "you target {}: this certification is on its job postings",
                    platform.label()
                ),
            ));
        }
        Some(target) => out.push(Factor::new(
            -30,
            format!(
                "the jobs you want run on {}, not {}",
                target.label(),
                platform.label()
            ),
        )),
        None => {
            let credentials_count = c.r.is("target_employer", "enterprise")
                || c.regulated()
                || c.r.is("market", "certs-weigh-more")
                || c.r.is("employer_values_certs", "yes");
            if !credentials_count {
                out.push(Factor::new(
                    -20,
                    "you named no cloud platform, so a cloud certification has nothing to prove yet",
                ));
            }
        }
    }
}

/// Seed: credentials weigh more with enterprise employers, in regulated industries, in markets
/// where certificates count, and where the employer rewards them.
pub fn credentials_weigh_more_in_some_settings(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.kind != Kind::Certification {
        return;
    }
    let recognised = e.tier.is_some_and(|t| t <= 2);
    if c.r.is("target_employer", "enterprise") && e.platform.is_some() {
        out.push(Factor::new(
            10,
            "enterprise employers and their clients often ask for certified staff",
        ));
    }
    if c.regulated() && recognised {
        out.push(Factor::new(
            10,
            format!(
                "{} values credentials that show a documented standard",
                c.r.value("industry")
            ),
        ));
    }
    if c.r.is("market", "certs-weigh-more") && recognised {
        out.push(Factor::new(
            10,
            "formal certificates weigh more where you will apply",
        ));
    }
    if c.r.is("employer_values_certs", "yes") && recognised {
        out.push(Factor::new(15, "your employer rewards certifications"));
    }
}

/// Seed: new people need a structured start; people with hands-on experience do not need an
/// intro course, and professional-level exams assume that experience.
///
/// An experienced developer new to AI gets no bonus for an intro course: the seeds send them
/// straight to building (see [`developers_skip_intro_courses`]).
pub fn courses_match_your_experience(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if !e.kind.is_study() {
        return;
    }
    let experience = c.r.value("ai_experience");
    match (e.level, experience) {
        (Level::Foundational, "none") if !c.is_experienced_developer() => out.push(Factor::new(
            15,
            "you are new to AI: a structured course gives you vocabulary and a map of the field",
        )),
        (Level::Foundational, "hands-on") => {
            out.push(Factor::new(
                -20,
                "you already work with AI hands-on; an intro course repeats what you know",
            ));
        }
        (Level::Professional, "none" | "basics") => out.push(Factor::new(
            -15,
            "a professional-level exam assumes hands-on experience you do not have yet",
        )),
        _ => {}
    }
}

/// Seed: experienced developers skip intro courses and go straight to building. This follows the
/// role, not the strategy: a developer aiming at enterprise cloud roles is still a developer.
pub fn developers_skip_intro_courses(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if c.is_experienced_developer() && e.level == Level::Foundational && e.kind.is_study() {
        out.push(Factor::new(
            -25,
            "as a developer, skip the intro course and go straight to building",
        ));
    }
}

/// A code-first course (the catalog says which) needs a coding background: a person in a
/// non-technical role would spend the course learning to program instead of learning AI.
pub fn code_first_courses_need_coding_background(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if let Some(why) = &e.needs_coding
        && c.r.is("role", "non-technical")
    {
        out.push(Factor::new(-30, why.clone()));
    }
}

/// Seed: for students, certifications are secondary to projects, internships and open source.
pub fn students_put_certifications_second(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if c.is_strategy("student") && e.kind == Kind::Certification {
        out.push(Factor::new(
            -15,
            "for a student, certifications come second to experience",
        ));
    }
}

/// Seed: the portfolio beats the certificate; the first project is the biggest gap.
pub fn portfolio_fills_the_biggest_gap(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    match (e.kind, c.r.value("projects_built")) {
        (Kind::Project, "none") => {
            out.push(Factor::new(
                15,
                "you have not built an AI project yet: that is the biggest gap",
            ));
        }
        (Kind::Project, "three-plus") if e.platform.is_none() && e.id == "portfolio-project" => out
            .push(Factor::new(
                -10,
                "you already have three projects; depth, deployment and write-ups matter more now",
            )),
        (Kind::Content, "one-or-two" | "three-plus") => {
            out.push(Factor::new(
                10,
                "you have projects to write about: explaining them is the next signal",
            ));
        }
        _ => {}
    }
}

/// Seed: build projects on the platform you target. With no target platform there is nothing to
/// build on yet, so the project scores low and says to pick a platform first.
pub fn cloud_project_on_your_platform(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.id != "cloud-project" {
        return;
    }
    match c.target_platform() {
        Some(p) => out.push(Factor::new(
            20,
            format!(
                "build it on {}: it proves the skills a certificate only claims",
                p.label()
            ),
        )),
        None => out.push(Factor::new(
            -50,
            "you named no cloud platform to build on: pick the one your target jobs use first",
        )),
    }
}

/// Structured learners get more from a course; self-directed learners can use free material.
pub fn learning_style_fits(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    match (c.r.value("learning_style"), e.kind.is_study()) {
        ("structured", true) if e.tier.is_some_and(|t| t <= 3) => {
            out.push(Factor::new(
                10,
                "you learn best with structure and a clear path",
            ));
        }
        ("self-directed", true) => {
            out.push(Factor::new(
                -5,
                "you learn well on your own; books and tutorials can stand in for a course",
            ));
        }
        ("self-directed", false) if e.kind == Kind::Project => {
            out.push(Factor::new(
                5,
                "self-directed learners do well with open-ended projects",
            ));
        }
        _ => {}
    }
}

/// Seed 002: people who use AI at work get more from a course; a credential you will not use adds
/// little.
pub fn learning_you_will_use_at_work(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if !c.r.is_asked("uses_ai_at_work") {
        return;
    }
    let usage = c.r.value("uses_ai_at_work");
    match (usage, e.kind) {
        ("daily" | "sometimes", Kind::Course | Kind::Certification)
            if c.is_strategy("professional") =>
        {
            out.push(Factor::new(
                10,
                "you use AI at work, so what you learn pays back at once",
            ));
        }
        ("rarely", Kind::Certification) => {
            out.push(Factor::new(
                -10,
                "you rarely use AI at work; a credential you do not use adds little",
            ));
        }
        ("daily", Kind::Project) if e.id == "workplace-project" => {
            out.push(Factor::new(
                10,
                "you already use AI daily: turn that into a measured result",
            ));
        }
        _ => {}
    }
}

/// The problem you are solving decides what helps: concepts call for a course, productivity for
/// work on your own job. (That work experience beats certificates for a job is the internship's
/// own base reason; saying it again here would count one argument twice.)
pub fn goal_decides(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    match (c.r.value("goal"), e.kind) {
        ("learn-concepts", Kind::Course) => {
            out.push(Factor::new(
                10,
                "you want to understand the concepts: a good course is the direct route",
            ));
        }
        ("productivity", Kind::Project) if e.id == "workplace-project" => {
            out.push(Factor::new(
                15,
                "you want productivity: the fastest win is AI applied to your own work",
            ));
        }
        _ => {}
    }
}

/// Seed: nothing costs more than the budget without saying so.
pub fn costs_within_budget(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.cost_unknown {
        out.push(Factor::new(0, "cost not known: check before you pay"));
        return;
    }
    let budget = c.r.number("budget_usd");
    if e.cost_usd.min > budget {
        out.push(Factor::new(
            -30,
            format!(
                "costs at least USD {}, more than your budget of USD {budget}",
                e.cost_usd.min
            ),
        ));
    } else if e.cost_usd.max > budget {
        out.push(Factor::new(
            -10,
            format!(
                "can cost up to USD {}, above your budget of USD {budget}",
                e.cost_usd.max
            ),
        ));
    }
}

/// The hours: something that takes more than half a year at your pace is a poor fit. "Your pace"
/// is the hours of the track the item is done on (study or build), the same hours and the same
/// arithmetic the timeline uses, so the warning and the timeline always agree.
pub fn fits_your_hours(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if !uses_weekly_hours(e.kind) {
        return;
    }
    if e.hours_unknown {
        out.push(Factor::new(
            0,
            "preparation hours not known: find them out before you plan time for it",
        ));
        return;
    }
    let track = track_of(e.kind);
    let per_week = track_hours(c.split, track);
    let hours = e.prep_hours.mid().max(1);
    match weeks_for(hours, per_week) {
        // Scheduled once there is time for it; the plan's timeline notes say so.
        None => out.push(Factor::new(
            0,
            format!(
                "no {} time in your week yet: building gets all of it",
                track.label()
            ),
        )),
        Some(weeks) if weeks > LONG_STEP_WEEKS => out.push(Factor::new(
            SLOW_PACE_POINTS,
            format!(
                "{SLOW_PACE_TEXT}{}: {} at your {} of {} a week",
                plural(hours, "hour"),
                plural(weeks, "week"),
                plural(per_week, "hour"),
                track.label()
            ),
        )),
        Some(_) => {}
    }
}

/// The points and the opening words of the factor [`fits_your_hours`] adds for a slow step.
pub const SLOW_PACE_POINTS: i32 = -15;
pub const SLOW_PACE_TEXT: &str = "needs about ";

/// A recommendation's score without its slow-pace factor: what it is worth to you, whatever
/// your hours. The timeline schedules what is worth doing and shows honestly how long it takes.
pub fn worth(r: &Recommendation) -> i32 {
    let pace: i32 = r
        .reasons
        .iter()
        .filter(|f| f.points == SLOW_PACE_POINTS && f.text.starts_with(SLOW_PACE_TEXT))
        .map(|f| f.points)
        .sum();
    i32::from(r.score) - pace
}

/// Every rule, in the order its factors are listed.
pub const RULES: &[fn(&Ctx, &Entry, &mut Vec<Factor>)] = &[
    base,
    strategy_emphasis,
    cloud_certification_counts_for_its_platform,
    credentials_weigh_more_in_some_settings,
    courses_match_your_experience,
    developers_skip_intro_courses,
    code_first_courses_need_coding_background,
    students_put_certifications_second,
    portfolio_fills_the_biggest_gap,
    cloud_project_on_your_platform,
    learning_style_fits,
    learning_you_will_use_at_work,
    goal_decides,
    costs_within_budget,
    fits_your_hours,
];

/// The raw factors for one entry, before settling into 0-100.
pub fn factors(c: &Ctx, e: &Entry) -> Vec<Factor> {
    let mut out = Vec::new();
    for rule in RULES {
        rule(c, e, &mut out);
    }
    out
}

/// Why an entry goes on the avoid list, if it does. `factors` are the settled factors of its
/// `score`: an entry avoided only for its low score lists what pulled it down.
pub fn avoid_reasons(c: &Ctx, e: &Entry, score: u8, factors: &[Factor]) -> Vec<String> {
    let kb = c.r.knowledge();
    let mut reasons = Vec::new();
    match &e.status {
        Status::Retired { on, successor } => {
            let name = kb
                .entry(successor)
                .map_or(successor.as_str(), |s| s.name.as_str());
            reasons.push(format!(
                "retired on {on}: the exam can no longer be taken; {name} replaces it"
            ));
        }
        Status::Closed { on } => reasons.push(format!(
            "closed on {on} with no successor: it can no longer be taken"
        )),
        _ => {}
    }
    if e.tier == Some(4) {
        reasons.push("tier 4: low or no value to employers".to_owned());
    }
    for flag in &e.red_flags {
        if let Some(info) = kb.evaluation.red_flags.iter().find(|i| i.flag == *flag) {
            reasons.push(format!("red flag: {}", info.label));
        }
    }
    let budget = c.r.number("budget_usd");
    if !e.cost_unknown && e.cost_usd.min > budget && e.hiring_signal <= Rating::Low {
        reasons.push(format!(
            "poor value for you: USD {} or more, above your budget of USD {budget}, for a weak hiring signal",
            e.cost_usd.min
        ));
    }
    if reasons.is_empty() && score < AVOID_BELOW {
        reasons.push(format!(
            "scores only {score} for you; the time is better spent building"
        ));
        // The sentences behind the low score (over budget, wrong platform, ...), worst first.
        // (The factor that stops a score at 0 is positive, so it is not among them.)
        let mut against: Vec<&Factor> = factors.iter().filter(|f| f.points < 0).collect();
        against.sort_by_key(|f| f.points);
        reasons.extend(against.into_iter().map(|f| f.text.clone()));
    }
    reasons
}

/// Scores the whole catalog: recommendations (highest first, ties in catalog order) and the avoid
/// list (in catalog order).
pub fn score_all(
    r: &Resolved<'_>,
    strategy: &Strategy,
    split: &Split,
) -> (Vec<Recommendation>, Vec<Avoid>) {
    let c = Ctx { r, strategy, split };
    let kb = r.knowledge();
    let mut scored: Vec<(&Entry, Vec<Factor>)> = kb
        .catalog
        .entries
        .iter()
        .map(|e| (e, factors(&c, e)))
        .collect();
    one_foundational_course_is_enough(&c, &mut scored);
    successors_say_what_they_replace(kb, &mut scored);
    students_put_experience_before_certifications(strategy, &mut scored);
    let mut recommendations = Vec::new();
    let mut avoid = Vec::new();
    for (e, raw) in scored {
        let (score, reasons) = settle(raw);
        let why_not = avoid_reasons(&c, e, score, &reasons);
        if why_not.is_empty() {
            recommendations.push(Recommendation {
                id: e.id.clone(),
                name: e.name.clone(),
                kind: e.kind,
                score,
                status: e.status.as_str().to_owned(),
                cost_usd: e.cost_usd,
                prep_hours: e.prep_hours,
                cost_unknown: e.cost_unknown,
                hours_unknown: e.hours_unknown,
                reasons,
            });
        } else {
            let instead = e.status.successor().map(str::to_owned);
            avoid.push(Avoid {
                id: e.id.clone(),
                name: e.name.clone(),
                reasons: why_not,
                instead,
            });
        }
    }
    // Stable: ties keep catalog order, so the same answers always list the same way.
    recommendations.sort_by_key(|r| std::cmp::Reverse(r.score));
    (recommendations, avoid)
}

/// What a student's experience is made of, in the seeds' words: projects, internships and open
/// source.
pub const STUDENT_EXPERIENCE: [&str; 3] = ["portfolio-project", "internship", "open-source"];

/// Seed: for a student, certifications are secondary to experience. The flat penalty of
/// [`students_put_certifications_second`] is not always enough (a student targeting a cloud in a
/// certificate-minded market, say), so any certification that would still rank with or above
/// one of the student's experience entries is kept just below the lowest of them.
pub fn students_put_experience_before_certifications(
    strategy: &Strategy,
    scored: &mut [(&Entry, Vec<Factor>)],
) {
    if strategy.id != "student" {
        return;
    }
    let raw = |f: &[Factor]| f.iter().map(|x| x.points).sum::<i32>();
    let Some((floor, name)) = scored
        .iter()
        .filter(|(e, _)| STUDENT_EXPERIENCE.contains(&e.id.as_str()))
        .map(|(e, f)| (raw(f).clamp(0, 100), e.name.to_lowercase()))
        .min_by_key(|(score, _)| *score)
    else {
        return;
    };
    for (e, factors) in scored.iter_mut() {
        let total = raw(factors);
        if e.kind == Kind::Certification && total.clamp(0, 100) >= floor {
            factors.push(Factor::new(
                floor - 1 - total,
                format!("for a student, experience comes first: kept below {name}"),
            ));
        }
    }
}

/// Seed: one respected foundational course, not several. All but the best-scoring foundational
/// course lose points, saying which one ranks higher, unless the best one is itself on the avoid
/// list (then it is no better choice, and the others stand on their own scores).
pub fn one_foundational_course_is_enough(c: &Ctx, scored: &mut [(&Entry, Vec<Factor>)]) {
    let total = |f: &[Factor]| f.iter().map(|x| x.points).sum::<i32>();
    let best = scored
        .iter()
        .enumerate()
        .filter(|(_, (e, _))| e.is_foundational_course() && !e.status.is_retired())
        .max_by(|(ia, (_, fa)), (ib, (_, fb))| total(fa).cmp(&total(fb)).then(ib.cmp(ia)))
        .map(|(i, (e, _))| (i, e.name.clone()));
    let Some((best_index, best_name)) = best else {
        return;
    };
    let (best_entry, best_factors) = &scored[best_index];
    let (best_score, best_settled) = settle(best_factors.clone());
    if !avoid_reasons(c, best_entry, best_score, &best_settled).is_empty() {
        return;
    }
    for (i, (e, factors)) in scored.iter_mut().enumerate() {
        if i != best_index && e.is_foundational_course() {
            factors.push(Factor::new(
                -20,
                format!("one foundational course is enough, and {best_name} fits you better"),
            ));
        }
    }
}

/// Seed (kept current): a retired certification is never recommended; its successor says what it
/// replaces.
pub fn successors_say_what_they_replace(
    kb: &crate::knowledge::Knowledge,
    scored: &mut [(&Entry, Vec<Factor>)],
) {
    for (e, factors) in scored.iter_mut() {
        for old in &kb.catalog.entries {
            if let Status::Retired { on, successor } = &old.status
                && *successor == e.id
            {
                factors.push(Factor::new(
                    0,
                    format!("replaces {}, retired on {on}", old.name),
                ));
            }
        }
    }
}
