//! Fit: what may be recommended to this person at all. Hard rules, one function each; whatever a
//! rule excludes is listed with its reason, never dropped silently.

use crate::interview::Resolved;
use crate::knowledge::{
    Audience, Entry, Fee, Field, Held, Kind, Knowledge, Platform, Range, RedFlag, Status,
};

/// The person as the rules see them, read once from the answers.
#[allow(
    clippy::struct_excessive_bools,
    reason = "each flag is one plain fact about the person that a rule reads"
)]
#[derive(Debug, Clone)]
pub struct Person {
    pub role: String,
    pub goal: String,
    pub student: bool,
    /// Builds software or models for a living (developer, cloud/data/ML engineer).
    pub developer: bool,
    /// A technical role of any kind (developers and technical non-developers).
    pub technical: bool,
    pub hands_on: bool,
    /// New to AI, or wanting the concepts without hands-on experience yet.
    pub needs_basics: bool,
    pub projects_built: String,
    pub field: Option<Field>,
    /// The platform named: the target jobs' or the employer's.
    pub platform: Option<Platform>,
    /// Whose platform it is, with its verb: "the jobs you want run", "your employer runs".
    pub platform_owner: &'static str,
    /// Works, or wants to work, in governance, risk, audit or security.
    pub governance: Option<String>,
    pub held: Option<Held>,
    /// Stays in the current job (promotion, productivity, understanding).
    pub staying: bool,
    /// Looks for a new job or role.
    pub job_seeking: bool,
    /// Credentials weigh more for this person: enterprise, regulated industry, a
    /// certificate-minded market, or an employer that rewards them.
    pub credentials_count: bool,
    pub regulated: bool,
    pub hours: u32,
    pub budget: u32,
    /// The audiences the person belongs to, for matching what is made for them.
    pub audiences: Vec<Audience>,
}

impl Person {
    pub fn from(r: &Resolved<'_>) -> Person {
        let role = r.value("role").to_owned();
        let goal = r.value("goal").to_owned();
        let student = role == "student";
        let developer = matches!(role.as_str(), "developer" | "cloud-data-engineer");
        let technical = developer || role == "technical-non-developer";
        let experience = r.value("ai_experience");
        let hands_on = experience == "hands-on";
        let needs_basics =
            experience == "none" || (goal == "learn-concepts" && experience != "hands-on");
        let staying = !student
            && matches!(
                goal.as_str(),
                "promotion" | "productivity" | "learn-concepts"
            );
        let job_seeking = matches!(
            goal.as_str(),
            "get-into-ai" | "change-role" | "change-industry"
        );
        let (platform, platform_owner) = match Platform::parse(r.value("target_platform"))
            .filter(|_| r.is_asked("target_platform"))
        {
            Some(p) => (Some(p), "the jobs you want run"),
            None => (
                Platform::parse(r.value("employer_platform"))
                    .filter(|_| r.is_asked("employer_platform")),
                "your employer runs",
            ),
        };
        let governance = Some(r.value("governance_focus"))
            .filter(|g| r.is_asked("governance_focus") && *g != "no")
            .map(str::to_owned);
        let held = match r.value("governance_credential") {
            "audit" => Some(Held::Audit),
            "security" => Some(Held::Security),
            "risk" => Some(Held::Risk),
            _ => None,
        }
        .filter(|_| r.is_asked("governance_credential"));
        let regulated = matches!(r.value("industry"), "healthcare" | "finance" | "government");
        let credentials_count = r.is("target_employer", "enterprise")
            || regulated
            || r.is("market", "certs-weigh-more")
            || r.is("employer_values_certs", "yes");
        let field =
            Field::parse(r.value("field")).filter(|f| r.is_asked("field") && *f != Field::Other);
        let mut audiences = match role.as_str() {
            "developer" => vec![Audience::Developer],
            "cloud-data-engineer" => vec![
                Audience::Developer,
                Audience::MlEngineer,
                Audience::DataEngineer,
                Audience::DataScientist,
            ],
            "technical-non-developer" => vec![Audience::Business, Audience::DataScientist],
            "student" => vec![Audience::Student],
            _ => vec![Audience::Business],
        };
        if matches!(field, Some(Field::Product | Field::Consulting)) && !developer {
            audiences.push(Audience::Leader);
        }
        if governance.is_some() {
            audiences.push(Audience::Governance);
        }
        if experience == "none" {
            audiences.push(Audience::Beginner);
        }
        Person {
            role,
            goal,
            student,
            developer,
            technical,
            hands_on,
            needs_basics,
            projects_built: r.value("projects_built").to_owned(),
            field,
            platform,
            platform_owner,
            governance,
            held,
            staying,
            job_seeking,
            credentials_count,
            regulated,
            hours: r.number("hours_per_week"),
            budget: r.number("budget_usd"),
            audiences,
        }
    }

    /// Whether something made for `audience` is made for this person (an entry that names no
    /// audience is for anyone).
    pub fn is_for(&self, audience: &[Audience]) -> bool {
        audience.is_empty() || audience.iter().any(|a| self.audiences.contains(a))
    }
}

