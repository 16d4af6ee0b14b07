//! Rank: the order among what fits. Every entry that passes [`fit`](crate::advisor::fit) gets
//! 0-100 points for this person, each point a factor whose sign matches its meaning; ties are
//! broken by a stated rule (free before paid, shorter before longer, then id), never by file
//! order.
//!
//! Each rule is one function below, so that a test can be named after it.

use crate::advisor::fit::{self, Person, Verdict, cheapest_route};
use crate::advisor::{Avoid, Factor, Recommendation, Split, settle};
use crate::interview::Resolved;
use crate::knowledge::{Audience, Entry, Kind, Level, Platform, Status, Strategy};

/// Entries scoring below this, with no other reason, go on the avoid list.
pub const AVOID_BELOW: u8 = 20;

/// What every rule looks at.
pub struct Ctx<'a, 'k> {
    pub r: &'a Resolved<'k>,
    pub strategy: &'a Strategy,
    /// The weekly hours of each track, as the timeline will use them.
    pub split: &'a Split,
    pub person: &'a Person,
    /// The person's own job postings, if they saved some.
    pub postings: Option<crate::advisor::Postings<'a>>,
}

impl Ctx<'_, '_> {
    fn target_platform(&self) -> Option<Platform> {
        self.person.platform
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
///
/// The points are the entry's starting worth, so their sentence says what it is worth; a low
/// tier's bad news is not dressed as positive points.
pub fn base(_: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let text = match e.tier {
        Some(t @ 3..=4) => format!(
            "starting score for a tier-{t} {}: limited value on its own",
            e.kind
        ),
        _ => e.base_reason.clone(),
    };
    out.push(Factor::new(i32::from(e.base_score), text));
}

/// The strategy's own leanings, from strategies.ron.
pub fn strategy_emphasis(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    for em in &c.strategy.emphasis {
        if em.ids.contains(&e.id) {
            out.push(Factor::new(em.points, em.reason.clone()));
        }
    }
}

/// Seed: a vendor certification counts where the jobs (or the employer) run on that vendor.
/// (Fit has already removed every other vendor's certifications.)
pub fn cloud_certification_counts_for_its_platform(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let (Some(platform), Kind::Certification) = (e.platform, e.kind) else {
        return;
    };
    if c.target_platform() == Some(platform) {
        out.push(Factor::new(
            25,
            format!(
                "{} on {}: this is its vendor's credential",
                c.person.platform_owner,
                platform.label()
            ),
        ));
    }
}

/// What is made for people like you ranks higher: business credentials for business people,
/// governance credentials for governance roles; hands-on people skip what is made for
/// beginners.
pub fn made_for_people_like_you(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if !e.kind.is_study() || e.audience.is_empty() {
        return;
    }
    let p = c.person;
    let for_business = e
        .audience
        .iter()
        .any(|a| matches!(a, Audience::Business | Audience::Leader));
    if p.governance.is_some() && e.audience.contains(&Audience::Governance) {
        out.push(Factor::new(
            20,
            "made for governance, risk, audit and security work, which is where you aim",
        ));
    } else if !p.technical && !p.student && for_business {
        out.push(Factor::new(
            15,
            "made for people who use AI in business roles, like yours",
        ));
    }
    if p.hands_on
        && e.level == Level::Foundational
        && e.audience.iter().all(|a| {
            matches!(
                a,
                Audience::Beginner | Audience::Business | Audience::Leader | Audience::Student
            )
        })
        && p.technical
    {
        out.push(Factor::new(
            -15,
            "made for beginners and business users; you already work hands-on",
        ));
    }
}

/// Governance credentials that match the person's focus come first: the one named for it
/// (governance, audit, security, risk), and the one that builds on a credential they hold.
pub fn governance_credentials_match_your_focus(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let Some(focus) = c.person.governance.as_deref() else {
        return;
    };
    if !e.kind.is_study() || !e.audience.contains(&Audience::Governance) {
        return;
    }
    let name = e.name.to_lowercase();
    if name.contains(focus) {
        out.push(Factor::new(10, format!("named for your focus: {focus}")));
    } else if focus != "security" && name.contains("sec") {
        // SecAI+ and AAISM are for security practitioners (the facts: years in IT and security).
        out.push(Factor::new(
            -15,
            format!("made for security practitioners; your focus is {focus}"),
        ));
    }
    if let Some(held) = c.person.held
        && e.prerequisites.iter().any(|p| p.held == Some(held))
    {
        out.push(Factor::new(
            15,
            "it builds on the credential you already hold, which it requires",
        ));
    }
}

/// Startups and product companies look at what you have shipped, not at certificates.
pub fn startups_look_at_what_you_shipped(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.kind == Kind::Certification && c.r.is("target_employer", "startup-or-product") {
        out.push(Factor::new(
            -15,
            "startups and product companies look at what you have shipped, not at certificates",
        ));
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
    let p = c.person;
    if e.level == Level::Foundational && p.needs_basics {
        out.push(Factor::new(
            15,
            "you need the basics first: a structured course gives you vocabulary and a map of the field",
        ));
    } else if e.level == Level::Foundational && p.hands_on {
        out.push(Factor::new(
            -20,
            "you already work with AI hands-on; an intro course repeats what you know",
        ));
    }
}

/// Seed: experienced developers skip intro courses and go straight to building. This follows the
/// role, not the strategy, and holds for developers who already know the AI basics: a developer
/// new to AI, or who wants to understand how it works, still gets one course.
pub fn developers_skip_intro_courses(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if c.is_experienced_developer()
        && !c.person.needs_basics
        && e.level == Level::Foundational
        && e.kind.is_study()
    {
        out.push(Factor::new(
            -25,
            "as a developer, skip the intro course and go straight to building",
        ));
    }
}

/// Seed: cloud certifications align with the jobs of the people who build there. A foundational
/// exam made for people who use AI without building it (AWS AI Practitioner) is not a
/// developer's; the builder's exam on the same platform is.
pub fn developers_take_the_builders_exam(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if c.person.developer
        && e.kind == Kind::Certification
        && e.level == Level::Foundational
        && !e.audience.is_empty()
        && !e.audience.contains(&Audience::Developer)
    {
        out.push(Factor::new(
            -20,
            "made for people who use AI without building it; as a developer, take the exam for builders",
        ));
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
    if let Some(p) = c.target_platform() {
        out.push(Factor::new(
            20,
            format!(
                "build it on {}: it proves the skills a certificate only claims",
                p.label()
            ),
        ));
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
        (_, Kind::Project) if e.id == "workplace-project" && c.person.staying => {
            out.push(Factor::new(
                20,
                "you are staying in your job: the first win is AI applied to your own work",
            ));
        }
        _ => {}
    }
}

/// Seed: nothing costs more than the budget without saying so.
pub fn costs_within_budget(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.cost_unknown {
        // With nothing to spend, a price nobody has published cannot be planned for: the plan
        // leaves it out, and the ranking says why instead of putting it first.
        if c.r.number("budget_usd") == 0 && e.kind == Kind::Certification {
            out.push(Factor::new(
                -30,
                "its fee is not known and your budget is USD 0: find out the fee first",
            ));
        } else {
            out.push(Factor::new(0, "cost not known: check before you pay"));
        }
        return;
    }
    // A free route (an audit) is always within the budget, so what the paid route costs does
    // not count against it.
    if cheapest_route(e).cost.max == 0 {
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

/// The sources' first question, answered from the person's own postings: a credential they
/// name gains points, with the count in the reason; one named in none of several postings
/// loses some.
pub fn your_postings_name_it(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let Some(ev) = c.postings else {
        return;
    };
    if !e.kind.is_study() {
        return;
    }
    let total = ev.evidence.postings;
    let found = ev.evidence.certifications.iter().find(|x| x.id == e.id);
    match found {
        Some(n) if n.postings > 0 && total > 0 => {
            let points = i32::try_from((n.postings * 20).div_ceil(total).clamp(5, 20)).unwrap_or(5);
            out.push(Factor::new(
                points,
                format!(
                    "named in {} of your {total} postings, required in {} ({})",
                    n.postings,
                    n.required,
                    ev.when()
                ),
            ));
        }
        _ if total >= 5 && e.kind == Kind::Certification => out.push(Factor::new(
            -10,
            format!("named in none of your {total} postings ({})", ev.when()),
        )),
        _ => {}
    }
}

/// Unknown preparation hours are said, not guessed: the plan cannot schedule such an entry until
/// they are found out.
pub fn hours_not_known_are_said(_: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.hours_unknown {
        out.push(Factor::new(
            0,
            "preparation hours not known: find them out before you plan time for it",
        ));
    }
}

/// Facts: an exam still in beta may change its content and fee before it is final, so it gives
/// way to an active exam that fits as well, and the plan says why.
pub fn beta_exams_may_still_change(_: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if e.status == crate::knowledge::Status::Beta {
        out.push(Factor::new(
            -5,
            "still in beta: the exam and its fee may change; check it has left beta before you book",
        ));
    }
}

/// Seed: for someone staying in their job, a certification pays only if the employer rewards it
/// or the role expects it. The ranking says so, as the plan does (it schedules none then), in
/// a regulated industry too: there, whether a credential counts is a question for the employer.
pub fn staying_needs_an_employer_that_rewards_it(c: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    let p = c.person;
    if e.kind != Kind::Certification || !p.staying || p.governance.is_some() {
        return;
    }
    match c.r.value("employer_values_certs") {
        "no" => out.push(Factor::new(
            -35,
            "your employer does not reward certifications: results at work count more",
        )),
        "unsure" => out.push(Factor::new(
            -15,
            "you are not sure your employer rewards certifications: ask your manager or HR first",
        )),
        _ => {}
    }
}

/// Facts: preparation hours no source publishes are certwise's estimate, and the plan says so
/// wherever it gives them, instead of showing them as a fact.
pub fn estimated_hours_are_said(_: &Ctx, e: &Entry, out: &mut Vec<Factor>) {
    if !e.hours_unknown && e.sources.iter().any(|s| s.fact == "hours" && s.estimate) {
        out.push(Factor::new(
            0,
            "preparation hours are certwise's estimate: no source publishes a figure",
        ));
    }
}

/// Every rule, in the order its factors are listed.
pub const RULES: &[fn(&Ctx, &Entry, &mut Vec<Factor>)] = &[
    base,
    strategy_emphasis,
    cloud_certification_counts_for_its_platform,
    made_for_people_like_you,
    governance_credentials_match_your_focus,
    credentials_weigh_more_in_some_settings,
    startups_look_at_what_you_shipped,
    courses_match_your_experience,
    developers_skip_intro_courses,
    developers_take_the_builders_exam,
    students_put_certifications_second,
    portfolio_fills_the_biggest_gap,
    cloud_project_on_your_platform,
    learning_style_fits,
    learning_you_will_use_at_work,
    goal_decides,
    costs_within_budget,
    hours_not_known_are_said,
    estimated_hours_are_said,
    beta_exams_may_still_change,
    staying_needs_an_employer_that_rewards_it,
    your_postings_name_it,
];

/// The raw factors for one entry, before settling into 0-100.
pub fn factors(c: &Ctx, e: &Entry) -> Vec<Factor> {
    let mut out = Vec::new();
    for rule in RULES {
        rule(c, e, &mut out);
    }
    out
}

/// An entry that fits but scores this low goes on the avoid list with what pulled it down.
fn low_score_reasons(score: u8, factors: &[Factor]) -> Vec<String> {
    let mut reasons = vec![format!(
        "scores only {score} for you; the time is better spent building"
    )];
    let mut against: Vec<&Factor> = factors.iter().filter(|f| f.points < 0).collect();
    against.sort_by_key(|f| f.points);
    reasons.extend(against.into_iter().map(|f| f.text.clone()));
    reasons
}

/// The tie rule, stated: a known price before an unknown one, free before paid, shorter before
/// longer, then by id.
pub fn tie_key(r: &Recommendation) -> (bool, u32, u32, String) {
    // An unknown price is not a free one: it goes after every known price.
    (
        r.cost_unknown,
        r.route_cost_min,
        r.prep_hours.mid(),
        r.id.clone(),
    )
}

/// Fits, then scores, the whole catalog: recommendations (highest first, ties by
/// [`tie_key`]) and the avoid list (in catalog order): what to stay away from whoever you are,
/// then what is not for you now, each with its reason.
pub fn score_all<'a>(
    r: &'a Resolved<'_>,
    strategy: &'a Strategy,
    split: &'a Split,
    person: &'a Person,
    postings: Option<crate::advisor::Postings<'a>>,
) -> (Vec<Recommendation>, Vec<Avoid>) {
    let c = Ctx {
        r,
        strategy,
        split,
        person,
        postings,
    };
    let kb = r.knowledge();
    let mut avoid = Vec::new();
    let mut fitting: Vec<(&Entry, Vec<Factor>)> = Vec::new();
    for e in &kb.catalog.entries {
        match fit::fit(person, e, kb, split.study_hours_per_week.max(1)) {
            Verdict::Fits => fitting.push((e, factors(&c, e))),
            Verdict::Avoid(reasons) => avoid.push(Avoid {
                id: e.id.clone(),
                name: e.name.clone(),
                reasons,
                instead: e.status.successor().map(str::to_owned),
                not_for_you_now: false,
            }),
            Verdict::NotNow(reason) => avoid.push(Avoid {
                id: e.id.clone(),
                name: e.name.clone(),
                reasons: vec![format!("not for you now: {reason}")],
                instead: e.status.successor().map(str::to_owned),
                not_for_you_now: true,
            }),
        }
    }
    one_foundational_course_is_enough(&mut fitting);
    successors_say_what_they_replace(kb, &mut fitting);
    students_put_experience_before_certifications(strategy, &mut fitting);
    let mut recommendations = Vec::new();
    // The sum before the 0-100 cap, so two entries both at 100 keep the order their reasons
    // give (the credential made for a CISA holder above a general one).
    let mut uncapped: Vec<(String, i32)> = Vec::new();
    for (e, raw) in fitting {
        uncapped.push((e.id.clone(), raw.iter().map(|f| f.points).sum()));
        let (score, reasons) = settle(raw);
        if score < AVOID_BELOW {
            avoid.push(Avoid {
                id: e.id.clone(),
                name: e.name.clone(),
                reasons: low_score_reasons(score, &reasons),
                instead: None,
                not_for_you_now: false,
            });
            continue;
        }
        let route = cheapest_route(e);
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
            route_cost_min: route.cost.min,
        });
    }
    let sum_of = |id: &str| {
        uncapped
            .iter()
            .find(|(i, _)| i == id)
            .map_or(0, |(_, sum)| *sum)
    };
    recommendations.sort_by(|a, b| {
        b.score
            .cmp(&a.score)
            .then_with(|| sum_of(&b.id).cmp(&sum_of(&a.id)))
            .then_with(|| tie_key(a).cmp(&tie_key(b)))
    });
    let order = |id: &str| kb.catalog.entries.iter().position(|e| e.id == id);
    avoid.sort_by_key(|a| (a.not_for_you_now, order(&a.id)));
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
/// course lose points, saying which one ranks higher; when two score the same, the tie rule
/// (free before paid, shorter before longer, then id) picks one, and the text says so instead of
/// calling it a better fit.
pub fn one_foundational_course_is_enough(scored: &mut [(&Entry, Vec<Factor>)]) {
    let total = |f: &[Factor]| f.iter().map(|x| x.points).sum::<i32>().clamp(0, 100);
    let key = |e: &Entry| (cheapest_route(e).cost.min, e.prep_hours.mid(), e.id.clone());
    let best = scored
        .iter()
        .enumerate()
        .filter(|(_, (e, _))| e.is_foundational_course())
        .min_by(|(_, (ea, fa)), (_, (eb, fb))| {
            total(fb)
                .cmp(&total(fa))
                .then_with(|| key(ea).cmp(&key(eb)))
        })
        .map(|(i, (e, f))| (i, e.name.clone(), total(f)));
    let Some((best_index, best_name, best_total)) = best else {
        return;
    };
    for (i, (e, factors)) in scored.iter_mut().enumerate() {
        if i != best_index && e.is_foundational_course() {
            let text = if total(factors) < best_total {
                format!("one foundational course is enough, and {best_name} fits you better")
            } else {
                format!(
                    "one foundational course is enough; {best_name} scores the same and comes first by the tie rule (free before paid, shorter before longer)"
                )
            };
            factors.push(Factor::new(-20, text));
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
