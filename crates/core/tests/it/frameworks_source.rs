//! The frameworks in `assets/frameworks/*.toml` (Gentofte's DIS model, KL's catalogue, KL's
//! IT-organisation analysis) are transcriptions of the seed documents. This test checks, for
//! every file:
//!
//! * every Danish text is found in its seed document, normalised exactly as the question
//!   sets' test does (`support/seed_text.rs`): whitespace collapsed, a PDF line-break
//!   hyphenation ("bor- gerne") may be joined, everything else exact, case included. The
//!   seed document of a text is the nearest `source_file` (entry, section, file);
//! * a text the app shows differently from the source keeps the exact source text in
//!   `original`, with a `note` saying what was changed, and `original` is what is checked;
//! * every text has a Danish and an English side without stray whitespace; ids are
//!   kebab-case and unique among their siblings; every section names its source (page,
//!   figure or slide); no developer note about the extraction reaches a citation.
//!
//! Not checked against the source: each file's own `title` and `help` (written for the app).

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};

use toml::{Table, Value};

use crate::support::seed_text;
use seed_text::{contains, normalise, seeds_dir};

const EXPECTED: [&str; 3] = ["dis-model", "kl-catalogue", "it-organisation"];

/// Phrases that belong in a developer's comment, not in a citation a committee reads.
const DEVELOPER_PHRASES: [&str; 4] = ["tekstudtræk", "fremgår ikke", "extraction", "TODO"];

fn frameworks_dir() -> PathBuf {
    crate::support::root().join("assets/frameworks")
}

struct Checker<'a> {
    file: String,
    seeds: &'a Path,
    sources: &'a mut HashMap<String, Vec<char>>,
    errors: Vec<String>,
    checked: usize,
    corrected: usize,
}

