//! Bilag end to end in the core: attaching (type read from content, size limit before
//! reading, deduplication), numbering, the text read for search (PDF and DOCX, bounded
//! against a zip bomb), approval covering each file's SHA-256, the documents' "Bilag" lines,
//! the samlet dagsorden with embedded pages, backups that copy each file once, a restore that
//! brings the files back, and the audit log.

use pejling::documents::Export as _;
use std::io::Write;
use std::path::{Path, PathBuf};

use pejling::bilag::{MediaType, TextState};
use pejling::documents::{Audience, DocKind, Format};
use pejling::store::NewAttachment;
use pejling::*;

fn theme_meeting(db: &Db) -> Id {
    db.list_meetings(None).unwrap().into_iter().find(|m| m.title == demo::THEME_MEETING_TITLE).unwrap().id
}

/// A workspace on disk with the demo (without its bilag) and the temamøde's first open item.
fn workspace(dir: &Path) -> (Db, Id, Id) {
    let mut db = Db::open(&dir.join("pejling.sqlite3")).unwrap();
    let c = demo::create_without_history_on(&mut db, chrono::Local::now().date_naive()).unwrap();
    let _ = c;
    let meeting = theme_meeting(&db);
    let item = db.list_agenda_items(meeting).unwrap()[1].id;
    for a in db.list_attachments(item).unwrap() {
        db.detach(a.id).unwrap();
    }
    (db, meeting, item)
}

fn new(name: &str) -> NewAttachment<'_> {
    NewAttachment { file_name: name, title: None, document_number: None, closed: false }
}

/// A real PDF with text: the agenda of another meeting, typeset by Pejling itself.
fn a_pdf(db: &Db, meeting: Id) -> Vec<u8> {
    db.export(meeting, DocKind::Agenda, Format::Pdf, Audience::Public, Lang::Da).unwrap()
}

