//! Fuzzing bilag: mutated PDFs and DOCX files and random bytes through the type check and the
//! text extraction must never panic out of Pejling, must end in a state (text, damaged, …) and
//! must stay within the bounds of `pejling::bilag` (pages, text size, time). A seeded corpus,
//! sized by `PEJLING_FUZZ_CASES` (default 150 mutations per format and 100 random strings),
//! so it runs in `cargo test`.

use pejling::documents::Export as _;
use std::io::Write;
use std::time::{Duration, Instant};

use pejling::bilag::{self, MediaType, TextState};
use pejling::documents::{Audience, DocKind, Format};
use pejling::*;

fn cases() -> usize {
    std::env::var("PEJLING_FUZZ_CASES").ok().and_then(|v| v.parse().ok()).map_or(150, |n: usize| (n / 10).max(20))
}

fn seeds() -> (Vec<u8>, Vec<u8>) {
    let mut db = Db::open_in_memory().unwrap();
    demo::create_without_history_on(&mut db, chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()).unwrap();
    let meeting =
        db.list_meetings(None).unwrap().into_iter().find(|m| m.title == demo::THEME_MEETING_TITLE).unwrap().id;
    let pdf = db.export(meeting, DocKind::Agenda, Format::Pdf, Audience::Public, Lang::Da).unwrap();
    let docx = db.export(meeting, DocKind::Agenda, Format::Docx, Audience::Public, Lang::Da).unwrap();
    (pdf, docx)
}

/// A small deterministic generator (xorshift), so a failure can be replayed.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

fn mutate(rng: &mut Rng, seed: &[u8]) -> Vec<u8> {
    let mut b = seed.to_vec();
    for _ in 0..1 + rng.below(6) {
        match rng.below(5) {
            0 => {
                // Flip bytes.
                for _ in 0..1 + rng.below(32) {
                    let i = rng.below(b.len());
                    b[i] ^= 1 << rng.below(8);
                }
            }
            1 => {
                // Cut out a run.
                let i = rng.below(b.len());
                let n = rng.below(b.len() - i).min(4096);
                b.drain(i..i + n);
            }
            2 => b.truncate(rng.below(b.len()).max(8)),
            3 => {
                // Insert PDF-significant or zip-significant text.
                let words: [&[u8]; 6] = [
                    b"/Length 999999999",
                    b" 0 obj << >> endobj",
                    b"stream\n",
                    b"PK\x03\x04",
                    b"/Encrypt 1 0 R",
                    b"\0\0\0\0",
                ];
                let i = rng.below(b.len());
                let w = words[rng.below(words.len())];
                b.splice(i..i, w.iter().copied());
            }
            _ => {
                // Duplicate a run.
                let i = rng.below(b.len());
                let n = rng.below(b.len() - i).min(2048);
                let run = b[i..i + n].to_vec();
                let at = rng.below(b.len());
                b.splice(at..at, run);
            }
        }
        if b.is_empty() {
            b.push(b'%');
        }
    }
    b
}

fn exercise(name: &str, bytes: Vec<u8>, stats: &mut (usize, usize, usize)) {
    let started = Instant::now();
    match bilag::check_type(name, &bytes) {
        Err(e) => {
            assert!(e.to_string().contains(name) || e.to_string().contains("Bilag kan være"), "{e}");
            stats.0 += 1;
        }
        Ok(t) => {
            let found = bilag::extract(t, bytes);
            assert!(found.pages.len() <= bilag::MAX_PAGES);
            assert!(found.pages.iter().map(String::len).sum::<usize>() <= bilag::MAX_TEXT);
            if found.state == TextState::Text {
                stats.1 += 1;
            } else {
                stats.2 += 1;
            }
        }
    }
    assert!(started.elapsed() < bilag::EXTRACT_TIME + Duration::from_secs(10), "bounded in time");
}

#[test]
fn extraction_survives_mutated_pdfs_docx_files_and_random_bytes() {
    let (pdf, docx) = seeds();
    assert_eq!(bilag::check_type("a.pdf", &pdf).unwrap(), MediaType::Pdf);
    assert_eq!(bilag::extract(MediaType::Pdf, pdf.clone()).state, TextState::Text);
    assert_eq!(bilag::check_type("a.docx", &docx).unwrap(), MediaType::Docx);
    assert_eq!(bilag::extract(MediaType::Docx, docx.clone()).state, TextState::Text);
    let mut rng = Rng(0x5045_4A4C_4249_4C41);
    let mut stats = (0, 0, 0);
    let started = Instant::now();
    // The extractors' own panics are caught inside; keep their messages out of the test log.
    let hook = std::panic::take_hook();
    std::panic::set_hook(Box::new(|_| {}));
    for _ in 0..cases() {
        exercise("fuzz.pdf", mutate(&mut rng, &pdf), &mut stats);
        exercise("fuzz.docx", mutate(&mut rng, &docx), &mut stats);
    }
    for _ in 0..cases() * 2 / 3 {
        let n = rng.below(4096);
        let mut bytes: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
        // Random bytes behind each format's magic, so they reach the extractors.
        let magic: &[u8] = [b"%PDF-1.7\n".as_slice(), b"PK\x03\x04".as_slice(), b"".as_slice()][rng.below(3)];
        bytes.splice(0..0, magic.iter().copied());
        let name = if magic.starts_with(b"PK") { "fuzz.docx" } else { "fuzz.pdf" };
        exercise(name, bytes, &mut stats);
    }
    std::panic::set_hook(hook);
    let mut out = std::io::stderr();
    let _ = writeln!(
        out,
        "fuzz bilag: {} inputs, {} refused by type, {} read with text, {} marked (damaged, no text, …), 0 panics, {:.1} s",
        stats.0 + stats.1 + stats.2,
        stats.0,
        stats.1,
        stats.2,
        started.elapsed().as_secs_f64()
    );
    assert!(stats.1 > 0 && stats.2 > 0, "the corpus reaches both outcomes: {stats:?}");
}