/// The cheapest way through an entry: what it costs and how.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Route {
    /// USD, lowest and highest, for the whole route.
    pub cost: Range,
    /// "free audit", "USD 49 a month for 3 months", "one-off fee".
    pub label: String,
    /// No source gives the price.
    pub unknown: bool,
}

/// The cheapest route through an entry, before the plan knows how long it runs: a free audit
/// when there is one, else the fee (a subscription for its shortest typical length).
pub fn cheapest_route(e: &Entry) -> Route {
    if e.cost_unknown {
        return Route {
            cost: Range::default(),
            label: "price not known".to_owned(),
            unknown: true,
        };
    }
    match &e.pricing {
        Some(p) if p.free_route.is_some() => Route {
            cost: Range::default(),
            label: "free audit".to_owned(),
            unknown: false,
        },
        Some(p) => match &p.fee {
            Fee::Free => Route {
                cost: Range::default(),
                label: "free".to_owned(),
                unknown: false,
            },
            Fee::OneOff(r) => Route {
                cost: *r,
                label: "one-off fee".to_owned(),
                unknown: false,
            },
            Fee::Subscription {
                per_month_usd,
                typical_months,
            } => Route {
                cost: Range {
                    min: per_month_usd * typical_months.min,
                    max: per_month_usd * typical_months.min,
                },
                label: format!("USD {per_month_usd} a month"),
                unknown: false,
            },
            Fee::Unknown => Route {
                cost: Range::default(),
                label: "price not known".to_owned(),
                unknown: true,
            },
        },
        None => Route {
            cost: e.cost_usd,
            label: if e.cost_usd.max == 0 { "free" } else { "fee" }.to_owned(),
            unknown: false,
        },
    }
}

/// What fit decided about one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    Fits,
    /// Not for this person now, and why (wrong platform, needs experience, over budget, ...).
    NotNow(String),
    /// To avoid whoever you are (retired, tier 4, red flags).
    Avoid(Vec<String>),
}

/// A fit rule: the reason an entry is not for this person now, if it is not.
pub type Rule = fn(&Person, &Entry, &Knowledge) -> Option<String>;

/// A vendor certification counts only where the jobs or the employer run on that vendor; never
/// two vendors in one plan.
pub fn vendor_certification_needs_your_platform(
    p: &Person,
    e: &Entry,
    _: &Knowledge,
) -> Option<String> {
    let (Some(vendor), Kind::Certification) = (e.platform, e.kind) else {
        return None;
    };
    match p.platform {
        Some(mine) if mine == vendor => None,
        Some(mine) => Some(format!(
            "{} on {}, not {}",
            p.platform_owner,
            mine.label(),
            vendor.label()
        )),
        None => Some(format!(
            "{} certification counts only where the jobs or your employer run on {}; find out which platform they use first",
            with_article(vendor.label()),
            vendor.label()
        )),
    }
}

/// Engineering, developer and data-science exams and courses need a technical role or hands-on
/// AI experience.
pub fn engineering_needs_a_technical_background(
    p: &Person,
    e: &Entry,
    _: &Knowledge,
) -> Option<String> {
    (e.kind.is_study() && e.is_engineering() && !p.technical && !p.hands_on).then(|| {
        "made for engineers and data scientists; without a technical role or hands-on AI work it would mostly teach you to program".to_owned()
    })
}

/// Professional, specialty and expert levels assume hands-on experience.
pub fn advanced_levels_need_hands_on_experience(
    p: &Person,
    e: &Entry,
    _: &Knowledge,
) -> Option<String> {
    // Governance credentials assume professional experience in governance, audit, risk or
    // security (their prerequisites say which), not hands-on AI building.
    let governance_made = e.audience.contains(&Audience::Governance) && p.governance.is_some();
    (e.kind.is_study() && e.level.needs_experience() && !p.hands_on && !governance_made).then(|| {
        let level = e.level.as_str();
        let article = if level.starts_with(['a', 'e', 'i', 'o', 'u']) { "an" } else { "a" };
        format!("{article} {level}-level credential assumes hands-on AI experience you do not have yet")
    })
}

/// A credential that requires another is only for those who hold it.
pub fn prerequisites_are_respected(p: &Person, e: &Entry, kb: &Knowledge) -> Option<String> {
    e.prerequisites.iter().find_map(|pre| {
        let held_ok = pre.held.is_none_or(|h| p.held == Some(h));
        // A catalog credential as prerequisite: the plan cannot know you hold it, so it is for
        // later, once you do.
        let entry_ok = pre.entry.is_none();
        (!(held_ok && entry_ok)).then(|| {
            let first = pre
                .entry
                .as_deref()
                .and_then(|id| kb.entry(id))
                .map_or_else(String::new, |x| format!(" ({})", x.name));
            format!("requires {}{first} first", lower_first(&pre.text))
        })
    })
}

