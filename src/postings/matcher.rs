//! Finding credentials, platforms, skills and required/preferred words in a posting with one
//! Aho-Corasick automaton.
//!
//! Text and names are normalised the same way: letters and digits lower-cased, every other run of
//! characters one space, so case, spacing and punctuation do not matter ("AI-102" = "ai 102").
//! Each name is also looked for with its words run together ("AI102", "MLAC01"). A posting becomes
//! ` word word \n word \n`: one line per unit (a sentence, a list item or a heading), each word
//! between spaces. A pattern is ` word word `, so it matches whole words only and never across
//! units; the search is leftmost-longest, so "Azure AI Fundamentals AI-900" is the retired AI-900
//! exam, not "Azure AI Fundamentals" (AI-901) followed by a code.

use aho_corasick::{AhoCorasick, AhoCorasickKind, Input, MatchKind};

use crate::knowledge::{Kind, Knowledge, Platform};

use super::skills::SkillsFile;

/// What a pattern stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Target {
    /// An index into [`Matcher::credentials`].
    Credential(u16),
    Platform(Platform),
    /// An index into the skills file's skills.
    Skill(u16),
    Cue(Mention),
}

/// How a posting names a credential: the strongest wins.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Mention {
    Named,
    Preferred,
    Required,
}

/// A credential of the catalog the automaton looks for.
#[derive(Debug, Clone)]
pub struct Credential {
    /// The catalog entry's index.
    pub entry: usize,
    pub platform: Option<Platform>,
    pub is_certification: bool,
}

/// The automaton and what each of its patterns stands for.
pub struct Matcher {
    automaton: AhoCorasick,
    targets: Vec<Vec<Target>>,
    pub credentials: Vec<Credential>,
    pub skill_platforms: Vec<Option<Platform>>,
}

/// Why the matcher could not be built (only a broken knowledge base or skills file).
#[derive(Debug, thiserror::Error)]
#[error("cannot build the posting matcher: {0}")]
pub struct BuildError(String);

impl Matcher {
    /// Builds the automaton over every certification and course of the catalog (name, exam code,
    /// aliases; not the internal id), every platform name, skill name and alias, and the
    /// required/preferred words.
    ///
    /// # Errors
    /// Too many patterns for the automaton, which the shipped files are far from.
    pub fn new(kb: &Knowledge, skills: &SkillsFile) -> Result<Self, BuildError> {
        let mut patterns: Vec<String> = Vec::new();
        let mut targets: Vec<Vec<Target>> = Vec::new();
        let mut index = std::collections::HashMap::<String, usize>::new();
        let mut add = |name: &str, target: Target| {
            for key in pattern_keys(name) {
                let slot = *index.entry(key.clone()).or_insert_with(|| {
                    patterns.push(key);
                    targets.push(Vec::new());
                    targets.len() - 1
                });
                if !targets[slot].contains(&target) {
                    targets[slot].push(target);
                }
            }
        };
        let mut credentials = Vec::new();
        for (i, e) in kb.catalog.entries.iter().enumerate() {
            if !e.kind.is_study() {
                continue;
            }
            let n = u16::try_from(credentials.len()).map_err(|e| BuildError(e.to_string()))?;
            credentials.push(Credential {
                entry: i,
                platform: e.platform,
                is_certification: e.kind == Kind::Certification,
            });
            for name in e.names().filter(|&name| name != e.id) {
                add(name, Target::Credential(n));
            }
        }
        for p in &skills.platforms {
            for name in &p.names {
                add(name, Target::Platform(p.platform));
            }
        }
        for (i, s) in skills.skills.iter().enumerate() {
            let n = u16::try_from(i).map_err(|e| BuildError(e.to_string()))?;
            for name in s.names() {
                add(name, Target::Skill(n));
            }
        }
        for cue in &skills.required_cues {
            add(cue, Target::Cue(Mention::Required));
        }
        for cue in &skills.preferred_cues {
            add(cue, Target::Cue(Mention::Preferred));
        }
        // A full DFA: every pattern starts with a space, so no prefilter helps, and a DFA scans
        // a byte at a time without backtracking (a few MB for the shipped names).
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::LeftmostLongest)
            .kind(Some(AhoCorasickKind::DFA))
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| BuildError(e.to_string()))?;
        Ok(Matcher {
            automaton,
            targets,
            credentials,
            skill_platforms: skills.skills.iter().map(|s| s.platform).collect(),
        })
    }

    /// What one posting names.
    pub fn find(&self, posting: &Posting, found: &mut Found) {
        found.clear();
        let buf = posting.text.as_slice();
        let mut unit = 0;
        // Per unit: cues and credentials with their positions, resolved when the unit ends.
        let mut cues: Vec<(usize, Mention)> = Vec::new();
        let mut named: Vec<(usize, u16)> = Vec::new();
        let mut section: Option<Mention> = None;
        let mut pos = 0;
        loop {
            let hit = self.automaton.find(Input::new(buf).span(pos..buf.len()));
            let hit_at = hit.as_ref().map_or(usize::MAX, aho_corasick::Match::start);
            // Close the units that end before this hit.
            while unit < posting.units.len() && posting.units[unit].end <= hit_at {
                let u = posting.units[unit];
                section = resolve(u.kind, u.after_blank, &cues, &named, section, found);
                cues.clear();
                named.clear();
                unit += 1;
            }
            let Some(m) = hit else { break };
            for &t in &self.targets[m.pattern().as_usize()] {
                match t {
                    Target::Credential(c) => {
                        named.push((m.start(), c));
                        if let Some(p) = self.credentials[usize::from(c)].platform {
                            found.add_platform(p);
                        }
                    }
                    Target::Platform(p) => found.add_platform(p),
                    Target::Skill(s) => {
                        found.add_skill(s);
                        if let Some(p) = self.skill_platforms[usize::from(s)] {
                            found.add_platform(p);
                        }
                    }
                    Target::Cue(c) => cues.push((m.start(), c)),
                }
            }
            // The closing space of this match opens the next word.
            pos = m.end() - 1;
        }
        found.certification = found
            .credentials
            .iter()
            .any(|&(c, _)| self.credentials[usize::from(c)].is_certification);
    }
}

