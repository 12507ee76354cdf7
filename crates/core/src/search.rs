//! Danish full-text search: the hits the UI shows, and the pure half of the search — words,
//! Danish stems, the FTS5 query and the snippets. The SQL half is `Db::search` in
//! `store/search.rs`; the indexes and the triggers that keep them current are in migration
//! `0005_search.sql`.
//!
//! How a query is read:
//!
//! * **Plain words only.** The input is split into words (letters and digits) and everything
//!   else is dropped, so quotes, `AND`, `NEAR`, `col:x` or a lone `"` are words or nothing,
//!   never FTS5 syntax. Every word must occur (AND).
//! * **Whole words first.** A word matches as written, or by its Danish stem (Snowball), so
//!   "udvalgene" finds "udvalget". Diacritics are significant: "får" is not "far".
//! * **Then parts of words.** Documents where a word of three letters or more (or its stem)
//!   occurs *inside* a word come after: "udvalg" finds "Økonomiudvalgets", and "it strat"
//!   finds "IT-strategien" (shorter words must still be whole words). These hits are flagged
//!   `part_of_word`.
//!
//! Snippets are built here, not by FTS5, from the text as written: the UI renders text only,
//! so a highlighted part is a [`SnippetPart`] with `hit: true`, never markup.

use std::sync::OnceLock;

use rust_stemmers::{Algorithm, Stemmer};
use serde::{Deserialize, Serialize};

use crate::domain::{Id, Openness};

/// What a search hit is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, specta::Type)]
#[serde(rename_all = "snake_case")]
pub enum SearchKind {
    Committee,
    Meeting,
    AgendaItem,
    /// A note taken at a step of the walk.
    Note,
    /// A question to the administration (a follow-up item), with its answer.
    FollowUp,
    /// A digitalisation project (title and description).
    Project,
    /// A page of a bilag's text (its title and the page).
    Attachment,
}

impl SearchKind {
    pub const ALL: &'static [SearchKind] = &[
        SearchKind::Committee,
        SearchKind::Meeting,
        SearchKind::AgendaItem,
        SearchKind::Note,
        SearchKind::FollowUp,
        SearchKind::Project,
        SearchKind::Attachment,
    ];

    /// The stable word sent to the UI.
    pub fn as_str(self) -> &'static str {
        match self {
            SearchKind::Committee => "committee",
            SearchKind::Meeting => "meeting",
            SearchKind::AgendaItem => "agenda_item",
            SearchKind::Note => "note",
            SearchKind::FollowUp => "follow_up",
            SearchKind::Project => "project",
            SearchKind::Attachment => "attachment",
        }
    }

    /// The Fluent key of this kind's label, e.g. `search-kind-agenda-item`.
    pub fn label_key(self) -> String {
        format!("search-kind-{}", self.as_str().replace('_', "-"))
    }

    /// The kind's number in the indexes' rowids (`id * 8 + code`, see `0005_search.sql`).
    pub(crate) fn code(self) -> i64 {
        match self {
            SearchKind::Committee => 1,
            SearchKind::Meeting => 2,
            SearchKind::AgendaItem => 3,
            SearchKind::Note => 4,
            SearchKind::FollowUp => 5,
            // 0007_cycle_projects.sql
            SearchKind::Project => 6,
            // 0013_bilag.sql: one document per page of a bilag.
            SearchKind::Attachment => 7,
        }
    }

    /// The kind and source id of an index rowid.
    pub(crate) fn from_rowid(rowid: i64) -> Option<(SearchKind, Id)> {
        let code = rowid & 7;
        SearchKind::ALL.iter().find(|k| k.code() == code).map(|k| (*k, rowid >> 3))
    }
}

/// A piece of a snippet; `hit` pieces are what the query matched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