/// A code-first course assumes you program: developers, students (who are learning to), and
/// technical people who already work with AI hands-on. An IT auditor or a system administrator
/// new to AI is technical, but a code-first deep-learning course is not their one course.
pub fn code_first_needs_coding(p: &Person, e: &Entry, _: &Knowledge) -> Option<String> {
    match &e.needs_coding {
        Some(why) if !(p.developer || p.student || (p.technical && p.hands_on)) => {
            Some(why.clone())
        }
        _ => None,
    }
}

/// Governance, audit, risk and security credentials are for people who work, or want to work,
/// in those roles.
pub fn governance_credentials_for_governance_roles(
    p: &Person,
    e: &Entry,
    _: &Knowledge,
) -> Option<String> {
    // Made for governance work (a leader's name on it too, as for ISO/IEC 42001's implementer,
    // does not make it a leader's credential outside governance).
    let only_governance = e.audience.contains(&Audience::Governance)
        && e.audience
            .iter()
            .all(|a| matches!(a, Audience::Governance | Audience::Leader));
    (e.kind.is_study() && only_governance && p.governance.is_none()).then(|| {
        "made for governance, risk, audit and security roles, which you did not say you aim at"
            .to_owned()
    })
}

/// The budget is a limit: something whose cheapest route costs more than the whole budget is
/// not in the plan (the plan says what it would cost when it would have been the pick).
pub fn cheapest_route_within_budget(p: &Person, e: &Entry, _: &Knowledge) -> Option<String> {
    let route = cheapest_route(e);
    (!route.unknown && route.cost.min > p.budget).then(|| {
        format!(
            "costs at least USD {} ({}), more than your budget of USD {}",
            route.cost.min, route.label, p.budget
        )
    })
}

/// A project on a cloud needs a cloud to build on.
pub fn cloud_project_needs_a_platform(p: &Person, e: &Entry, _: &Knowledge) -> Option<String> {
    (e.id == "cloud-project" && p.platform.is_none_or(|x| !x.is_cloud())).then(|| {
        "you named no cloud to build on: find out which one your target jobs or employer use first".to_owned()
    })
}

/// A workplace project needs a workplace; an internship is for people looking for work.
pub fn work_experience_fits_your_situation(p: &Person, e: &Entry, _: &Knowledge) -> Option<String> {
    match e.id.as_str() {
        "workplace-project" if p.student => Some(
            "you have no job to apply AI in yet; an internship is where that happens".to_owned(),
        ),
        "internship" if p.staying => Some("you already have a job to apply AI in".to_owned()),
        _ => None,
    }
}

/// Every fit rule, in the order their reasons are tried.
pub const RULES: &[Rule] = &[
    vendor_certification_needs_your_platform,
    governance_credentials_for_governance_roles,
    engineering_needs_a_technical_background,
    advanced_levels_need_hands_on_experience,
    prerequisites_are_respected,
    code_first_needs_coding,
    cloud_project_needs_a_platform,
    work_experience_fits_your_situation,
    cheapest_route_within_budget,
];

/// Why an entry is to be avoided whoever you are: retired or closed, tier 4, red flags.
pub fn avoid_reasons(e: &Entry, kb: &Knowledge) -> Vec<String> {
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
        } else if *flag == RedFlag::ExcessivePrice {
            reasons.push("red flag: excessively expensive".to_owned());
        }
    }
    reasons
}

/// Whether a retiring certification can be finished before it retires, at the person's study
/// hours, counted from the catalog's review date (so the same answers give the same plan).
pub fn retiring_in_time(p: &Person, e: &Entry, kb: &Knowledge, study_hours: u32) -> Option<String> {
    let Status::Retiring { on, successor } = &e.status else {
        return None;
    };
    let weeks_left = kb
        .catalog
        .reviewed
        .until(*on)
        .ok()
        .map_or(0, |span| span.get_days().max(0).unsigned_abs() / 7);
    let need = e.prep_hours.max.div_ceil(study_hours.max(1));
    let _ = p;
    (need > weeks_left).then(|| {
        let name = kb
            .entry(successor)
            .map_or(successor.as_str(), |s| s.name.as_str());
        format!("retires on {on}, before you could finish it at your hours; take {name} instead")
    })
}

/// Fit for one entry.
pub fn fit(p: &Person, e: &Entry, kb: &Knowledge, study_hours: u32) -> Verdict {
    let avoid = avoid_reasons(e, kb);
    if !avoid.is_empty() {
        return Verdict::Avoid(avoid);
    }
    if let Some(why) = retiring_in_time(p, e, kb, study_hours) {
        return Verdict::NotNow(why);
    }
    RULES
        .iter()
        .find_map(|rule| rule(p, e, kb))
        .map_or(Verdict::Fits, Verdict::NotNow)
}

fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map_or_else(String::new, |c| c.to_lowercase().chain(chars).collect())
}

/// "an AWS", "a Google Cloud": the article a label takes when said aloud.
fn with_article(label: &str) -> String {
    let vowel_sound = label.starts_with(['A', 'E', 'I', 'O', 'U'])
        || ["NVIDIA"].iter().any(|x| label.starts_with(x));
    if vowel_sound {
        format!("an {label}")
    } else {
        format!("a {label}")
    }
}