fn file(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn blob_files(dir: &Path) -> usize {
    walk(dir).into_iter().filter(|p| !p.to_string_lossy().ends_with(".partial")).count()
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

#[test]
fn a_pdf_is_attached_numbered_read_for_search_and_stored_once() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let path = file(dir.path(), "Notat_om_velfærdsteknologi.pdf", &pdf);
    let a = db.attach_file(item, &path, &new("Notat_om_velfærdsteknologi.pdf")).unwrap();
    assert_eq!((a.number, a.title.as_str(), a.media_type), (1, "Notat om velfærdsteknologi", MediaType::Pdf));
    assert_eq!(a.text_state, TextState::Pending);
    assert_eq!(a.bytes, pdf.len() as u64);

    // The same file again (on another item): a second bilag, one file in the store.
    let other_item = db.list_agenda_items(meeting).unwrap()[2].id;
    let b = db
        .attach_file(
            other_item,
            &path,
            &NewAttachment {
                file_name: "x.pdf",
                title: Some("Samme notat"),
                document_number: Some("2188929 - EMN-2018-00874"),
                closed: true,
            },
        )
        .unwrap();
    assert_eq!(b.sha256, a.sha256);
    assert_eq!(blob_files(&dir.path().join("bilag")), 1, "stored once");

    while db.extract_pending_attachment().unwrap() {}
    let a = db.get_attachment(a.id).unwrap();
    assert_eq!(a.text_state, TextState::Text);
    assert!(a.pages.unwrap() >= 1);
    // A word from the PDF's text only ("Indholdsfortegnelse" is in every agenda PDF, and in no
    // item's own text) is found in the bilag, with its item and page.
    let hits = db.search("indholdsfortegnelse", 20).unwrap();
    let hit = hits.iter().find(|h| h.attachment_id == Some(a.id)).expect("found in the bilag");
    assert_eq!(hit.kind, pejling::search::SearchKind::Attachment);
    assert_eq!(hit.agenda_item_id, Some(item));
    assert_eq!(hit.page, Some(1));
    assert_eq!(hit.attachment_title.as_deref(), Some("Notat om velfærdsteknologi"));

    // Reordering and removing renumber; the file stays while another bilag has it.
    let c = db.attach_bytes(item, &pdf, &new("Andet.pdf")).unwrap();
    assert_eq!(c.number, 2);
    let order = db.move_attachment(c.id, 1).unwrap();
    assert_eq!(order.iter().map(|x| (x.id, x.number)).collect::<Vec<_>>(), vec![(c.id, 1), (a.id, 2)]);
    db.detach(c.id).unwrap();
    db.detach(a.id).unwrap();
    assert_eq!(blob_files(&dir.path().join("bilag")), 1, "still used by the other item's bilag");
    db.detach(b.id).unwrap();
    assert_eq!(blob_files(&dir.path().join("bilag")), 0, "no bilag uses it any more");
    assert!(db.search("indholdsfortegnelse", 20).unwrap().iter().all(|h| h.attachment_id.is_none()));
}

#[test]
fn a_file_must_be_what_its_name_says_and_within_the_size_limit() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _, item) = workspace(dir.path());
    let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x02\0\0\0";
    let e = db.attach_bytes(item, png, &new("budget.pdf")).unwrap_err();
    assert_eq!(
        e.to_string(),
        "»budget.pdf« hedder PDF, men indholdet er PNG. Omdøb filen, eller vælg den rigtige fil."
    );
    let e = db.attach_bytes(item, b"MZ\x90\0 not a pdf", &new("budget.pdf")).unwrap_err();
    assert!(e.to_string().contains("ikke en PDF-fil"), "{e}");
    let e = db.attach_bytes(item, png, &new("program.exe")).unwrap_err();
    assert!(e.to_string().contains("PDF, DOCX, XLSX, PPTX, PNG, JPEG"), "{e}");
    // A 2 GB file is refused before it is read (a sparse file: nothing is written to disk).
    let big = dir.path().join("stor.pdf");
    std::fs::File::create(&big).unwrap().set_len(2 * 1024 * 1024 * 1024).unwrap();
    let started = std::time::Instant::now();
    let e = db.attach_file(item, &big, &new("stor.pdf")).unwrap_err();
    assert!(e.to_string().contains("højst fylde 100 MB"), "{e}");
    assert!(started.elapsed() < std::time::Duration::from_secs(2), "refused without reading it");
    assert!(db.list_attachments(item).unwrap().is_empty(), "nothing attached");
    assert_eq!(blob_files(&dir.path().join("bilag")), 0, "no file left behind");
}

/// A DOCX with a paragraph of text, and one whose text part unpacks to 60 MB.
fn docx(text_part: &[u8]) -> Vec<u8> {
    let mut out = std::io::Cursor::new(Vec::new());
    let mut z = zip::ZipWriter::new(&mut out);
    let o = zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    z.start_file("[Content_Types].xml", o).unwrap();
    z.write_all(
        br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#,
    )
    .unwrap();
    z.start_file("word/document.xml", o).unwrap();
    z.write_all(text_part).unwrap();
    z.finish().unwrap();
    out.into_inner()
}