/// One thing a search found, with what the UI needs to open it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, specta::Type)]
pub struct SearchHit {
    pub kind: SearchKind,
    /// The committee everything found belongs to (for a committee: itself).
    pub committee_id: Id,
    /// The meeting, for all but committees and follow-up items written by hand without one.
    pub meeting_id: Option<Id>,
    /// The agenda item, for items and for notes and questions raised at one.
    pub agenda_item_id: Option<Id>,
    /// The project, for projects.
    pub project_id: Option<Id>,
    /// For a note or question raised at a step of the walk: the step's 0-based index.
    pub step: Option<u32>,
    /// The committee's name, the meeting's title or the agenda item's title (also for notes
    /// and questions to the administration; a question not raised at an item has the
    /// meeting's title; a follow-up item without a meeting has the committee's name).
    pub title: String,
    /// The meeting's title, for agenda items, notes and questions.
    pub meeting_title: Option<String>,
    /// The agenda item's 1-based number, when the hit belongs to an item.
    pub item_number: Option<u32>,
    /// Åben or Lukket, when the hit belongs to an agenda item. Closed items are found — this
    /// is the committee's own workspace — but must be shown as closed.
    pub openness: Option<Openness>,
    /// For a bilag: which one, its title and the page (1-based) the text was found on.
    pub attachment_id: Option<Id>,
    pub attachment_title: Option<String>,
    pub page: Option<u32>,
    /// A short piece of the text found, with the matching words marked.
    pub snippet: Vec<SnippetPart>,
    /// Found only as part of a longer word ("udvalg" in "Økonomiudvalgets"); such hits come
    /// after the whole-word ones.
    pub part_of_word: bool,
}

/// At most this many words of a query are used.
const MAX_TERMS: usize = 16;
/// Words shorter than this (in characters) cannot be found inside other words.
const MIN_PART_LEN: usize = 3;
/// A snippet shows about this many characters.
const SNIPPET_CHARS: usize = 160;
/// …of which about this many come before the first hit.
const SNIPPET_LEAD: usize = 40;

fn stemmer() -> &'static Stemmer {
    static STEMMER: OnceLock<Stemmer> = OnceLock::new();
    STEMMER.get_or_init(|| Stemmer::create(Algorithm::Danish))
}

/// The words of `text` with their byte offsets: runs of letters and digits, as FTS5's
/// `unicode61` tokenizer sees them.
pub(crate) fn words(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        while let Some(&(_, c)) = chars.peek() {
            if c.is_alphanumeric() {
                break;
            }
            chars.next();
        }
        let (start, _) = *chars.peek()?;
        let mut end = start;
        while let Some(&(i, c)) = chars.peek() {
            if !c.is_alphanumeric() {
                break;
            }
            end = i + c.len_utf8();
            chars.next();
        }
        Some((start, &text[start..end]))
    })
}

/// The Danish stem of one lowercase word.
pub fn stem_word(lowercase: &str) -> String {
    stemmer().stem(lowercase).into_owned()
}

/// `text` as the stem column holds it: each word lowercased and stemmed, space-separated.
/// This is `pejling_stem()` in SQL.
pub fn stem_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for (_, w) in words(text) {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&stem_word(&w.to_lowercase()));
    }
    out
}

/// One word of a query.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Term {
    pub word: String,
    pub stem: String,
}

fn words_match<'a>(terms: impl Iterator<Item = &'a Term>) -> String {
    terms
        .map(|t| format!("({{title body}} : {} OR {{title_stem body_stem}} : {})", quoted(&t.word), quoted(&t.stem)))
        .collect::<Vec<_>>()
        .join(" AND ")
}

impl Term {
    /// Long enough to be looked for inside other words.
    fn is_long(&self) -> bool {
        self.word.chars().count() >= MIN_PART_LEN
    }

    /// What may be found inside a longer word: the word, and its stem when that differs
    /// (the stem of "udvalgene" is "udvalg", which is inside "Økonomiudvalgets").
    fn parts(&self) -> impl Iterator<Item = &str> {
        let stem = (self.stem != self.word && self.stem.chars().count() >= MIN_PART_LEN).then_some(self.stem.as_str());
        std::iter::once(self.word.as_str()).chain(stem)
    }
}

