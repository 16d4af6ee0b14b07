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

use aho_corasick::automaton::Automaton as _;
use aho_corasick::dfa::DFA;
use aho_corasick::{Anchored, MatchKind, StartKind};

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
    automaton: DFA,
    targets: Vec<Vec<Target>>,
    pub credentials: Vec<Credential>,
    pub skill_platforms: Vec<Option<Platform>>,
    /// The patterns, to check the search against the `aho-corasick` crate's own.
    #[cfg(test)]
    patterns: Vec<String>,
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
        let automaton = aho_corasick::dfa::Builder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .start_kind(StartKind::Unanchored)
            .prefilter(false)
            .build(&patterns)
            .map_err(|e| BuildError(e.to_string()))?;
        Ok(Matcher {
            automaton,
            targets,
            credentials,
            skill_platforms: skills.skills.iter().map(|s| s.platform).collect(),
            #[cfg(test)]
            patterns,
        })
    }

    /// What one posting names.
    pub fn find(&self, posting: &Posting, found: &mut Found) {
        found.clear();
        let mut hits = std::mem::take(&mut found.hits);
        self.hits(&posting.text, &mut hits);
        let mut unit = 0;
        // Per unit: cues and credentials with their positions, resolved when the unit ends.
        let mut cues = std::mem::take(&mut found.cues);
        let mut named = std::mem::take(&mut found.named);
        let mut section: Option<Mention> = None;
        for hit in hits.iter().map(Some).chain([None]) {
            let hit_at = hit.map_or(usize::MAX, |h| h.start);
            // Close the units that end before this hit.
            while unit < posting.units.len() && posting.units[unit].end <= hit_at {
                let u = posting.units[unit];
                section = resolve(u.kind, u.after_blank, &cues, &named, section, found);
                cues.clear();
                named.clear();
                unit += 1;
            }
            let Some(hit) = hit else { break };
            for &t in &self.targets[hit.pattern] {
                match t {
                    Target::Credential(c) => {
                        named.push((hit.start, c));
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
                    Target::Cue(c) => cues.push((hit.start, c)),
                }
            }
        }
        found.hits = hits;
        found.cues = cues;
        found.named = named;
        found.certification = found
            .credentials
            .iter()
            .any(|&(c, _)| self.credentials[usize::from(c)].is_certification);
    }

    /// Every match in a normalised text, in order: leftmost-longest, each search starting again
    /// at the closing space of the match before (which opens the next word).
    ///
    /// The DFA's time goes in waiting for each step's table read, which depends on the step
    /// before; so the text is cut in two at a unit's end near its middle and both halves are
    /// searched in one loop, whose two independent reads overlap. No pattern holds a line end,
    /// so no match crosses the cut, and after a line end the DFA is back at its start: the
    /// matches are those of one search over the whole text.
    fn hits(&self, text: &[u8], hits: &mut Vec<Hit>) {
        hits.clear();
        let cut = text
            .get(text.len() / 2..)
            .and_then(|rest| rest.iter().position(|&b| b == b'\n'))
            .map_or(text.len(), |i| text.len() / 2 + i + 1);
        let Ok(start) = self.automaton.start_state(Anchored::No) else {
            return;
        };
        let mut first = Search::new(start, 0, cut);
        let mut second = Search::new(start, cut, text.len());
        let mut later = Vec::new();
        while first.at < first.end && second.at < second.end {
            let a = self
                .automaton
                .next_state(Anchored::No, first.sid, text[first.at]);
            let b = self
                .automaton
                .next_state(Anchored::No, second.sid, text[second.at]);
            first.sid = a;
            second.sid = b;
            if self.automaton.is_special(a) {
                first.special(&self.automaton, start, hits);
            }
            if self.automaton.is_special(b) {
                second.special(&self.automaton, start, &mut later);
            }
            first.at += 1;
            second.at += 1;
        }
        first.finish(&self.automaton, text, start, hits);
        second.finish(&self.automaton, text, start, &mut later);
        hits.append(&mut later);
    }
}