/// Settles how the credentials of one unit are named; returns the section's word for the units
/// that follow (set by a heading such as "Nice to have:", it holds for the list under the heading
/// and ends at a paragraph after a blank line).
fn resolve(
    kind: UnitKind,
    after_blank: bool,
    cues: &[(usize, Mention)],
    named: &[(usize, u16)],
    section: Option<Mention>,
    found: &mut Found,
) -> Option<Mention> {
    // Leading words ("Must have: X, Y", "Required: X, preferred: Y") name what follows them;
    // trailing ones ("X is required, and Y would be a plus") what comes before them.
    let leading = match (cues.first(), named.first()) {
        (Some(&(cue, _)), Some(&(first, _))) => cue < first,
        _ => false,
    };
    let section = if kind == UnitKind::Sentence && after_blank {
        None
    } else {
        section
    };
    for &(at, c) in named {
        let before = cues
            .iter()
            .rev()
            .find(|&&(cue, _)| cue < at)
            .map(|&(_, m)| m);
        let after = cues.iter().find(|&&(cue, _)| cue > at).map(|&(_, m)| m);
        let own = if leading { before } else { after.or(before) };
        let how = own
            .or(if kind == UnitKind::Heading {
                None
            } else {
                section
            })
            .unwrap_or(Mention::Named);
        found.add_credential(c, how);
    }
    if kind == UnitKind::Heading {
        cues.first().map(|&(_, m)| m)
    } else {
        section
    }
}

/// What one posting names, each thing once.
#[derive(Debug, Default, Clone)]
pub struct Found {
    /// Credential index and the strongest way it is named.
    pub credentials: Vec<(u16, Mention)>,
    /// Whether any credential named is a certification (not a course).
    pub certification: bool,
    /// A bit per `Platform::ALL` index.
    pub platforms: u8,
    pub skills: Vec<u16>,
}

impl Found {
    fn clear(&mut self) {
        self.credentials.clear();
        self.certification = false;
        self.platforms = 0;
        self.skills.clear();
    }

    fn add_credential(&mut self, c: u16, how: Mention) {
        match self.credentials.iter_mut().find(|(have, _)| *have == c) {
            Some((_, was)) => *was = (*was).max(how),
            None => self.credentials.push((c, how)),
        }
    }

    fn add_platform(&mut self, p: Platform) {
        if let Some(i) = Platform::ALL.iter().position(|&q| q == p) {
            self.platforms |= 1 << i;
        }
    }