/// A user's query, read as plain words. Public so the benchmarks (`make bench`) can run the
/// very FTS5 query `Db::search` runs, as its floor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Query {
    pub(crate) terms: Vec<Term>,
}

/// An FTS5 string literal.
fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

impl Query {
    pub fn parse(input: &str) -> Query {
        let mut terms: Vec<Term> = Vec::new();
        for (_, w) in words(input) {
            let word = w.to_lowercase();
            if terms.iter().any(|t| t.word == word) {
                continue;
            }
            let stem = stem_word(&word);
            terms.push(Term { word, stem });
            if terms.len() == MAX_TERMS {
                break;
            }
        }
        Query { terms }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    /// The FTS5 query on `search_words`: every word, as written or by its stem.
    pub fn words_match(&self) -> String {
        words_match(self.terms.iter())
    }

    /// The FTS5 queries for parts of words: on `search_trigrams` for the words long enough to
    /// be found inside others, and on `search_words` for the shorter ones (`None` if there are
    /// none). `None` altogether when no word is long enough. The trigram index keeps no
    /// positions (`detail=none`, see `0016_search_size.sql`), so a part is asked for as all of
    /// its trigrams: the documents found may hold them apart, and are checked with
    /// [`Query::parts_in`].
    pub fn part_match(&self) -> Option<(String, Option<String>)> {
        let (long, short): (Vec<&Term>, Vec<&Term>) = self.terms.iter().partition(|t| t.is_long());
        if long.is_empty() {
            return None;
        }
        let each: Vec<String> = long
            .iter()
            .map(|t| {
                let alternatives: Vec<String> = t
                    .parts()
                    .map(|p| {
                        let chars: Vec<char> = p.chars().collect();
                        let grams: Vec<String> =
                            chars.windows(3).map(|w| quoted(&w.iter().collect::<String>())).collect();
                        format!("({})", grams.join(" AND "))
                    })
                    .collect();
                format!("({})", alternatives.join(" OR "))
            })
            .collect();
        Some((each.join(" AND "), (!short.is_empty()).then(|| words_match(short.into_iter()))))
    }

    /// Whether every word long enough to be found inside others is in `title` or in `body`
    /// (as written or by its stem, case ignored): the check of a trigram candidate.
    pub(crate) fn parts_in(&self, title: &str, body: &str) -> bool {
        let (title, body) = (title.to_lowercase(), body.to_lowercase());
        self.terms.iter().filter(|t| t.is_long()).all(|t| t.parts().any(|p| title.contains(p) || body.contains(p)))
    }
}

/// Byte ranges of `text` that the query matches: whole words (as written or by stem), and,
/// for `part_of_word`, occurrences of the longer query words inside words.
fn marks(text: &str, query: &Query, part_of_word: bool) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    for (start, w) in words(text) {
        let lower = w.to_lowercase();
        let stem = stem_word(&lower);
        if query.terms.iter().any(|t| t.word == lower || t.stem == stem) {
            out.push((start, start + w.len()));
            continue;
        }
        if !part_of_word {
            continue;
        }
        // Offsets in `lower` map to `w` char by char, unless lowercasing changed the number
        // of characters (rare outside Danish); then the whole word is marked.
        let orig: Vec<usize> = w.char_indices().map(|(i, _)| i).chain([w.len()]).collect();
        let low: Vec<usize> = lower.char_indices().map(|(i, _)| i).chain([lower.len()]).collect();
        for t in query.terms.iter().filter(|t| t.is_long()) {
            for part in t.parts() {
                for (i, _) in lower.match_indices(part) {
                    let j = i + part.len();
                    if orig.len() == low.len() {
                        let a = low.iter().position(|&x| x == i).expect("a char boundary");
                        let b = low.iter().position(|&x| x == j).expect("a char boundary");
                        out.push((start + orig[a], start + orig[b]));
                    } else {
                        out.push((start, start + w.len()));
                    }
                }
            }
        }
    }
    out.sort_unstable();
    let mut merged: Vec<(usize, usize)> = Vec::with_capacity(out.len());
    for (a, b) in out {
        match merged.last_mut() {
            Some(last) if a <= last.1 => last.1 = last.1.max(b),
            _ => merged.push((a, b)),
        }
    }
    merged
}