#[test]
fn docx_text_is_read_page_by_page_and_a_zip_bomb_is_stopped() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _, item) = workspace(dir.path());
    let xml = r#"<w:document xmlns:w="x"><w:body><w:p><w:r><w:t>Sm&#229; &amp; store</w:t></w:r><w:r><w:t xml:space="preserve"> kommunegrænser</w:t></w:r></w:p><w:p><w:r><w:br w:type="page"/><w:t>Borgerinddragelse</w:t></w:r></w:p></w:body></w:document>"#;
    let a = db.attach_bytes(item, &docx(xml.as_bytes()), &new("Høringssvar.docx")).unwrap();
    assert_eq!(a.media_type, MediaType::Docx);
    while db.extract_pending_attachment().unwrap() {}
    let a = db.get_attachment(a.id).unwrap();
    assert_eq!((a.text_state, a.pages), (TextState::Text, Some(2)));
    let hit = db.search("borgerinddragelse", 10).unwrap().into_iter().find(|h| h.attachment_id == Some(a.id)).unwrap();
    assert_eq!(hit.page, Some(2));
    // Danish stems and compound parts as for everything else.
    assert!(db.search("kommunegrænse", 10).unwrap().iter().any(|h| h.attachment_id == Some(a.id)));
    assert!(db.search("grænser", 10).unwrap().iter().any(|h| h.attachment_id == Some(a.id)));

    let mut bomb = b"<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>".to_vec();
    bomb.resize(60 * 1024 * 1024, b'a');
    let packed = docx(&bomb);
    assert!(packed.len() < 1024 * 1024, "the bomb is small packed: {}", packed.len());
    let b = db.attach_bytes(item, &packed, &new("bombe.docx")).unwrap();
    while db.extract_pending_attachment().unwrap() {}
    assert_eq!(db.get_attachment(b.id).unwrap().text_state, TextState::TooLarge);
}

#[test]
fn damaged_pdfs_are_marked_and_nothing_saved_is_lost() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, _, item) = workspace(dir.path());
    let a = db.attach_bytes(item, b"%PDF-1.7\n1 0 obj << /Type /Catalog >> garbage", &new("skadet.pdf")).unwrap();
    while db.extract_pending_attachment().unwrap() {}
    assert_eq!(db.get_attachment(a.id).unwrap().text_state, TextState::Damaged);
    assert_eq!(db.list_attachments(item).unwrap().len(), 1, "kept, and marked");
}

#[test]
fn the_documents_list_each_items_bilag_as_003_does_and_the_public_version_leaves_closed_ones_out() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let with = |title: &'static str, number: &'static str, closed: bool| NewAttachment {
        file_name: "bilag.pdf",
        title: Some(title),
        document_number: Some(number),
        closed,
    };
    db.attach_bytes(item, &pdf, &with("Input fra gruppearbejde", "2188929 - EMN-2018-00874", false)).unwrap();
    db.attach_bytes(item, &pdf, &with("Fortroligt notat", "", true)).unwrap();
    db.attach_bytes(item, &pdf, &with("DIS-model", "2188932 - EMN-2018-00874", false)).unwrap();
    let md =
        |kind, audience| String::from_utf8(db.export(meeting, kind, Format::Md, audience, Lang::Da).unwrap()).unwrap();
    let internal = md(DocKind::Minutes, Audience::Internal);
    assert!(internal.contains("### Bilag\n\n1\\. Input fra gruppearbejde (2188929 - EMN-2018-00874)  \n2\\. Fortroligt notat (Lukket bilag)  \n3\\. DIS-model (2188932 - EMN-2018-00874)"), "{internal}");
    let public = md(DocKind::Agenda, Audience::Public);
    assert!(public.contains("1\\. Input fra gruppearbejde (2188929 - EMN-2018-00874)  \n3\\. DIS-model"), "{public}");
    assert!(!public.contains("Fortroligt notat"));
    let html =
        String::from_utf8(db.export(meeting, DocKind::Minutes, Format::Html, Audience::Public, Lang::Da).unwrap())
            .unwrap();
    assert!(
        html.contains(
            "<h3>Bilag</h3>\n<ul class=\"bilag\">\n<li>1. Input fra gruppearbejde (2188929 - EMN-2018-00874)</li>"
        ),
        "{html}"
    );
}