impl Checker<'_> {
    fn error(&mut self, msg: String) {
        self.errors.push(format!("{}: {msg}", self.file));
    }

    fn source(&mut self, file: &str) -> Option<&Vec<char>> {
        if !self.sources.contains_key(file) {
            match std::fs::read_to_string(self.seeds.join(file)) {
                Ok(text) => {
                    self.sources.insert(file.to_string(), normalise(&text).chars().collect());
                }
                Err(e) => {
                    self.error(format!("cannot read seed document {file}: {e}"));
                    return None;
                }
            }
        }
        self.sources.get(file)
    }

    fn plain(&mut self, s: &str, at: &str) {
        if s.trim().is_empty() {
            self.error(format!("{at}: empty"));
        } else if s != normalise(s) {
            self.error(format!("{at}: stray whitespace (leading, trailing, doubled or line breaks)"));
        }
    }

    /// A `{ da, en, original?, note? }` text. Returns the text to look up in the source.
    fn text(&mut self, t: &Table, at: &str) -> Option<String> {
        for key in t.keys() {
            if !["da", "en", "original", "note"].contains(&key.as_str()) {
                self.error(format!("{at}: unknown key `{key}` in a text"));
            }
        }
        let mut strings = HashMap::new();
        for key in ["da", "en", "original", "note"] {
            match t.get(key) {
                None => {}
                Some(Value::String(s)) => {
                    self.plain(s, &format!("{at}.{key}"));
                    strings.insert(key, s.clone());
                }
                Some(_) => self.error(format!("{at}.{key}: not a string")),
            }
        }
        for key in ["da", "en"] {
            if !strings.contains_key(key) {
                self.error(format!("{at}.{key}: missing"));
            }
        }
        match (strings.get("original"), strings.get("note")) {
            (Some(original), Some(_)) => {
                if strings.get("da") == Some(original) {
                    self.error(format!("{at}: `original` equals `da`; drop `original` and `note`"));
                }
                self.corrected += 1;
                Some(original.clone())
            }
            (Some(_), None) => {
                self.error(format!("{at}: `original` without a `note` of the correction"));
                None
            }
            (None, Some(_)) => {
                self.error(format!("{at}: `note` without `original`"));
                None
            }
            (None, None) => strings.get("da").cloned(),
        }
    }

    fn transcription(&mut self, t: &Table, at: &str, source_file: &str) {
        let Some(da) = self.text(t, at) else { return };
        let needle: Vec<char> = da.chars().collect();
        self.checked += 1;
        let found = self.source(source_file).map(|src| contains(src, &needle));
        if found == Some(false) {
            self.error(format!("{at} does not occur in {source_file}: {da:?}"));
        }
    }

    fn source_file(&mut self, t: &Table, at: &str, inherited: &str) -> String {
        match t.get("source_file") {
            None => inherited.to_string(),
            Some(Value::String(f)) if !f.is_empty() && !f.contains(['/', '\\']) && !f.starts_with('.') => {
                if self.seeds.join(f).is_file() {
                    f.clone()
                } else {
                    self.error(format!("{at}.source_file: no seed document {f:?}"));
                    inherited.to_string()
                }
            }
            Some(other) => {
                self.error(format!("{at}.source_file: {other} must name a file in the seed directory"));
                inherited.to_string()
            }
        }
    }

    fn citation(&mut self, t: &Table, at: &str, required: bool) {
        match t.get("source") {
            Some(Value::String(s)) => {
                self.plain(s, &format!("{at}.source"));
                for phrase in DEVELOPER_PHRASES {
                    if s.contains(phrase) {
                        self.error(format!("{at}.source: a developer note ({phrase:?}) in a citation"));
                    }
                }
            }
            None if !required => {}
            _ => self.error(format!("{at}: `source` (document and page, figure or slide) is missing")),
        }
    }

    /// Walk a table: every text in it is a transcription from `source_file`; arrays of
    /// tables (sections, entries, lists, parts) have unique kebab-case ids.
    fn walk(&mut self, t: &Table, at: &str, source_file: &str) {
        let source_file = self.source_file(t, at, source_file);
        for (key, value) in t {
            let here = format!("{at}.{key}");
            match value {
                Value::Table(inner) if inner.contains_key("da") => self.transcription(inner, &here, &source_file),
                Value::Table(inner) => self.walk(inner, &here, &source_file),
                Value::Array(items) => {
                    let mut ids = HashSet::new();
                    for (i, item) in items.iter().enumerate() {
                        let here = format!("{here}[{i}]");
                        let Some(inner) = item.as_table() else {
                            self.error(format!("{here}: expected a table"));
                            continue;
                        };
                        if inner.contains_key("da") {
                            self.transcription(inner, &here, &source_file);
                            continue;
                        }
                        match inner.get("id").and_then(Value::as_str) {
                            Some(id) if seed_text::is_kebab_case(id) => {
                                if !ids.insert(id.to_string()) {
                                    self.error(format!("{here}: duplicate id {id:?}"));
                                }
                            }
                            other => self.error(format!("{here}: id {other:?} is missing or not kebab-case")),
                        }
                        let id = inner.get("id").and_then(Value::as_str).unwrap_or("?");
                        let here = format!("{at}.{key}[{id}]");
                        if key == "sections" {
                            self.citation(inner, &here, true);
                        } else {
                            self.citation(inner, &here, false);
                        }
                        self.walk(inner, &here, &source_file);
                    }
                }
                _ => {}
            }
        }
    }
}

fn check_file(
    path: &Path,
    seeds: &Path,
    sources: &mut HashMap<String, Vec<char>>,
) -> (String, Vec<String>, usize, usize) {
    let file = path.file_name().unwrap().to_string_lossy().into_owned();
    let stem = path.file_stem().unwrap().to_string_lossy().into_owned();
    let mut c = Checker { file, seeds, sources, errors: Vec::new(), checked: 0, corrected: 0 };
    let doc: Table = match std::fs::read_to_string(path).map(|t| toml::from_str(&t)) {
        Ok(Ok(doc)) => doc,
        Ok(Err(e)) => {
            c.error(format!("invalid TOML: {e}"));
            return (stem, c.errors, 0, 0);
        }
        Err(e) => {
            c.error(format!("cannot read: {e}"));
            return (stem, c.errors, 0, 0);
        }
    };
    if doc.get("schema").and_then(Value::as_integer) != Some(1) {
        c.error("`schema` must be the integer 1".into());
    }
    if doc.get("id").and_then(Value::as_str) != Some(stem.as_str()) {
        c.error(format!("`id` must equal the file name {stem:?}"));
    }
    if doc.get("version").and_then(Value::as_integer).is_none_or(|v| v < 1) {
        c.error("`version` must be an integer >= 1".into());
    }
    c.citation(&doc, "file", true);
    let source_file = c.source_file(&doc, "file", "");
    if source_file.is_empty() {
        c.error("`source_file` is missing".into());
    }
    // Written for the app: only checked as texts, not against the source.
    let mut rest = doc.clone();
    for key in ["title", "help"] {
        match rest.remove(key) {
            Some(Value::Table(t)) => {
                c.text(&t, key);
            }
            _ => c.error(format!("`{key}` {{ da, en }} is missing")),
        }
    }
    if rest.get("sections").and_then(Value::as_array).is_none_or(|s| s.is_empty()) {
        c.error("`sections` must be a non-empty array of tables ([[sections]])".into());
    }
    c.walk(&rest, "file", &source_file);
    (stem, c.errors, c.checked, c.corrected)
}

