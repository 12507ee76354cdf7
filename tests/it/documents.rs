//! Documents of the demo temamøde in every format: content and layout as in a Danish referat
//! (seed 003), closed items listed without their content in the public version, hostile text rendered as text, the PDF read
//! back as pages, the ICS read back by a standard parser.

use pejling::documents::Export as _;
use pejling::documents::{Audience, DocKind, Format};
use pejling::i18n::Catalog;
use pejling::*;

const HOSTILE: &str = "<img src=x onerror=\"window.__xss=1\"><script>alert(1)</script> #set page(width: 1cm) *fed* [link](javascript:alert(1))";

fn demo() -> (Db, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let theme = db
        .get_committee(c.id)
        .unwrap()
        .meetings
        .into_iter()
        .find(|m| m.title == pejling::demo::THEME_MEETING_TITLE)
        .unwrap();
    (db, theme.id)
}

fn export(db: &Db, id: Id, kind: DocKind, format: Format, audience: Audience) -> Vec<u8> {
    db.export(id, kind, format, audience, Lang::Da).unwrap()
}

#[test]
fn markdown_and_html_follow_the_referat_layout_and_leave_closed_items_out() {
    let (db, id) = demo();
    for format in [Format::Md, Format::Html] {
        let public = String::from_utf8(export(&db, id, DocKind::Minutes, format, Audience::Public)).unwrap();
        assert!(public.contains("Referat af møde i Opgaveudvalget for digitalisering og teknologi"));
        assert!(
            public.contains("Mødetidspunkt")
                && public.contains("Mødeafholdelse")
                && public.contains("Indholdsfortegnelse")
        );
        assert!(public.contains("2 (Åben) Algoritmer til forebyggelse af fald hos ældre borgere"), "{public}");
        assert!(public.contains("Sags ID: DEMO-2026-00412"), "{format:?}");
        assert!(public.contains("Resumé") && public.contains("Baggrund") && public.contains("Indstilling"));
        // A closed item is listed with its number and title, and nothing of its content.
        assert!(public.contains("4 (Lukket) Personsag vedrørende frikøb"), "{format:?}");
        assert!(public.contains("Punktet er behandlet for lukkede døre og gengives ikke i den offentlige udgave."));
        assert!(!public.contains("DEMO-2026-00415") && !public.contains("Punktet behandles for lukkede døre"));
        let internal = String::from_utf8(export(&db, id, DocKind::Minutes, format, Audience::Internal)).unwrap();
        assert!(internal.contains("4 (Lukket) Personsag") && internal.contains("DEMO-2026-00415"), "{format:?}");
        assert!(!internal.contains("gengives ikke i den offentlige udgave"));
        let agenda = String::from_utf8(export(&db, id, DocKind::Agenda, format, Audience::Public)).unwrap();
        assert!(agenda.contains("Dagsorden til møde i") && !agenda.contains("Beslutninger"));
        assert!(agenda.contains("4 (Lukket) Personsag") && !agenda.contains("DEMO-2026-00415"));
    }
    let en =
        String::from_utf8(db.export(id, DocKind::Minutes, Format::Html, Audience::Public, Lang::En).unwrap()).unwrap();
    assert!(en.contains("Minutes of the meeting of") && en.contains("lang=\"en\"") && en.contains("(Open)"));
}

#[test]
fn hostile_text_is_rendered_as_text_in_html_and_markdown() {
    let (mut db, id) = demo();
    let item = db.list_agenda_items(id).unwrap()[1].id;
    db.update_agenda_item(
        item,
        &AgendaItemPatch { title: Some(HOSTILE.into()), decision: Some(HOSTILE.into()), ..Default::default() },
    )
    .unwrap();
    let html = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Html, Audience::Public)).unwrap();
    assert!(!html.contains("<img") && !html.contains("<script"), "no markup from user text");
    assert!(html.contains("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;"));
    assert!(html.contains("Content-Security-Policy") && html.contains("default-src 'none'"));
    let md = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Md, Audience::Public)).unwrap();
    assert!(!md.contains("<img") && !md.contains("[link](javascript"), "{md}");
    // Typst markup in user text is not evaluated: the PDF still typesets, on A4.
    let pdf = export(&db, id, DocKind::Minutes, Format::Pdf, Audience::Public);
    assert!(pdf.starts_with(b"%PDF"));
}

fn tool(name: &str) -> bool {
    std::process::Command::new(name).arg("-v").output().is_ok()
}

