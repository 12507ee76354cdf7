//! Importing a question set from a file the user picked (the app's open dialog hands the
//! core a path): the file is read with the import's size limit and must be UTF-8, a refused
//! file names the line, and nothing is stored on any error.

use pejling_core::*;

const SET: &str = r#"schema = 1
id = "egne-spoergsmaal"
version = 1
kind = "continuum"
title = { da = "Egne spørgsmål om data", en = "Own questions on data" }
help = { da = "Til udvalgets egen drøftelse af data om borgerne." }

[[groups]]
id = "data"
title = { da = "Data" }

[[groups.questions]]
id = "data-1"
text = { da = "Hvor meget må en model vide om borgeren?" }
extreme_left = { da = "Kun det nødvendige" }
extreme_right = { da = "Alt, der kan forebygge" }
"#;

fn write(dir: &tempfile::TempDir, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

fn imported_count(db: &Db) -> usize {
    db.list_question_sets().unwrap().iter().filter(|s| !s.built_in).count()
}

#[test]
fn a_picked_file_is_imported() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let s = db.import_question_set_file(&write(&dir, "egne.toml", SET.as_bytes())).unwrap();
    assert_eq!((s.id.as_str(), s.version, s.built_in, s.question_count), ("egne-spoergsmaal", 1, false, 1));
    assert_eq!(db.question_set_source("egne-spoergsmaal", 1).unwrap(), SET, "the file's text is kept");
    let set = db.get_question_set("egne-spoergsmaal", 1).unwrap();
    assert_eq!(set.help.unwrap().da, "Til udvalgets egen drøftelse af data om borgerne.");
}

#[test]
fn a_malformed_file_is_refused_with_its_line_and_nothing_is_stored() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    // Line 14 lacks its closing brace.
    let broken =
        SET.replace(r#"text = { da = "Hvor meget må en model vide om borgeren?" }"#, r#"text = { da = "Hvor meget""#);
    let e = db.import_question_set_file(&write(&dir, "broken.toml", broken.as_bytes())).unwrap_err();
    assert_eq!(
        (e.kind(), e.message().key, e.message().field),
        (ErrorKind::Validation, "error-question-set-invalid", Some("source"))
    );
    assert!(e.to_string().starts_with("Spørgsmålssættet kan ikke læses: linje 14: "), "{e}");
    // A semantic problem names its line too.
    let no_extreme = SET.replace("extreme_right = { da = \"Alt, der kan forebygge\" }\n", "");
    let e = db.import_question_set_file(&write(&dir, "half.toml", no_extreme.as_bytes())).unwrap_err();
    assert_eq!(e.message().key, "error-question-set-missing-extreme");
    assert!(e.to_string().contains("linje 13: spørgsmålet »data-1« mangler extreme_right"), "{e}");
    assert_eq!(imported_count(&db), 0);
}

#[test]
fn a_file_that_is_not_utf8_names_the_line_of_its_first_bad_byte() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    // Saved as Latin-1 by an old editor: "ø" is the single byte 0xF8 on line 5.
    let latin1: Vec<u8> = SET.chars().map(|c| u8::try_from(u32::from(c)).unwrap()).collect();
    let e = db.import_question_set_file(&write(&dir, "latin1.toml", &latin1)).unwrap_err();
    assert_eq!((e.kind(), e.message().key), (ErrorKind::Validation, "error-question-set-not-utf8"));
    assert_eq!(
        e.to_string(),
        "Spørgsmålssættet kan ikke læses: linje 5: filen er ikke gemt som UTF-8-tekst. Gem den som UTF-8 i teksteditoren, og prøv igen."
    );
    assert_eq!(imported_count(&db), 0);
}

#[test]
fn a_file_over_the_limit_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let mut db = Db::open_in_memory().unwrap();
    let big = vec![b'#'; question_sets::MAX_SOURCE_BYTES + 1];
    let e = db.import_question_set_file(&write(&dir, "big.toml", &big)).unwrap_err();
    assert_eq!(e.message().key, "error-question-set-too-large");
    let e = db.import_question_set_file(&dir.path().join("missing.toml")).unwrap_err();
    assert_eq!(e.kind(), ErrorKind::Storage, "a file that cannot be opened is an I/O error: {e}");
    assert_eq!(imported_count(&db), 0);
}