/// A match: where it starts in the normalised text, and its pattern.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Hit {
    start: usize,
    pattern: usize,
}

/// One leftmost-longest search over `at..end`, run a byte at a time by [`Matcher::hits`].
struct Search {
    sid: aho_corasick::automaton::StateID,
    at: usize,
    end: usize,
    /// The longest match so far (its end and pattern), reported when the DFA can go no further.
    pending: Option<(usize, aho_corasick::PatternID)>,
}

impl Search {
    fn new(start: aho_corasick::automaton::StateID, at: usize, end: usize) -> Self {
        Search {
            sid: start,
            at,
            end,
            pending: None,
        }
    }

    /// After a step into a special state (a match or the dead state) at `self.at`.
    fn special(&mut self, dfa: &DFA, start: aho_corasick::automaton::StateID, hits: &mut Vec<Hit>) {
        if dfa.is_dead(self.sid) {
            match self.pending.take() {
                Some(m) => self.report(dfa, m, start, hits),
                // No match to come: the rest of the text is done.
                None => self.at = self.end.saturating_sub(1),
            }
        } else if dfa.is_match(self.sid) {
            self.pending = Some((self.at + 1, dfa.match_pattern(self.sid, 0)));
        }
    }

    /// Reports a match and starts again at its closing space.
    fn report(
        &mut self,
        dfa: &DFA,
        (end, pattern): (usize, aho_corasick::PatternID),
        start: aho_corasick::automaton::StateID,
        hits: &mut Vec<Hit>,
    ) {
        hits.push(Hit {
            start: end - dfa.pattern_len(pattern),
            pattern: pattern.as_usize(),
        });
        // The caller adds one: the next byte read is the closing space at `end - 1`.
        self.at = end - 2;
        self.sid = start;
    }