#[test]
fn the_pdf_reads_as_pages_with_page_numbers_and_contents() {
    let (db, id) = demo();
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [(Format::Pdf, "referat.pdf"), (Format::Pdfa, "referat-a.pdf")] {
        let pdf = export(&db, id, DocKind::Minutes, format, Audience::Public);
        let path = dir.path().join(name);
        std::fs::write(&path, &pdf).unwrap();
        assert!(tool("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF back");
        let out = std::process::Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        assert!(text.contains("Referat af møde i Opgaveudvalget"), "{text}");
        assert!(text.contains("Indholdsfortegnelse"));
        let pages = text.split("Side 1 af ").nth(1).and_then(|t| t.split_whitespace().next()).expect("Side 1 af Y");
        assert!(text.contains(&format!("Side {pages} af {pages}")), "page X of Y: {text}");
        assert!(text.contains("2 (Åben) Algoritmer til forebyggelse af fald"));
        assert!(text.contains("4 (Lukket) Personsag") && !text.contains("DEMO-2026-00415"));
        let info = std::process::Command::new("pdfinfo").arg(&path).output().unwrap();
        let info = String::from_utf8(info.stdout).unwrap();
        assert!(info.contains("Tagged:          yes"), "{info}");
        assert!(info.contains("Page size:       595.276 x 841.89 pts (A4)"), "{info}");
        let fonts = std::process::Command::new("pdffonts").arg(&path).output().unwrap();
        let fonts = String::from_utf8(fonts.stdout).unwrap();
        assert!(fonts.lines().skip(2).all(|l| l.contains(" yes ")), "all fonts embedded: {fonts}");
        if format == Format::Pdfa {
            assert!(String::from_utf8_lossy(&pdf).contains("pdfaid:part"), "PDF/A identification in XMP");
        }
    }
}

#[test]
fn the_docx_opens_in_libreoffice_with_heading_styles() {
    let (db, id) = demo();
    let docx = export(&db, id, DocKind::Minutes, Format::Docx, Audience::Public);
    assert!(docx.starts_with(b"PK"), "a zip container");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("referat.docx");
    std::fs::write(&path, &docx).unwrap();
    // The styles part declares real heading styles with outline levels.
    let unzip = std::process::Command::new("unzip").args(["-p"]).arg(&path).arg("word/styles.xml").output().unwrap();
    let styles = String::from_utf8_lossy(&unzip.stdout);
    assert!(
        styles.contains("w:styleId=\"Heading1\"") && styles.contains("heading 1") && styles.contains("w:outlineLvl"),
        "{styles}"
    );
    let lo = ["libreoffice", "soffice"]
        .into_iter()
        .find(|t| std::process::Command::new(t).arg("--version").output().is_ok());
    let lo = lo.expect("LibreOffice is needed to open the DOCX (make test installs it)");
    let status = std::process::Command::new(lo)
        .args(["--headless", "--convert-to", "txt:Text", "--outdir"])
        .arg(dir.path())
        .arg(&path)
        .env("HOME", dir.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{}", String::from_utf8_lossy(&status.stderr));
    let text = std::fs::read_to_string(dir.path().join("referat.txt")).unwrap();
    assert!(text.contains("Referat af møde i Opgaveudvalget for digitalisering og teknologi"), "{text}");
    assert!(text.contains("Algoritmer til forebyggelse af fald hos ældre borgere"));
    assert!(text.contains("Indstilling"));
}

#[test]
fn the_ics_parses_and_keeps_its_uid_across_changes() {
    let (mut db, id) = demo();
    let first = String::from_utf8(export(&db, id, DocKind::Agenda, Format::Ics, Audience::Public)).unwrap();
    db.update_meeting(id, &MeetingPatch { place: Some("Byrådssalen, 1. sal; indgang B".into()), ..Default::default() })
        .unwrap();
    let second = String::from_utf8(export(&db, id, DocKind::Agenda, Format::Ics, Audience::Public)).unwrap();
    let parse = |s: &str| -> Vec<(String, String)> {
        let cal: icalendar::Calendar = s.parse().expect("a standard parser reads it");
        let ev = cal.components.iter().find_map(|c| c.as_event()).expect("one event").clone();
        use icalendar::Component;
        ev.properties().iter().map(|(k, p)| (k.clone(), p.value().to_owned())).collect()
    };
    let (a, b) = (parse(&first), parse(&second));
    let get = |v: &Vec<(String, String)>, k: &str| v.iter().find(|(key, _)| key == k).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(get(&a, "UID"), get(&b, "UID"), "stable UID: a re-import updates the entry");
    assert!(get(&b, "SEQUENCE").parse::<u32>().unwrap() > get(&a, "SEQUENCE").parse::<u32>().unwrap());
    assert!(get(&a, "DTSTART").ends_with('Z'), "UTC times");
    assert_eq!(get(&b, "LOCATION"), "Byrådssalen, 1. sal; indgang B", "read back as typed");
    assert!(second.contains("LOCATION:Byrådssalen\\, 1. sal\\; indgang B\r\n"), "escaped once, per RFC 5545");
    assert!(!second.contains("Personsag"), "closed items are not in the calendar");
    let year = db.committee_calendar(db.get_meeting(id).unwrap().committee.id, None, Lang::Da).unwrap();
    let cal: icalendar::Calendar = year.parse().unwrap();
    assert_eq!(
        cal.components.iter().filter(|c| c.as_event().is_some()).count(),
        3,
        "last year's temamøde, last month's meeting and the coming temamøde"
    );
}

// ---- the secretary's minutes of a temamøde: times, attendance, walk results -------------

/// The demo temamøde as the secretary leaves it: began at 17.02 and adjourned at 19.48, Per
/// Holmgaard sent apologies and Ole Dam Frandsen was absent, a guest, notes and a question to
/// the administration on TESK questions, and positions on the six questions, all revealed
/// (the fourth with one skip).
struct Walked {
    db: Db,
    meeting: Id,
    case: Id,
}

const NOTE: &str = "Udvalget hæftede sig ved, at algoritmen kun bruger data, kommunen allerede har.\nMere data om væskeindtag kræver samtykke.";
const QUESTION: &str = "Hvor præcist har algoritmen ramt i andre kommuner?";

fn walked() -> Walked {
    let (mut db, meeting) = demo();
    let day = db.get_meeting(meeting).unwrap().meeting.starts_at[..10].to_owned();
    db.update_meeting(
        meeting,
        &MeetingPatch {
            began_at: Some(format!("{day}T17:02")),
            adjourned_at: Some(format!("{day}T19:48")),
            ..Default::default()
        },
    )
    .unwrap();
    let people = db.list_attendance(meeting).unwrap().people;
    let person = |name: &str| people.iter().find(|p| p.name == name).unwrap().person_id;
    db.set_attendance(meeting, person("Per Holmgaard"), Attendance::Apologies).unwrap();
    db.set_attendance(meeting, person("Ole Dam Frandsen"), Attendance::Absent).unwrap();
    db.add_meeting_guest(meeting, "Lene Bang", "Center for Sundhed og Omsorg").unwrap();
    let case = db.list_agenda_items(meeting).unwrap()[1].id;
    db.save_step_note(case, 0, NOTE).unwrap();
    db.save_step_note(case, 3, "Gevinsten skal måles på færre fald, ikke på færre besøg.").unwrap();
    db.add_question_to_administration(case, 1, QUESTION, Some(person("Aisha Khalil"))).unwrap();
    db.save_step_note(case, 16, "Flertallet vil gerne arbejde med konkrete problemer.").unwrap();
    let present = ["Mette Skovgaard", "Jonas Bech Lauridsen", "Aisha Khalil", "Karen Vestergaard-Nielsen"];
    let values: [[u8; 4]; 6] =
        [[20, 35, 40, 80], [70, 75, 75, 90], [10, 50, 55, 60], [30, 30, 45, 0], [0, 25, 50, 100], [60, 65, 85, 95]];
    for (i, row) in values.iter().enumerate() {
        let step = 16 + i as u32;
        for (name, v) in present.iter().zip(row) {
            let input = if i == 3 && *name == "Karen Vestergaard-Nielsen" {
                PositionInput::Skipped { reason: "Ved ikke endnu".into() }
            } else {
                PositionInput::Value(*v)
            };
            db.set_position(case, step, person(name), &input).unwrap();
        }
        db.reveal_positions(case, step).unwrap();
    }
    Walked { db, meeting, case }
}

fn text(db: &Db, id: Id, format: Format, audience: Audience, lang: Lang) -> String {
    String::from_utf8(db.export(id, DocKind::Minutes, format, audience, lang).unwrap()).unwrap()
}

#[test]
fn the_minutes_state_times_and_attendance_in_every_text_format() {
    let w = walked();
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    assert!(md.contains("Mødet påbegyndt kl.: 17.02  \n"), "{md}");
    assert!(md.contains("Protokollen blev læst og mødet hævet kl.: 19.48  \n"), "{md}");
    let html = text(&w.db, w.meeting, Format::Html, Audience::Public, Lang::Da);
    assert!(html.contains("<dt>Mødet påbegyndt kl.:</dt><dd>17.02</dd>"), "{html}");
    assert!(html.contains("<dt>Protokollen blev læst og mødet hævet kl.:</dt><dd>19.48</dd>"));
    for format in [Format::Md, Format::Html] {
        let t = text(&w.db, w.meeting, format, Audience::Public, Lang::Da);
        assert!(t.contains("Tilstede:") && t.contains("Fraværende:") && t.contains("Afbud:"), "{format:?}");
        let line = |label: &str| t.lines().find(|l| l.contains(label)).unwrap().to_owned();
        let present = line("Tilstede:");
        for name in ["Mette Skovgaard", "Jonas Bech Lauridsen", "Aisha Khalil", "Karen Vestergaard-Nielsen"] {
            assert!(present.contains(name), "{name} present: {present}");
        }
        assert!(!present.contains("Per Holmgaard") && !present.contains("Sofie Ibsen"), "{present}");
        assert!(line("Afbud:").contains("Per Holmgaard"));
        assert!(line("Fraværende:").contains("Ole Dam Frandsen"));
        let also = line("Desuden deltog:");
        assert!(
            also.contains("Sofie Ibsen")
                && also.contains("Henrik Aagaard")
                && also.contains("Lene Bang (Center for Sundhed og Omsorg)"),
            "{also}"
        );
    }
    // The agenda has none of it; the English minutes say it in English.
    let agenda =
        String::from_utf8(w.db.export(w.meeting, DocKind::Agenda, Format::Html, Audience::Public, Lang::Da).unwrap())
            .unwrap();
    assert!(!agenda.contains("Tilstede") && !agenda.contains("hævet") && !agenda.contains("<svg"));
    let en = text(&w.db, w.meeting, Format::Html, Audience::Public, Lang::En);
    assert!(en.contains("<dt>The minutes were read and the meeting adjourned at:</dt><dd>19:48</dd>"));
    assert!(en.contains("Present:"));
}

#[test]
fn the_walk_results_are_in_the_minutes_with_only_revealed_positions() {
    let mut w = walked();
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    assert!(md.contains("### Temadrøftelse"), "{md}");
    assert!(md.contains("**Teknologi:** Algoritmer, der ud fra data om borgerens sundhed"), "the case");
    assert!(md.contains("Udvalget hæftede sig ved, at algoritmen kun bruger data"), "a note");
    assert!(md.contains(&format!("- {QUESTION} (stillet af Aisha Khalil)")), "a question to the administration");
    assert!(md.contains("Antal placeringer: 4, median 37,5, midterste halvdel 31,25–50, fra 20 til 80."), "{md}");
    assert!(md.contains("Uden placering: Ved ikke endnu"));
    // The table alternative of the chart.
    assert!(md.contains("#### Placering i forhold til de seks spørgsmål"));
    assert!(md.contains("| Spørgsmål | Yderposition 1 (0) | Yderposition 2 (100) | Placeringer | Median |"), "{md}");
    assert!(md.contains("| 20, 35, 40, 80 | 37,5 |"), "{md}");
    assert!(!md.contains("Mette Skovgaard: 20"), "anonymous unless the meeting chose named positions");
    // Questions without notes, questions or positions are left out.
    assert!(!md.contains("Hvilke data skal bruges"), "{md}");

    // Hiding a step's positions takes its values out of the minutes, not just the chart.
    w.db.hide_positions(w.case, 21).unwrap();
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    assert!(!md.contains("60, 65, 85, 95") && md.contains("Placeringerne blev ikke vist for udvalget."));
    // Named positions name the politicians.
    w.db.set_positions_named(w.meeting, true).unwrap();
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    assert!(md.contains("Mette Skovgaard: 20"), "{md}");
    assert!(md.contains("Uden placering: Karen Vestergaard-Nielsen: Ved ikke endnu"));
}

#[test]
fn the_html_draws_the_continua_as_an_accessible_svg_with_a_table() {
    let w = walked();
    let html = text(&w.db, w.meeting, Format::Html, Audience::Public, Lang::Da);
    let svg_at = html.find("<svg").expect("an inline SVG");
    let svg = &html[svg_at..html[svg_at..].find("</svg>").unwrap() + svg_at];
    assert!(svg.contains("role=\"img\"") && svg.contains("aria-labelledby="), "{svg}");
    assert!(svg.contains(">Placering i forhold til de seks spørgsmål</title>"), "{svg}");
    assert!(svg.contains("<desc id=") && svg.contains("median"), "a text description in the SVG");
    assert_eq!(svg.matches("<circle").count(), 1 + 6 * 4 - 1, "one dot per revealed value, plus the legend's");
    assert!(html.contains("<figure class=\"continua\"") && html.contains("<figcaption"));
    assert!(html.contains("<table>") && html.contains("<th scope=\"col\">Median</th>"));
    assert!(html.contains("<th scope=\"row\">1. Hvad skal politikerne beskæftige sig med?"));
    assert!(html.contains("Figuren viser udvalgets placeringer"), "the description is visible text too");
    // Still one self-contained file without scripts or external resources.
    assert!(!html.contains("<script") && !html.contains("src=\"http") && !html.contains("href=\"http"));
    assert!(!html.contains("<img") && !html.contains("xlink:href"));
}

#[test]
fn the_pdf_of_the_walked_minutes_has_attendance_times_and_the_continua() {
    assert!(tool("pdftotext"), "pdftotext (poppler-utils) is needed to read the PDF back");
    let w = walked();
    let dir = tempfile::tempdir().unwrap();
    for (format, name) in [(Format::Pdf, "referat.pdf"), (Format::Pdfa, "referat-a.pdf")] {
        let pdf = export(&w.db, w.meeting, DocKind::Minutes, format, Audience::Public);
        let path = dir.path().join(name);
        std::fs::write(&path, &pdf).unwrap();
        let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
        let text = String::from_utf8(out.stdout).unwrap();
        let flat = text.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains("Mødet påbegyndt kl.:") && flat.contains("17.02"), "{flat}");
        assert!(flat.contains("Protokollen blev læst") && flat.contains("19.48"));
        assert!(flat.contains("Tilstede: Mette Skovgaard, Jonas Bech Lauridsen, Aisha Khalil"), "{flat}");
        assert!(flat.contains("Afbud: Per Holmgaard") && flat.contains("Fraværende: Ole Dam Frandsen"));
        assert!(flat.contains("Temadrøftelse") && flat.contains("Spørgsmål til forvaltningen"));
        assert!(flat.contains(QUESTION));
        assert!(flat.contains("Placering i forhold til de seks spørgsmål"), "the chart's title");
        assert!(flat.contains("Konkrete politiske problemer, som der skal træffes beslutning om"), "an extreme");
        assert!(flat.contains("Antal placeringer: 4, median 37,5"), "the summary");
        assert!(!flat.contains("DEMO-2026-00415"), "closed items' content is left out of the public version");
        let info = std::process::Command::new("pdfinfo").arg(&path).output().unwrap();
        assert!(String::from_utf8_lossy(&info.stdout).contains("Tagged:          yes"));
    }
    let internal = export(&w.db, w.meeting, DocKind::Minutes, Format::Pdf, Audience::Internal);
    let path = dir.path().join("intern.pdf");
    std::fs::write(&path, &internal).unwrap();
    let out = std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("DEMO-2026-00415"));
}

