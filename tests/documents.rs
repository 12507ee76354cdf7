//! Documents of the demo temamøde in every format: content and layout as in a Danish referat,
//! closed items left out of the public version, hostile text rendered as text, the PDF read
//! back as pages, the ICS read back by a standard parser.

use pejling::documents::{Audience, DocKind, Format};
use pejling::*;

const HOSTILE: &str = "<img src=x onerror=\"window.__xss=1\"><script>alert(1)</script> #set page(width: 1cm) *fed* [link](javascript:alert(1))";

fn demo() -> (Db, Id) {
    let mut db = Db::open_in_memory().unwrap();
    let c = pejling::demo::create(&mut db).unwrap();
    let theme = db.get_committee(c.id).unwrap().meetings.into_iter().find(|m| m.kind == MeetingKind::Theme).unwrap();
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
        assert!(!public.contains("Lukket") && !public.contains("Personsag"), "closed items are left out");
        let internal = String::from_utf8(export(&db, id, DocKind::Minutes, format, Audience::Internal)).unwrap();
        assert!(internal.contains("4 (Lukket) Personsag"), "{format:?}");
        let agenda = String::from_utf8(export(&db, id, DocKind::Agenda, format, Audience::Public)).unwrap();
        assert!(agenda.contains("Dagsorden til møde i") && !agenda.contains("Beslutninger"));
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
        assert!(text.contains("Side 1 af 2"), "page X of Y: {text}");
        assert!(text.contains("2 (Åben) Algoritmer til forebyggelse af fald"));
        assert!(!text.contains("Personsag"));
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
    assert_eq!(get(&b, "LOCATION"), "Byrådssalen\\, 1. sal\\; indgang B", "escaped per RFC 5545");
    assert!(!second.contains("Personsag"), "closed items are not in the calendar");
    let year = db.committee_calendar(db.get_meeting(id).unwrap().committee.id, None, Lang::Da).unwrap();
    let cal: icalendar::Calendar = year.parse().unwrap();
    assert_eq!(cal.components.iter().filter(|c| c.as_event().is_some()).count(), 2);
}