#[test]
fn the_samlet_dagsorden_embeds_each_open_pdf_bilag_with_bookmarks_and_running_page_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let bilag_pages = lopdf::Document::load_mem(&pdf).unwrap().get_pages().len();
    let agenda = db.export(meeting, DocKind::Agenda, Format::Pdf, Audience::Public, Lang::Da).unwrap();
    let agenda_pages = lopdf::Document::load_mem(&agenda).unwrap().get_pages().len();
    db.attach_bytes(
        item,
        &pdf,
        &NewAttachment { file_name: "notat.pdf", title: Some("Notat om fald"), document_number: None, closed: false },
    )
    .unwrap();
    db.attach_bytes(
        item,
        &pdf,
        &NewAttachment { file_name: "lukket.pdf", title: Some("Lukket notat"), document_number: None, closed: true },
    )
    .unwrap();
    let png = std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("src-tauri/icons/32x32.png")).unwrap();
    db.attach_bytes(item, &png, &new("Foto.png")).unwrap();
    let combined = db.export_combined_agenda(meeting, Audience::Public, Lang::Da).unwrap();
    let doc = lopdf::Document::load_mem(&combined).unwrap();
    let pages = doc.get_pages().len();
    // The agenda, a page naming the item and listing the PNG, then the PDF's pages.
    assert_eq!(pages, agenda_pages + 1 + bilag_pages, "agenda {agenda_pages}, bilag {bilag_pages}");
    assert!(String::from_utf8(
        std::process::Command::new("pdftotext")
            .arg(file(dir.path(), "s.pdf", &combined))
            .arg("-")
            .output()
            .unwrap()
            .stdout
    )
    .unwrap()
    .contains("Bilag til punkt 2: "));
    let path = file(dir.path(), "samlet.pdf", &combined);
    let text = String::from_utf8(std::process::Command::new("pdftotext").arg(&path).arg("-").output().unwrap().stdout)
        .unwrap();
    assert!(text.contains("Samlet dagsorden"), "{text}");
    assert!(text.contains("Bilag 2.1: Notat om fald"), "{text}");
    assert!(text.contains("PNG-fil, ikke indsat"), "{text}");
    assert!(!text.contains("Lukket notat"), "closed bilag are left out of the public version");
    assert!(text.contains(&format!("Side {pages} af {pages}")), "running page numbers: {text}");
    // Bookmarks: the item's bilag and the bilag itself are in the PDF's outline.
    let raw = String::from_utf8_lossy(&combined);
    assert!(raw.contains("/Outlines"), "the PDF has an outline");
    let info = std::process::Command::new("pdfinfo").arg(&path).output().unwrap();
    assert!(info.status.success());
}

#[test]
fn approval_covers_each_bilag_and_locks_them() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let a = db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    let committee = db.get_meeting(meeting).unwrap().committee.id;
    let chair = db.get_committee(committee).unwrap().members.iter().find(|m| m.role == Role::Chair).unwrap().person_id;
    for s in [MeetingStatus::AgendaSent, MeetingStatus::InProgress, MeetingStatus::Closed] {
        db.set_meeting_status(meeting, s).unwrap();
    }
    db.approve_minutes(meeting, chair).unwrap();
    let snapshot = db.minutes_snapshot(meeting).unwrap();
    let items = snapshot["record"]["items"].as_array().unwrap();
    assert!(
        items.iter().any(|i| i["attachments"][0]["sha256"] == a.sha256.as_str()),
        "the snapshot names the file's SHA-256"
    );
    assert!(db.verify_minutes(meeting).unwrap().unchanged);
    let e = db.detach(a.id).unwrap_err();
    assert!(e.to_string().contains("godkendt og låst"), "{e}");
    assert!(db
        .update_attachment(a.id, &pejling::bilag::AttachmentPatch { title: Some("Nyt".into()), ..Default::default() })
        .is_err());
    assert!(db.attach_bytes(item, &pdf, &new("sent.pdf")).is_err());
    // Even SQL outside Pejling's checks cannot change them: the schema refuses.
    assert!(db.connection().execute("DELETE FROM attachment WHERE id = ?1", [a.id]).is_err());
    assert!(db.connection().execute("UPDATE attachment SET closed = 1 WHERE id = ?1", [a.id]).is_err());
    assert_eq!(db.attachment_bytes(a.id).unwrap().1, pdf);
}