#[test]
fn the_docx_of_the_walked_minutes_has_attendance_times_and_the_band_tables() {
    let w = walked();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("referat.docx");
    std::fs::write(&path, export(&w.db, w.meeting, DocKind::Minutes, Format::Docx, Audience::Public)).unwrap();
    let unzip = std::process::Command::new("unzip").args(["-p"]).arg(&path).arg("word/document.xml").output().unwrap();
    let xml = String::from_utf8_lossy(&unzip.stdout);
    for want in [
        "Mødet påbegyndt kl.: ",
        "Protokollen blev læst og mødet hævet kl.: ",
        "19.48",
        "Tilstede: ",
        "Mette Skovgaard, Jonas Bech Lauridsen",
        "Afbud: ",
        "Desuden deltog: ",
        "Temadrøftelse",
        QUESTION,
        "Placering i forhold til de seks spørgsmål",
        "90–100",
        "▲\u{a0}37,5",
        "Hvad skal politikerne beskæftige sig med?",
    ] {
        assert!(xml.contains(want), "{want} in the DOCX");
    }
    assert!(xml.contains("●●"), "two positions in one band are two markers");
    assert!(xml.contains("w:gridSpan") && xml.contains("D9D9D9"), "extremes span the bands; the middle half is shaded");
    assert!(!xml.contains("DEMO-2026-00415"));
}