    fn add_skill(&mut self, s: u16) {
        if !self.skills.contains(&s) {
            self.skills.push(s);
        }
    }

    /// The platforms named, in `Platform::ALL` order.
    pub fn platforms(&self) -> impl Iterator<Item = Platform> + '_ {
        Platform::ALL
            .into_iter()
            .enumerate()
            .filter(|&(i, _)| self.platforms & (1 << i) != 0)
            .map(|(_, p)| p)
    }
}

/// The normalised forms a name is looked for in: its words, and its words run together.
fn pattern_keys(name: &str) -> Vec<String> {
    let mut words = Vec::new();
    push_words(&mut words, name, false);
    let words = String::from_utf8_lossy(&words);
    let words = words.trim();
    if words.is_empty() {
        return Vec::new();
    }
    let spaced = format!(" {words} ");
    let joined = format!(" {} ", words.replace(' ', ""));
    if joined == spaced {
        vec![spaced]
    } else {
        vec![spaced, joined]
    }
}

/// Appends `text` normalised: letters and digits lower-cased, any other run of characters one
/// space (none at the start of `out` or after a space already there). With `sentences`, stops
/// after the first sentence end (". ", "! ", "? ", "; " or one of them last) and returns where
/// the rest starts.
fn push_words(out: &mut Vec<u8>, text: &str, sentences: bool) -> Option<usize> {
    let bytes = text.as_bytes();
    out.reserve(bytes.len() + 1);
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        if LOWER[usize::from(b)] != 0 {
            // A run of ASCII letters and digits, lower-cased by table in one pass.
            for &b in &bytes[i..] {
                let lower = LOWER[usize::from(b)];
                if lower == 0 {
                    break;
                }
                out.push(lower);
                i += 1;
            }
            continue;
        }
        if b < 0x80 {
            i += 1;
            if sentences
                && matches!(b, b'.' | b'!' | b'?' | b';')
                && bytes.get(i).is_none_or(u8::is_ascii_whitespace)
            {
                return Some(i);
            }
            separate(out);
            continue;
        }
        // `i` is at a character boundary: everything before it was whole characters.
        let Some(c) = text.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        if c.is_alphanumeric() {
            let mut buf = [0; 4];
            for lower in c.to_lowercase() {
                out.extend_from_slice(lower.encode_utf8(&mut buf).as_bytes());
            }
        } else {
            separate(out);
        }
    }
    None
}

/// The lower-case of each ASCII letter and digit; zero for every other byte.
const LOWER: [u8; 256] = {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)] // b < 128
        let byte = b as u8;
        if byte.is_ascii_alphanumeric() {
            table[b] = byte.to_ascii_lowercase();
        }
        b += 1;
    }
    table
};

/// One space between words: none at the start, after a space or after a unit's end.
fn separate(out: &mut Vec<u8>) {
    if out.last().is_some_and(|&b| b != b' ' && b != b'\n') {
        out.push(b' ');
    }
}

/// What a unit of a posting is, for required/preferred words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitKind {
    /// A sentence of a paragraph.
    Sentence,
    /// A list item, whatever its sentences.
    Item,
    /// A heading or a short line ending in a colon; its word counts for the units under it.
    Heading,
}

#[derive(Debug, Clone, Copy)]
pub struct Unit {
    /// Where the unit ends in the posting's text (after its `\n`).
    pub end: usize,
    pub kind: UnitKind,
    /// Whether a blank line came before it (a new paragraph ends a heading's section).
    pub after_blank: bool,
}

/// One posting, normalised and cut into units.
#[derive(Debug, Default)]
pub struct Posting {
    /// The normalised text: UTF-8, kept as bytes for the automaton.
    text: Vec<u8>,
    units: Vec<Unit>,
    open: Option<UnitKind>,
    /// A blank line since the last unit ended.
    blank: bool,
    /// Whether the open unit started after a blank line.
    open_after_blank: bool,
}

impl Posting {
    pub fn clear(&mut self) {
        self.text.clear();
        self.units.clear();
        self.open = None;
        self.blank = false;
        self.open_after_blank = false;
    }

    /// Whether the posting has any word in it.
    pub fn has_words(&self) -> bool {
        self.text
            .iter()
            .any(|&b| b.is_ascii_alphanumeric() || b >= 0x80)
    }