#[test]
fn frameworks_match_their_source_documents() {
    let seeds = seeds_dir();
    assert!(seeds.is_dir(), "seed directory {} not found (set PEJLING_SEEDS)", seeds.display());
    let dir = frameworks_dir();
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|entry| entry.expect("directory entry").path())
        .filter(|p| p.extension().is_some_and(|ext| ext == "toml"))
        .collect();
    files.sort();

    let mut sources = HashMap::new();
    let mut errors = Vec::new();
    let mut found = Vec::new();
    let (mut checked, mut corrected) = (0, 0);
    for path in &files {
        let (id, errs, n, k) = check_file(path, &seeds, &mut sources);
        println!("{id}: {n} transcribed texts, {k} shown corrected");
        errors.extend(errs);
        checked += n;
        corrected += k;
        found.push(id);
    }
    for expected in EXPECTED {
        if !found.iter().any(|id| id == expected) {
            errors.push(format!("missing framework {expected}.toml"));
        }
    }
    println!(
        "checked {checked} transcribed texts ({corrected} with a corrected display text) against {}",
        seeds.display()
    );
    assert!(errors.is_empty(), "{} problem(s):\n  {}", errors.len(), errors.join("\n  "));
    assert!(checked > 100, "only {checked} transcribed texts were checked");
}

/// The checker itself: a typo kept as `original` is checked, a paraphrase is caught, and a
/// correction without a note is refused.
#[test]
fn the_checker_catches_paraphrase_and_unnoted_corrections() {
    let seeds = seeds_dir();
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, body: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, body).unwrap();
        path
    };
    let head = "schema = 1\nversion = 1\nsource = \"KL\"\nsource_file = \"002_c8449a9049d49f15.txt\"\n\
                title = { da = \"T\", en = \"T\" }\nhelp = { da = \"H\", en = \"H\" }\n";
    let mut sources = HashMap::new();

    let good = write(
        "good.toml",
        &format!(
            "id = \"good\"\n{head}[[sections]]\nid = \"s\"\nsource = \"Figur 1\"\n\
             title = {{ da = \"Barrierer for politisk deltagelse i digitalisering\", en = \"B\" }}\n\
             [[sections.entries]]\nid = \"e\"\n\
             title = {{ da = \"Hvad betyder teknologien for kommunens ansatte\", original = \"Hvad betyder teknologien for kommunens ansate\", note = \"rettet\", en = \"x\" }}\n"
        ),
    );
    let (_, errors, checked, corrected) = check_file(&good, &seeds, &mut sources);
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!((checked, corrected), (2, 1));

    let bad = write(
        "bad.toml",
        &format!(
            "id = \"bad\"\n{head}[[sections]]\nid = \"s\"\nsource = \"Figur 1 (sidetal fremgår ikke af tekstudtrækket)\"\n\
             title = {{ da = \"Barrierer for deltagelse i digitalisering\", en = \"B\" }}\n\
             [[sections.entries]]\nid = \"e\"\n\
             title = {{ da = \"Hvad betyder teknologien\", original = \"Hvad betyder\", en = \"x\" }}\n\
             [[sections.entries]]\nid = \"e\"\ntitle = {{ da = \"Interesse\", en = \"\" }}\n"
        ),
    );
    let (_, errors, _, _) = check_file(&bad, &seeds, &mut sources);
    let all = errors.join("\n");
    assert!(all.contains("does not occur"), "{all}");
    assert!(all.contains("without a `note`"), "{all}");
    assert!(all.contains("developer note"), "{all}");
    assert!(all.contains("duplicate id"), "{all}");
    assert!(all.contains(".en: empty"), "{all}");
}