/// Writes the walked demo minutes to `$PEJLING_DOC_OUT` in every format, and times the PDF:
/// `PEJLING_DOC_OUT=/tmp/docs cargo test -p pejling --test it -- --ignored --nocapture documents::write_walked`.
#[test]
#[ignore = "writes files for a person to look at"]
fn write_walked_minutes() {
    let out = std::path::PathBuf::from(std::env::var("PEJLING_DOC_OUT").expect("PEJLING_DOC_OUT"));
    std::fs::create_dir_all(&out).unwrap();
    let w = walked();
    for (format, name) in [
        (Format::Pdf, "referat.pdf"),
        (Format::Html, "referat.html"),
        (Format::Docx, "referat.docx"),
        (Format::Md, "referat.md"),
    ] {
        let started = std::time::Instant::now();
        let bytes = export(&w.db, w.meeting, DocKind::Minutes, format, Audience::Internal);
        println!("{name}: {} bytes in {:?}", bytes.len(), started.elapsed());
        std::fs::write(out.join(name), bytes).unwrap();
    }
    // Each export builds its typesetter (fonts) afresh, as the app does; a changed note makes
    // sure typst cannot reuse the previous layout wholesale.
    let mut w = w;
    for n in 1..=3 {
        w.db.save_step_note(w.case, 0, &format!("{NOTE}\nRettelse {n}.")).unwrap();
        let started = std::time::Instant::now();
        export(&w.db, w.meeting, DocKind::Minutes, Format::Pdf, Audience::Public);
        println!("pdf export {n} after a changed note: {:?}", started.elapsed());
    }
}