    /// Runs the search to the end of its text on its own.
    fn finish(
        &mut self,
        dfa: &DFA,
        text: &[u8],
        start: aho_corasick::automaton::StateID,
        hits: &mut Vec<Hit>,
    ) {
        loop {
            while self.at < self.end {
                self.sid = dfa.next_state(Anchored::No, self.sid, text[self.at]);
                if dfa.is_special(self.sid) {
                    self.special(dfa, start, hits);
                }
                self.at += 1;
            }
            // The end of the text ends the longest match so far; the search goes on after it.
            match self.pending.take() {
                Some(m) => {
                    self.report(dfa, m, start, hits);
                    self.at += 1;
                }
                None => return,
            }
        }
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
    /// Room reused from posting to posting: the matches, and one unit's cues and credentials.
    hits: Vec<Hit>,
    cues: Vec<(usize, Mention)>,
    named: Vec<(usize, u16)>,
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
///
/// This is most of a scan's time, so ASCII goes through a table without a branch per word: each
/// byte is written (lower-cased, or a space), and the write position moves on unless it was a
/// space after a space. Other bytes (letters beyond ASCII, sentence marks) take the slow path.
fn push_words(out: &mut Vec<u8>, text: &str, sentences: bool) -> Option<usize> {
    /// Bytes written per growth of `out`: enough to make the growth rare, little enough that
    /// text switching often between ASCII and other letters does not zero much.
    const CHUNK: usize = 512;
    let bytes = text.as_bytes();
    let table = if sentences {
        &SENTENCE_BYTES
    } else {
        &WORD_BYTES
    };
    // Whether the output ends where no space is wanted (empty, a space or a unit's end).
    let mut spaced = out.last().is_none_or(|&b| b == b' ' || b == b'\n');
    let mut i = 0;
    while i < bytes.len() {
        let chunk = &bytes[i..bytes.len().min(i + CHUNK)];
        let at = out.len();
        out.resize(at + chunk.len(), 0);
        let buf = &mut out[at..];
        let mut written = 0;
        let mut slow = None;
        for (k, &b) in chunk.iter().enumerate() {
            let mapped = table[usize::from(b)];
            if mapped == 0 {
                slow = Some(k);
                break;
            }
            // `written <= k < buf.len()`.
            buf[written] = mapped;
            let space = mapped == b' ';
            written += usize::from(!(space && spaced));
            spaced = space;
        }
        out.truncate(at + written);
        let Some(k) = slow else {
            i += chunk.len();
            continue;
        };
        i += k;
        let b = bytes[i];
        if b < 0x80 {
            // A sentence mark: the end of the sentence if whitespace or nothing follows.
            i += 1;
            if bytes.get(i).is_none_or(u8::is_ascii_whitespace) {
                return Some(i);
            }
            if !spaced {
                out.push(b' ');
                spaced = true;
            }
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
            spaced = false;
        } else if !spaced {
            out.push(b' ');
            spaced = true;
        }
    }
    None
}

/// For the fast path of [`push_words`] outside sentences: an ASCII letter or digit lower-cased,
/// a space for any other ASCII byte, zero for bytes that start or continue a longer character.
const WORD_BYTES: [u8; 256] = byte_table(false);
/// The same inside sentences, where the sentence marks (`.`, `!`, `?`, `;`) are zero too.
const SENTENCE_BYTES: [u8; 256] = byte_table(true);

const fn byte_table(sentences: bool) -> [u8; 256] {
    let mut table = [0; 256];
    let mut b = 0;
    while b < 128 {
        #[allow(clippy::cast_possible_truncation)] // b < 128
        let byte = b as u8;
        table[b] = if LOWER[b] != 0 {
            LOWER[b]
        } else if sentences && matches!(byte, b'.' | b'!' | b'?' | b';') {
            0
        } else {
            b' '
        };
        b += 1;
    }
    table
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
    use proptest::prelude::*;

    fn posting(text: &str) -> Posting {
        let mut p = Posting::default();
        for line in text.lines() {
            p.push_line(line);
        }
        p.finish();
        p
    }

    /// The normaliser as it was before its fast path (one byte pushed at a time), kept to prove
    /// the fast one writes the same bytes and stops at the same place.
    fn push_words_reference(out: &mut Vec<u8>, text: &str, sentences: bool) -> Option<usize> {
        fn separate(out: &mut Vec<u8>) {
            if out.last().is_some_and(|&b| b != b' ' && b != b'\n') {
                out.push(b' ');
            }
        }
        let bytes = text.as_bytes();
        let mut i = 0;
        while let Some(&b) = bytes.get(i) {
            if LOWER[usize::from(b)] != 0 {
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

    /// Text made of the pieces postings and names are made of: words, codes, punctuation,
    /// spaces, line ends, sentence ends, and letters that are not ASCII.
    fn posting_text() -> impl Strategy<Value = String> {
        proptest::collection::vec(
            prop_oneof![
                Just("AI-102".to_owned()),
                Just("Azure".to_owned()),
                Just("aws".to_owned()),
                Just(" ".to_owned()),
                Just("  \t".to_owned()),
                Just("\n".to_owned()),
                Just(". ".to_owned()),
                Just(".".to_owned()),
                Just("; ".to_owned()),
                Just("!?".to_owned()),
                Just("(".to_owned()),
                Just("-".to_owned()),
                Just("\u{e9}t\u{c9}".to_owned()),
                Just("\u{130}".to_owned()),
                Just("\u{2013}".to_owned()),
                Just("\u{a0}".to_owned()),
                Just("\u{1f600}".to_owned()),
                "[a-zA-Z0-9]{1,6}",
                any::<char>().prop_map(String::from),
            ],
            0..24,
        )
        .prop_map(|parts| parts.concat())
    }

    #[test]
    fn runs_of_plain_text_join_what_comes_before_them() {
        for before in ["", " ", "a", " \n"] {
            for text in [
                " abcdefghijklmnop",
                "  Abcdefghijklmnop qrstuvwxyz 0123456789 ",
                "ABCDEFGHIJKLMNOP. QRSTUVWXYZ abcdef",
                "abcdefghijklmno  pqrstuvwxyz",
                "abcdefghijklmnop\u{e9}abcdefghijklmnop",
            ] {
                for sentences in [false, true] {
                    let mut fast = before.as_bytes().to_vec();
                    let mut slow = before.as_bytes().to_vec();
                    let stop = push_words(&mut fast, text, sentences);
                    assert_eq!(stop, push_words_reference(&mut slow, text, sentences));
                    assert_eq!(
                        String::from_utf8_lossy(&fast),
                        String::from_utf8_lossy(&slow),
                        "{before:?} + {text:?}"
                    );
                }
            }
        }
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn the_fast_normaliser_writes_what_the_reference_writes(
            before in "[ a\n]{0,2}",
            text in posting_text(),
            sentences in any::<bool>(),
        ) {
            let mut fast = before.clone().into_bytes();
            let mut slow = before.into_bytes();
            let stop = push_words(&mut fast, &text, sentences);
            let reference = push_words_reference(&mut slow, &text, sentences);
            prop_assert_eq!(stop, reference);
            prop_assert_eq!(fast, slow);
        }
    }

    /// The search as it was: the crate's own leftmost-longest search, called again from the
    /// closing space of each match.
    fn hits_reference(matcher: &Matcher, text: &[u8]) -> Vec<Hit> {
        static AUTOMATON: std::sync::OnceLock<aho_corasick::AhoCorasick> =
            std::sync::OnceLock::new();
        let automaton = AUTOMATON.get_or_init(|| {
            aho_corasick::AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostLongest)
                .build(&matcher.patterns)
                .expect("automaton")
        });
        let mut hits = Vec::new();
        let mut pos = 0;
        while let Some(m) = automaton.find(aho_corasick::Input::new(text).span(pos..text.len())) {
            hits.push(Hit {
                start: m.start(),
                pattern: m.pattern().as_usize(),
            });
            pos = m.end() - 1;
        }
        hits
    }

    fn shipped_matcher() -> &'static Matcher {
        static MATCHER: std::sync::OnceLock<Matcher> = std::sync::OnceLock::new();
        MATCHER.get_or_init(|| {
            let kb = Knowledge::embedded().expect("knowledge");
            let skills = SkillsFile::embedded().expect("skills");
            Matcher::new(kb, skills).expect("matcher")
        })
    }

    /// Words of the shipped names (cut anywhere, so prefixes of names turn up too), everyday
    /// words, codes, punctuation and line ends.
    fn name_text() -> impl Strategy<Value = String> {
        let words: Vec<String> = shipped_matcher()
            .patterns
            .iter()
            .flat_map(|p| p.split(' ').map(str::to_owned).collect::<Vec<_>>())
            .filter(|w| !w.is_empty())
            .collect();
        proptest::collection::vec(
            prop_oneof![
                4 => proptest::sample::select(words),
                1 => Just("AI-102".to_owned()),
                1 => Just("we".to_owned()),
                1 => Just("must".to_owned()),
                1 => Just("\n".to_owned()),
                1 => Just("- ".to_owned()),
                1 => Just(". ".to_owned()),
                1 => Just(":\n".to_owned()),
                1 => posting_text(),
            ],
            0..60,
        )
        .prop_map(|parts| parts.join(" "))
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(512))]

        #[test]
        fn the_two_way_search_finds_what_the_crate_finds(text in name_text()) {
            let matcher = shipped_matcher();
            let p = posting(&text);
            let mut hits = Vec::new();
            matcher.hits(&p.text, &mut hits);
            prop_assert_eq!(hits, hits_reference(matcher, &p.text));
        }
    }

    #[test]
    fn the_two_way_search_finds_names_on_both_sides_of_the_cut() {
        let matcher = shipped_matcher();
        let text = "AI-102 is required.\n".repeat(50) + "AWS ML Specialty and AI 102 preferred\n";
        let p = posting(&text);
        let mut hits = Vec::new();
        matcher.hits(&p.text, &mut hits);
        assert!(hits.len() > 100, "{}", hits.len());
        assert_eq!(hits, hits_reference(matcher, &p.text));
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
