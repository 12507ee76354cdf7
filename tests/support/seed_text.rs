//! Shared by the source-comparison tests (`question_sets_source.rs`, `frameworks_source.rs`):
//! where the seed documents are, and how a transcription is found in a PDF-to-text
//! extraction.
#![allow(dead_code)]

use std::path::PathBuf;

pub fn seeds_dir() -> PathBuf {
    match std::env::var_os("PEJLING_SEEDS") {
        Some(dir) => PathBuf::from(dir),
        None if shared_seeds().is_dir() => shared_seeds(),
        None => committed_seeds(),
    }
}

pub fn shared_seeds() -> PathBuf {
    super::root().join("../shared/seeds")
}

pub fn committed_seeds() -> PathBuf {
    super::root().join("tests/fixtures/seeds")
}

/// Collapse every run of whitespace (including line breaks) to one space and trim.
pub fn normalise(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Does `needle` occur in `source`? Both must already be [`normalise`]d.
///
/// The source is a PDF-to-text extraction: a word broken at a line end reads "bor- gerne"
/// after normalising. Such a break cannot be told apart from a real hyphen broken at a line
/// end ("fald-\ncasen" is "fald-casen") or from a real "hyphen space" ("sundheds- og"). So
/// wherever the source has "- " the needle may have:
/// * "- " (kept as in the source: "sundheds- og"),
/// * "-" (a real hyphen at a line break: "fald-casen"),
/// * "" (an extraction artefact, joined: "borgerne") — only when a lowercase letter
///   follows, since a word never continues with a capital or a digit.
///
/// Likewise a slash at a line end ("leverandør/ udvikler") may be read as "/ " or "/".
/// Everything else must match exactly, case included.
pub fn contains(source: &[char], needle: &[char]) -> bool {
    let Some(first) = needle.first() else {
        return false;
    };
    (0..source.len()).any(|i| source[i] == *first && matches_at(source, i, needle, 0))
}

pub fn matches_at(src: &[char], mut i: usize, needle: &[char], mut j: usize) -> bool {
    loop {
        if j == needle.len() {
            return true;
        }
        if i == src.len() {
            return false;
        }
        let c = src[i];
        if (c == '-' || c == '/') && src.get(i + 1) == Some(&' ') {
            if needle[j] == c {
                // "- " kept as is.
                if needle.get(j + 1) == Some(&' ') && matches_at(src, i + 2, needle, j + 2) {
                    return true;
                }
                // "-" kept, the line break dropped.
                if matches_at(src, i + 2, needle, j + 1) {
                    return true;
                }
            }
            // Hyphenation artefact: "bor- gerne" read as "borgerne".
            if c == '-' && src.get(i + 2).is_some_and(|next| next.is_lowercase()) && matches_at(src, i + 2, needle, j) {
                return true;
            }
            return false;
        }
        if c != needle[j] {
            return false;
        }
        i += 1;
        j += 1;
    }
}

/// An id as the data files write them: lowercase words of letters and digits joined by `-`.
pub fn is_kebab_case(s: &str) -> bool {
    !s.is_empty()
        && s.split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}