#[test]
fn hostile_text_in_the_walk_and_attendance_is_rendered_as_text() {
    let mut w = walked();
    w.db.save_step_note(w.case, 16, HOSTILE).unwrap();
    w.db.add_question_to_administration(w.case, 2, HOSTILE, None).unwrap();
    w.db.add_meeting_guest(w.meeting, HOSTILE, HOSTILE).unwrap();
    let html = text(&w.db, w.meeting, Format::Html, Audience::Public, Lang::Da);
    assert!(!html.contains("<img") && !html.contains("<script"), "no markup from user text");
    assert!(html.matches("&lt;img src=x onerror=&quot;window.__xss=1&quot;&gt;").count() >= 4);
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    assert!(!md.contains("<img") && !md.contains("[link](javascript"), "{md}");
    let pdf = export(&w.db, w.meeting, DocKind::Minutes, Format::Pdf, Audience::Public);
    assert!(pdf.starts_with(b"%PDF"));
    let docx = export(&w.db, w.meeting, DocKind::Minutes, Format::Docx, Audience::Public);
    assert!(docx.starts_with(b"PK"));
}

// ---- the layout of seed 003, section by section -------------------------------------------

/// The demo meeting's start as the header writes it: "22-12-2026 17:00".
fn header_time(db: &Db, id: Id) -> String {
    let s = db.get_meeting(id).unwrap().meeting.starts_at;
    format!("{}-{}-{} {}", &s[8..10], &s[5..7], &s[..4], &s[11..16])
}