#[test]
fn backups_copy_each_file_once_and_a_restore_brings_the_files_back() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let a = db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    let first = db.auto_backup(pejling::backup::Reason::Manual).unwrap().unwrap();
    let backup_blobs = dir.path().join("backups").join("bilag");
    assert_eq!(blob_files(&backup_blobs), 1);
    let copied_file = backup_blobs.join(&a.sha256[..2]).join(&a.sha256);
    let modified = std::fs::metadata(&copied_file).unwrap().modified().unwrap();
    std::thread::sleep(std::time::Duration::from_millis(20));
    db.auto_backup(pejling::backup::Reason::Manual).unwrap().unwrap();
    assert_eq!(std::fs::metadata(&copied_file).unwrap().modified().unwrap(), modified, "not copied again");
    // The newer backup packed the first one: it lives on as a manifest of its pages.
    assert!(!first.exists());
    let first = first.with_extension("pages");
    assert!(pejling::backup::is_packed(&first) && first.is_file(), "{}", first.display());
    assert_eq!(pejling::backup::copy_blobs(&first, &dir.path().join("bilag")).unwrap(), 0);

    // The bilag is removed (its file goes with it), then the backup is restored.
    db.detach(a.id).unwrap();
    assert!(db.attachment_bytes(a.id).is_err());
    let db_path = db.path().unwrap().to_path_buf();
    db.close().unwrap();
    let lock = pejling::instance::InstanceLock::acquire(&db_path).unwrap();
    pejling::backup::restore(&first, &db_path, &lock).unwrap();
    drop(lock);
    let db = Db::open(&db_path).unwrap();
    let (back, bytes) = db.attachment_bytes(a.id).unwrap();
    assert_eq!((back.title.as_str(), bytes), ("notat", pdf));
}

#[test]
fn a_file_changed_on_disk_is_reported_never_shown() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let a = db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    let on_disk = dir.path().join("bilag").join(&a.sha256[..2]).join(&a.sha256);
    let mut changed = pdf.clone();
    changed[20] ^= 1;
    std::fs::write(&on_disk, changed).unwrap();
    let e = db.attachment_bytes(a.id).unwrap_err();
    assert!(e.to_string().contains("beskadiget"), "{e}");
}

#[test]
fn every_change_to_a_bilag_is_audited_under_the_person() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    db.set_actor_with_role("Birthe Sekretær", Some(Role::Secretary)).unwrap();
    let pdf = a_pdf(&db, meeting);
    let a = db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    db.update_attachment(
        a.id,
        &pejling::bilag::AttachmentPatch {
            document_number: Some("2188929".into()),
            closed: Some(true),
            ..Default::default()
        },
    )
    .unwrap();
    db.detach(a.id).unwrap();
    let log = db.audit_log_of("attachment", a.id).unwrap();
    let actions: Vec<_> = log.iter().map(|e| (e.action.as_str(), e.actor.as_str())).collect();
    assert_eq!(
        actions,
        vec![("insert", "Birthe Sekretær"), ("update", "Birthe Sekretær"), ("delete", "Birthe Sekretær")]
    );
    assert!(log[0].changes.contains(&a.sha256));
    assert!(log[1].changes.contains("2188929") && log[1].changes.contains("\"closed\":1"), "{}", log[1].changes);
}