    /// The normalised text (for tests).
    pub fn text(&self) -> std::borrow::Cow<'_, str> {
        String::from_utf8_lossy(&self.text)
    }

    /// Adds one line of the posting's text.
    pub fn push_line(&mut self, line: &str) {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            self.end_unit();
            self.blank = true;
            return;
        }
        if let Some(heading) = trimmed.strip_prefix('#') {
            self.end_unit();
            self.add(heading.trim_start_matches('#'), UnitKind::Heading);
            self.end_unit();
        } else if let Some(item) = list_item(trimmed) {
            self.end_unit();
            self.add(item, UnitKind::Item);
        } else if is_label(trimmed) {
            self.end_unit();
            self.add(trimmed, UnitKind::Heading);
            self.end_unit();
        } else {
            let kind = self.open.unwrap_or(UnitKind::Sentence);
            self.add(trimmed, kind);
        }
    }

    /// Ends the posting's last unit.
    pub fn finish(&mut self) {
        self.end_unit();
    }

    fn add(&mut self, text: &str, kind: UnitKind) {
        if self.open.is_none() {
            self.text.push(b' ');
            self.open = Some(kind);
            self.open_after_blank = std::mem::take(&mut self.blank);
        }
        // A paragraph is cut into sentences; a list item or heading is one unit whatever its
        // sentences.
        let sentences = kind == UnitKind::Sentence;
        let mut rest = text;
        while let Some(i) = push_words(&mut self.text, rest, sentences) {
            self.end_unit();
            rest = &rest[i..];
            if rest.trim().is_empty() {
                return;
            }
            self.text.push(b' ');
            self.open = Some(UnitKind::Sentence);
            self.open_after_blank = false;
        }
        self.text_space();
    }

    fn text_space(&mut self) {
        if self.text.last().is_some_and(|&b| b != b' ' && b != b'\n') {
            self.text.push(b' ');
        }
    }

    fn end_unit(&mut self) {
        if let Some(kind) = self.open.take() {
            self.text_space();
            self.text.push(b'\n');
            self.units.push(Unit {
                end: self.text.len(),
                kind,
                after_blank: self.open_after_blank,
            });
        }
    }
}

/// The text of a list item line ("- x", "* x", "• x", "1. x", "2) x"), or `None`.
fn list_item(line: &str) -> Option<&str> {
    if let Some(rest) = line.strip_prefix(['-', '*', '+', '\u{2022}', '\u{2013}', '\u{b7}']) {
        return rest.starts_with(char::is_whitespace).then_some(rest);
    }
    let digits = line.len() - line.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits == 0 || digits > 3 {
        return None;
    }
    line[digits..]
        .strip_prefix(['.', ')'])
        .filter(|rest| rest.starts_with(char::is_whitespace))
}

/// A short line ending in a colon ("Nice to have:", "**Requirements:**"): a heading.
fn is_label(line: &str) -> bool {
    let bare = line.trim_end_matches(['*', '_', ' ']);
    bare.ends_with(':') && bare.chars().count() <= 80
}

#[cfg(test)]
mod tests {
    use super::*;

    fn posting(text: &str) -> Posting {
        let mut p = Posting::default();
        for line in text.lines() {
            p.push_line(line);
        }
        p.finish();
        p
    }

    #[test]
    fn names_normalise_to_spaced_and_joined_words() {
        assert_eq!(pattern_keys("AI-102"), [" ai 102 ", " ai102 "]);
        assert_eq!(pattern_keys("  AWS "), [" aws "]);
        assert!(pattern_keys("+++").is_empty());
    }

    #[test]
    fn paragraphs_split_into_sentences_and_items_do_not() {
        let p = posting("Hello there. We use AWS!\n- one. two\nNice to have:\n## Heading");
        assert_eq!(
            p.text(),
            " hello there \n we use aws \n one two \n nice to have \n heading \n"
        );
        let kinds: Vec<UnitKind> = p.units.iter().map(|u| u.kind).collect();
        assert_eq!(
            kinds,
            [
                UnitKind::Sentence,
                UnitKind::Sentence,
                UnitKind::Item,
                UnitKind::Heading,
                UnitKind::Heading
            ]
        );
    }

    #[test]
    fn list_items_are_recognised() {
        assert_eq!(list_item("- a"), Some(" a"));
        assert_eq!(list_item("12) a"), Some(" a"));
        assert_eq!(list_item("-a"), None);
        assert_eq!(list_item("2026. a"), None);
    }
}