#[test]
fn the_contents_number_each_item_once_and_repeat_committee_and_time() {
    let (db, id) = demo();
    let when = header_time(&db, id);
    let md = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Md, Audience::Public)).unwrap();
    let toc = &md[md.find("## Indholdsfortegnelse").unwrap()..md.find("## 1 (Åben)").unwrap()];
    assert!(toc.contains("Opgaveudvalget for digitalisering og teknologi  \n"), "{toc}");
    assert!(toc.contains(&when), "{toc}");
    // One line per item, each ended by a hard line break, numbered by the item's own number
    // (the closed item 4 included, so the public list's numbers are the items' numbers).
    for line in [
        "1 (Åben) Godkendelse af dagsorden  \n",
        "2 (Åben) Algoritmer til forebyggelse af fald hos ældre borgere  \n",
        "4 (Lukket) Personsag vedrørende frikøb af medarbejder til projektgruppe  \n",
        "5 (Åben) Eventuelt  \n",
    ] {
        assert!(toc.contains(line), "{line:?} in {toc}");
    }
    assert!(!toc.contains("\\."), "no escaped list numbers: {toc}");

    let html = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Html, Audience::Public)).unwrap();
    let nav = &html[html.find("<nav").unwrap()..html.find("</nav>").unwrap()];
    assert!(!nav.contains("<ol"), "the numbers are in the headings, not added by a numbered list: {nav}");
    assert!(nav.contains("<p>Opgaveudvalget for digitalisering og teknologi</p>") && nav.contains(&when));
    assert!(nav.contains(">5 (Åben) Eventuelt</a>") && nav.contains(">4 (Lukket) Personsag"));

    let docx = export(&db, id, DocKind::Minutes, Format::Docx, Audience::Public);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("referat.docx");
    std::fs::write(&path, &docx).unwrap();
    let unzip = std::process::Command::new("unzip").args(["-p"]).arg(&path).arg("word/document.xml").output().unwrap();
    let xml = String::from_utf8_lossy(&unzip.stdout);
    assert!(!xml.contains("TOC \\") && !xml.contains("w:sdt"), "no TOC field beside the list");
    assert_eq!(xml.matches(">Indholdsfortegnelse<").count(), 1, "the contents once");
    assert_eq!(xml.matches(">1 (Åben) Godkendelse af dagsorden<").count(), 2, "in the contents and as heading");

    // The PDF's contents give each item's page, from typst's outline.
    assert!(tool("pdftotext"));
    let path = dir.path().join("referat.pdf");
    std::fs::write(&path, export(&db, id, DocKind::Minutes, Format::Pdf, Audience::Public)).unwrap();
    let out = std::process::Command::new("pdftotext").arg("-layout").arg(&path).arg("-").output().unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    let line = text.lines().find(|l| l.contains("1 (Åben) Godkendelse af dagsorden")).unwrap();
    assert!(line.trim_end().ends_with('1') && line.contains(". ."), "page number after dot leaders: {line}");
    let toc_line = text.lines().find(|l| l.contains("4 (Lukket) Personsag")).unwrap();
    assert!(toc_line.trim_end().chars().last().unwrap().is_ascii_digit(), "{toc_line}");
    assert!(text.contains(&when));
}