/// A snippet of a found document: the first line of its body (or its title) with a match,
/// cut to about [`SNIPPET_CHARS`] characters around the first match, with "…" where cut.
pub(crate) fn snippet(title: &str, body: &str, query: &Query, part_of_word: bool) -> Vec<SnippetPart> {
    let segments: Vec<&str> = body.lines().map(str::trim).chain([title.trim()]).filter(|s| !s.is_empty()).collect();
    let found = segments.iter().find_map(|s| {
        let m = marks(s, query, part_of_word);
        (!m.is_empty()).then_some((*s, m))
    });
    let (text, marks) = match found {
        Some(f) => f,
        None => match segments.first() {
            Some(s) => (*s, Vec::new()),
            None => return Vec::new(),
        },
    };
    let (from, to) = window(text, marks.first().map(|m| m.0).unwrap_or(0));
    let mut parts = Vec::new();
    let mut push = |text: &str, hit: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(SnippetPart { text: last, hit: h }) if *h == hit => last.push_str(text),
            _ => parts.push(SnippetPart { text: text.to_owned(), hit }),
        }
    };
    if from > 0 {
        push("…", false);
    }
    let mut at = from;
    for (a, b) in marks {
        let (a, b) = (a.clamp(from, to), b.clamp(from, to));
        if a >= b {
            continue;
        }
        push(&text[at..a], false);
        push(&text[a..b], true);
        at = b;
    }
    push(&text[at..to], false);
    if to < text.len() {
        push("…", false);
    }
    parts
}