#[test]
fn packages_carry_each_file_once_and_a_merge_brings_bilag_added_elsewhere() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    let a = db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    let other = db.list_agenda_items(meeting).unwrap()[2].id;
    db.attach_bytes(
        other,
        &pdf,
        &NewAttachment { file_name: "kopi.pdf", title: None, document_number: Some("2188929"), closed: false },
    )
    .unwrap();
    db.attach_bytes(
        other,
        &pdf,
        &NewAttachment { file_name: "lukket.pdf", title: None, document_number: None, closed: true },
    )
    .unwrap();
    let package = db.export_package(meeting, false).unwrap();
    assert_eq!(package.format_version, 2);
    assert_eq!(package.files.len(), 1, "the same file once");
    let carried: Vec<_> = package.items.iter().flat_map(|i| i.attachments.iter().map(|a| a.title.as_str())).collect();
    assert_eq!(carried, vec!["notat", "kopi"], "closed bilag stay home");
    let bytes = serde_json::to_vec(&package).unwrap();

    // Another machine imports it: the bilag and their files are there.
    let laptop_dir = tempfile::tempdir().unwrap();
    let mut laptop = Db::open(&laptop_dir.path().join("pejling.sqlite3")).unwrap();
    laptop.set_actor("Formand Jensen").unwrap();
    let imported = laptop.import_package(&bytes).unwrap();
    let all = laptop.meeting_attachments(imported.meeting_id).unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(laptop.attachment_bytes(all[0].id).unwrap().1, pdf);
    assert_eq!(all[1].document_number, "2188929");
    // It adds a bilag there and sends the meeting back.
    let l_item = all[0].agenda_item_id;
    let docx_bytes = docx("<w:document xmlns:w=\"x\"><w:body><w:p><w:r><w:t>Tilføjet på den bærbare</w:t></w:r></w:p></w:body></w:document>".as_bytes());
    laptop.attach_bytes(l_item, &docx_bytes, &new("Supplerende notat.docx")).unwrap();
    let back = serde_json::to_vec(&laptop.export_package(imported.meeting_id, false).unwrap()).unwrap();

    // Here the first bilag was removed meanwhile; the merge brings the new one only.
    db.detach(a.id).unwrap();
    let preview = db.preview_package_merge(&back).unwrap();
    let added: Vec<_> = preview
        .changes
        .iter()
        .filter(|c| c.entity == pejling::packages::MergeEntity::Attachment)
        .map(|c| c.theirs.as_str())
        .collect();
    assert_eq!(added, vec!["Supplerende notat"], "a bilag removed here is not brought back");
    db.set_actor("Sekretær Hansen").unwrap();
    db.merge_package(&back, &[]).unwrap();
    let here = db.list_attachments(item).unwrap();
    assert_eq!(here.iter().map(|x| x.title.as_str()).collect::<Vec<_>>(), vec!["Supplerende notat"]);
    assert_eq!(db.attachment_bytes(here[0].id).unwrap().1, docx_bytes);
    let log = db.audit_log_of("attachment", here[0].id).unwrap();
    assert_eq!(log[0].author.as_deref(), Some("Formand Jensen"));
    assert_eq!(log[0].merged_by.as_deref(), Some("Sekretær Hansen"));
}

#[test]
fn a_package_whose_file_does_not_match_its_checksum_is_refused_with_nothing_written() {
    let dir = tempfile::tempdir().unwrap();
    let (mut db, meeting, item) = workspace(dir.path());
    let pdf = a_pdf(&db, meeting);
    db.attach_bytes(item, &pdf, &new("notat.pdf")).unwrap();
    let mut package = db.export_package(meeting, false).unwrap();
    let sha = package.files.keys().next().unwrap().clone();
    use base64::Engine;
    let mut changed = pdf.clone();
    changed[100] ^= 1;
    package.files.insert(sha, base64::engine::general_purpose::STANDARD.encode(changed));
    let other = tempfile::tempdir().unwrap();
    let mut laptop = Db::open(&other.path().join("pejling.sqlite3")).unwrap();
    let e = laptop.import_package(&serde_json::to_vec(&package).unwrap()).unwrap_err();
    assert!(e.to_string().contains("SHA-256"), "{e}");
    assert!(laptop.list_meetings(None).unwrap().is_empty());
    assert_eq!(blob_files(&other.path().join("bilag")), 0, "no file left behind");
}