#[test]
fn every_heading_is_printed_and_the_decision_comes_last_naming_the_meeting() {
    let w = walked();
    let day = w.db.get_meeting(w.meeting).unwrap().meeting.starts_at;
    let cat = Catalog::new(Lang::Da);
    let meeting_line = format!("Møde i Opgaveudvalget for digitalisering og teknologi den {}", cat.date(&day[..10]));
    let md = text(&w.db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    // Item 1 has no summary, background or previous decisions: their headings are still there.
    let item1 = &md[md.find("## 1 (Åben)").unwrap()..md.find("## 2 (Åben)").unwrap()];
    for heading in
        ["### Resumé\n", "### Baggrund\n", "### Indstilling\n", "### Tidligere beslutninger:\n", "### Beslutninger:\n"]
    {
        assert!(item1.contains(heading), "{heading:?} in {item1}");
    }
    assert!(item1.contains(&format!("*{meeting_line}*")), "{item1}");
    // Item 2: the temadrøftelse comes before the decision, which is last.
    let item2 = &md[md.find("## 2 (Åben)").unwrap()..md.find("## 3 (Åben)").unwrap()];
    let walk = item2.find("### Temadrøftelse").unwrap();
    let decision = item2.find("### Beslutninger:").unwrap();
    assert!(item2.find("### Tidligere beslutninger:").unwrap() < walk && walk < decision, "{item2}");
    assert!(!item2[decision..].contains("###  ") && !item2[decision..].contains("#### "), "nothing after it");
    // The public version prints no headings for the withheld closed item.
    let item4 = &md[md.find("## 4 (Lukket)").unwrap()..md.find("## 5 (Åben)").unwrap()];
    assert!(!item4.contains("###"), "{item4}");
    // The agenda prints the four headings and no decision.
    let agenda =
        String::from_utf8(w.db.export(w.meeting, DocKind::Agenda, Format::Md, Audience::Public, Lang::Da).unwrap())
            .unwrap();
    assert!(agenda.contains("### Tidligere beslutninger:") && !agenda.contains("Beslutninger:\n\n*Møde"));
    for format in [Format::Html, Format::Docx] {
        let bytes = w.db.export(w.meeting, DocKind::Minutes, format, Audience::Public, Lang::Da).unwrap();
        let t = if format == Format::Docx {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("r.docx");
            std::fs::write(&path, &bytes).unwrap();
            let out = std::process::Command::new("unzip").args(["-p"]).arg(&path).arg("word/document.xml").output();
            String::from_utf8_lossy(&out.unwrap().stdout).into_owned()
        } else {
            String::from_utf8(bytes).unwrap()
        };
        assert_eq!(t.matches("Tidligere beslutninger:").count(), 4, "every open item: {format:?}");
        assert_eq!(t.matches(&meeting_line).count(), 4, "{format:?}");
        // Item 2's decision (the second meeting line) follows its temadrøftelse.
        let second = t.match_indices(&meeting_line).nth(1).unwrap().0;
        assert!(t.find("Temadrøftelse").unwrap() < second, "{format:?}");
    }
}

#[test]
fn the_header_gives_the_meeting_time_as_003_and_always_the_closing_line() {
    let (db, id) = demo();
    let when = header_time(&db, id);
    let md = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Md, Audience::Public)).unwrap();
    assert!(md.contains(&format!("Mødetidspunkt {when}  \n")), "{md}");
    assert!(md.contains("Mødeafholdelse Udvalgsværelse G  \n"));
    // Not adjourned yet: the line is there, blank, as on the printed form.
    assert!(md.contains("Protokollen blev læst og mødet hævet kl.:  \n"), "{md}");
    let html = String::from_utf8(export(&db, id, DocKind::Minutes, Format::Html, Audience::Public)).unwrap();
    assert!(html.contains("<dt>Protokollen blev læst og mødet hævet kl.:</dt><dd></dd>"));
    assert!(html.contains(&format!("<dt>Mødetidspunkt</dt><dd>{when}</dd>")));
    // The agenda has the planned end and no closing line.
    let agenda = String::from_utf8(export(&db, id, DocKind::Agenda, Format::Md, Audience::Public)).unwrap();
    assert!(agenda.contains("Planlagt slut ") && !agenda.contains("hævet"));
}

#[test]
fn approval_and_amendment_lines_are_in_danish_local_time() {
    let w = walked();
    let mut db = w.db;
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(w.meeting, s).unwrap();
    }
    let chair =
        db.list_attendance(w.meeting).unwrap().people.iter().find(|p| p.name == "Mette Skovgaard").unwrap().person_id;
    let approval = db.approve_minutes(w.meeting, chair).unwrap();
    let amendment = db
        .amend_minutes(w.meeting, Some(w.case), "decision", "Udvalget tog drøftelsen til efterretning.", "Skrivefejl")
        .unwrap();
    let cat = Catalog::new(Lang::Da);
    let approved_at = cat.date_time(&pejling::i18n::danish_local(&approval.approved_at).unwrap());
    let amended_at = cat.date_time(&pejling::i18n::danish_local(&amendment.made_at).unwrap());
    for format in [Format::Md, Format::Html] {
        let t = text(&db, w.meeting, format, Audience::Public, Lang::Da);
        assert!(t.contains(&format!("Godkendt af Mette Skovgaard (Formand) den {approved_at}")), "{t}");
        assert!(t.contains("rettet til: »Udvalget tog drøftelsen til efterretning.«"), "{format:?}");
        assert!(t.contains(&format!(" den {amended_at})")), "{format:?}");
        assert!(!t.contains("UTC") && !t.contains(&approval.approved_at[..16]), "no UTC or ISO times");
        assert!(t.contains("Kontrolsum (SHA-256)"));
    }
    // The amendments come before the decision, which is last in the item.
    let md = text(&db, w.meeting, Format::Md, Audience::Public, Lang::Da);
    let item2 = &md[md.find("## 2 (Åben)").unwrap()..md.find("## 3 (Åben)").unwrap()];
    assert!(item2.find("### Rettelser efter godkendelsen").unwrap() < item2.find("### Beslutninger:").unwrap());
}

// ---- the demo's history: a newcomer's first export reads like 003 ------------------------