/// The byte range of `text` to show around the match at byte `hit`: whole words, about
/// [`SNIPPET_CHARS`] characters, starting about [`SNIPPET_LEAD`] characters before it.
fn window(text: &str, hit: usize) -> (usize, usize) {
    let bounds: Vec<usize> = text.char_indices().map(|(i, _)| i).chain([text.len()]).collect();
    let chars = bounds.len() - 1;
    if chars <= SNIPPET_CHARS {
        return (0, text.len());
    }
    let hit_char = bounds.iter().position(|&b| b >= hit).unwrap_or(chars);
    let mut from = hit_char.saturating_sub(SNIPPET_LEAD);
    // Start at a word: after the first space at or after `from`, but never past the hit.
    if from > 0 {
        if let Some(space) = text[bounds[from]..bounds[hit_char]].find(char::is_whitespace) {
            let after = bounds[from] + space;
            from = bounds.iter().position(|&b| b > after).unwrap_or(hit_char);
        } else {
            from = hit_char;
        }
    }
    let mut to = (from + SNIPPET_CHARS).min(chars);
    // End at a word: before the last space, unless that would cut off the hit.
    if to < chars {
        if let Some(space) = text[bounds[hit_char]..bounds[to]].rfind(char::is_whitespace) {
            let at = bounds[hit_char] + space;
            to = bounds.iter().position(|&b| b == at).unwrap_or(to);
        }
    }
    (bounds[from], bounds[to])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn show(parts: &[SnippetPart]) -> String {
        parts.iter().map(|p| if p.hit { format!("«{}»", p.text) } else { p.text.clone() }).collect()
    }

    #[test]
    fn danish_stems_meet() {
        assert_eq!(stem_word("udvalgene"), stem_word("udvalget"));
        assert_eq!(stem_word("udvalg"), stem_word("udvalgets"));
        assert_ne!(stem_word("får"), stem_word("far"));
        assert_eq!(
            stem_text("Økonomiudvalgets MØDE, 2026!"),
            format!("{} {} 2026", stem_word("økonomiudvalgets"), stem_word("møde"))
        );
    }

    #[test]
    fn words_are_letters_and_digits() {
        let w: Vec<&str> = words(r#"  "AND" col:x NEAR(a b) EMN-2018-00874 – får*"#).map(|(_, w)| w).collect();
        assert_eq!(w, ["AND", "col", "x", "NEAR", "a", "b", "EMN", "2018", "00874", "får"]);
        assert_eq!(words(r#"" * ^ : ( ) -"#).count(), 0);
    }

    #[test]
    fn queries_are_plain_quoted_words() {
        let q = Query::parse(r#"Udvalgene "AND" udvalgene"#);
        assert_eq!(q.terms.len(), 2);
        assert_eq!(
            q.words_match(),
            r#"({title body} : "udvalgene" OR {title_stem body_stem} : "udvalg") AND ({title body} : "and" OR {title_stem body_stem} : "and")"#
        );
        assert_eq!(
            q.part_match().unwrap(),
            (
                r#"(("udv" AND "dva" AND "val" AND "alg" AND "lge" AND "gen" AND "ene") OR ("udv" AND "dva" AND "val" AND "alg")) AND (("and"))"#
                    .to_owned(),
                None
            )
        );
        let (parts, words) = Query::parse("it strat").part_match().unwrap();
        assert_eq!(parts, r#"(("str" AND "tra" AND "rat"))"#);
        assert!(Query::parse("it strat").parts_in("", "Vi vil se IT-Strategien"));
        assert!(!Query::parse("strat").parts_in("Strøm", "s t r a t"), "all of the part, together");
        assert_eq!(words.unwrap(), r#"({title body} : "it" OR {title_stem body_stem} : "it")"#);
        assert_eq!(Query::parse("it er").part_match(), None, "too short to be part of a word");
        assert!(Query::parse(r#"" : ( ) *"#).is_empty());
    }

    #[test]
    fn snippets_mark_whole_words_and_parts() {
        let q = Query::parse("udvalgene");
        let s = snippet("Titel", "Første linje\nDer er nedsat et udvalg, og udvalget mødes.", &q, false);
        assert_eq!(show(&s), "Der er nedsat et «udvalg», og «udvalget» mødes.");
        let q = Query::parse("udvalg");
        let s = snippet("Økonomiudvalgets møde", "", &q, true);
        assert_eq!(show(&s), "Økonomi«udvalg»ets møde");
        let s = snippet("", "ØKONOMIUDVALGET", &q, true);
        assert_eq!(show(&s), "ØKONOMI«UDVALG»ET");
        let s = snippet("", "Vi vil se IT-strategien og Digitaliseringsudvalget", &Query::parse("it strat vi"), true);
        assert_eq!(show(&s), "«Vi» vil se «IT»-«strat»egien og Digitaliseringsudvalget", "short words only whole");
    }

    #[test]
    fn long_texts_are_cut_around_the_first_hit() {
        let before = "ord ".repeat(60);
        let after = " mere".repeat(60);
        let text = format!("{before}fald{after}");
        let s = snippet("", &text, &Query::parse("fald"), false);
        let shown = show(&s);
        assert!(shown.starts_with("…ord "), "{shown}");
        assert!(shown.ends_with("mere…"), "{shown}");
        assert!(shown.contains("«fald»"), "{shown}");
        assert!(shown.chars().count() <= SNIPPET_CHARS + 6, "{}: {shown}", shown.chars().count());
        let pos = shown.find("«fald»").unwrap();
        assert!(shown[..pos].chars().count() <= SNIPPET_LEAD + 2, "{shown}");
    }

    #[test]
    fn a_document_without_a_visible_match_still_has_a_snippet() {
        let s = snippet("Titel", "", &Query::parse("xyz"), false);
        assert_eq!(show(&s), "Titel");
        assert!(snippet("", "", &Query::parse("xyz"), false).is_empty());
    }

    #[test]
    fn rowids_carry_kind_and_id() {
        for k in SearchKind::ALL {
            assert_eq!(SearchKind::from_rowid(42 * 8 + k.code()), Some((*k, 42)));
        }
        assert_eq!(SearchKind::from_rowid(42 * 8), None);
    }
}