#[test]
fn the_demo_has_a_history_with_approved_minutes_moving_positions_and_answers() {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let meetings = db.get_committee(c.id).unwrap().meetings;
    let held: Vec<_> = meetings.iter().filter(|m| m.status == MeetingStatus::MinutesApproved).collect();
    assert_eq!(held.len(), 2, "last year's temamøde and last month's meeting");
    let last_month = held.iter().find(|m| m.title == "Udvalgsmøde").unwrap();
    let md = String::from_utf8(export(&db, last_month.id, DocKind::Minutes, Format::Md, Audience::Public)).unwrap();
    for want in [
        "Protokollen blev læst og mødet hævet kl.: 18.47",
        "**Tilstede:** Mette Skovgaard",
        "### Resumé\n\nUdvalget fastlægger sin arbejdsplan",
        "### Beslutninger:\n\n*Møde i Opgaveudvalget for digitalisering og teknologi den ",
        "Godkendt, idet årets temamøde skal handle om algoritmer",
        "### Tidligere beslutninger:\n\nUdvalget tog stilling på de seks spørgsmål på temamødet",
        "### Temadrøftelse",
        "Godkendt af Mette Skovgaard (Formand) den ",
        "Kontrolsum (SHA-256): `",
    ] {
        assert!(md.contains(want), "{want:?} in {md}");
    }
    let decisions = md.matches("### Beslutninger:").count();
    assert_eq!(decisions, 5, "every item has its decision heading");

    // Positions over time move at once: the same six politicians, a year apart.
    let h = db.position_history(c.id, pejling::store::ORGANISATION_QUESTIONS).unwrap();
    assert_eq!(h.occasions.len(), 2, "{:?}", h.occasions);
    let q1 = &h.questions[0].points;
    let (then, now) = (q1[0].statistics.as_ref().unwrap().median, q1[1].statistics.as_ref().unwrap().median);
    assert_eq!((then, now), (37.5, 52.5), "moved towards extreme position 2");

    // Follow-ups answered since the last meeting: the question from last year's temamøde and
    // the follow-up on last month's project status.
    let list = db.follow_up_list(c.id).unwrap();
    let answered: Vec<_> = list.items.iter().filter(|f| f.answered_since_last_meeting).collect();
    assert_eq!(answered.len(), 2, "{:?}", list.items);
    assert!(answered.iter().all(|f| f.status == FollowUpStatus::Answered && !f.answer.is_empty()));
    // The coming temamøde is still open for the newcomer to prepare and walk.
    let coming = meetings.iter().find(|m| m.title == pejling::demo::THEME_MEETING_TITLE).unwrap();
    assert_eq!(coming.status, MeetingStatus::Draft);
}

#[test]
fn the_kommissorium_is_on_the_committee_and_printed_in_the_documents() {
    let (mut db, id) = demo();
    let committee = db.get_meeting(id).unwrap().committee;
    assert!(committee.mandate.starts_with("Byrådet har nedsat opgaveudvalget"), "the demo has one");
    for kind in [DocKind::Agenda, DocKind::Minutes] {
        let md = String::from_utf8(export(&db, id, kind, Format::Md, Audience::Public)).unwrap();
        let at = md.find("## Udvalgets kommissorium\n\nByrådet har nedsat opgaveudvalget").expect("printed");
        assert!(at < md.find("## Indholdsfortegnelse").unwrap(), "before the contents");
        let html = String::from_utf8(export(&db, id, kind, Format::Html, Audience::Public)).unwrap();
        assert!(html.contains("<h2 id=\"kommissorium\">Udvalgets kommissorium</h2>"));
    }
    // Edited on the committee (hostile text stays text), audited; emptied, it is left out.
    let c = db
        .update_committee(committee.id, &CommitteePatch { mandate: Some(HOSTILE.into()), ..Default::default() })
        .unwrap();
    assert_eq!(c.mandate, HOSTILE);
    let html = String::from_utf8(export(&db, id, DocKind::Agenda, Format::Html, Audience::Public)).unwrap();
    assert!(!html.contains("<img") && html.contains("&lt;img src=x"));
    let pdf = export(&db, id, DocKind::Agenda, Format::Pdf, Audience::Public);
    assert!(pdf.starts_with(b"%PDF"));
    let audited: i64 = db
        .connection()
        .query_row(
            "SELECT count(*) FROM audit_log WHERE entity = 'committee' AND entity_id = ?1 AND changes LIKE '%mandate%'",
            [committee.id],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(audited, 2, "the demo's mandate and the edit");
    db.update_committee(committee.id, &CommitteePatch { mandate: Some(String::new()), ..Default::default() }).unwrap();
    let md = String::from_utf8(export(&db, id, DocKind::Agenda, Format::Md, Audience::Public)).unwrap();
    assert!(!md.contains("kommissorium"));
    // Too long is refused with a Danish message, and the saved text stays.
    let e = db
        .update_committee(committee.id, &CommitteePatch { mandate: Some("x".repeat(200_001)), ..Default::default() })
        .unwrap_err();
    assert!(e.to_string().starts_with("Teksten er for lang"), "{e}");
}
