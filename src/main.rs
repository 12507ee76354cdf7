//! `pejling`: the command line for secretaries' scripting and for tests. It opens the same
//! database as the app (see [`pejling::paths`]) and prints human text in Danish (or English
//! with `--lang en`), or JSON with `--json`.

use std::fmt::Write as _;
use std::io::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use pejling::documents::Export as _;
use pejling::i18n::Catalog;
use pejling::{paths, Db, Id, Lang};

#[derive(Parser)]
#[command(name = "pejling", version, about = "Pejling: temamøder om digitalisering for kommunale udvalg")]
struct Cli {
    /// The database file (default: the app's data directory).
    #[arg(long, global = true, env = paths::DB_ENV, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Language of messages: da or en.
    #[arg(long, global = true, env = "PEJLING_LANG", default_value = "da", value_parser = parse_lang)]
    lang: Lang,
    /// Who is working: the name every audit entry of this command records (default: this
    /// machine's identity, saved by the app, else the OS user).
    #[arg(long = "as", global = true, env = "PEJLING_AS", value_name = "NAME")]
    as_name: Option<String>,
    /// The role of who is working: sekretær, formand, næstformand, medlem, borgermedlem or
    /// embedsmand.
    #[arg(long, global = true, env = "PEJLING_ROLE", value_name = "ROLE")]
    role: Option<String>,
    #[command(subcommand)]
    command: Command,
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?} (use da or en)"))
}

#[derive(Subcommand)]
enum Command {
    /// Create the demo workspace (an invented task committee with a prepared temamøde).
    Demo,
    /// List committees.
    Committees {
        #[arg(long)]
        json: bool,
    },
    /// List meetings, of one committee or all.
    Meetings {
        #[arg(long, value_name = "ID")]
        committee: Option<Id>,
        #[arg(long)]
        json: bool,
    },
    /// Show a meeting with its agenda.
    ShowMeeting {
        id: Id,
        #[arg(long)]
        json: bool,
    },
    /// Export a meeting's referat or dagsorden (pdf, pdfa, docx, html, md), its calendar
    /// entry (ics), or the samlet dagsorden (the agenda with its PDF bilag, pdf only). Closed
    /// items and bilag are listed by number and title only, unless --internal.
    Export {
        meeting: Id,
        /// referat, dagsorden or samlet.
        #[arg(long, default_value = "referat")]
        what: String,
        /// pdf, pdfa, docx, html, md or ics.
        #[arg(long)]
        format: String,
        /// Include the content of closed (Lukket) items: for the committee's own use, never for publication.
        #[arg(long)]
        internal: bool,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Attach a file (PDF, DOCX, XLSX, PPTX, PNG, JPEG; at most 100 MB) to an agenda item as a
    /// bilag. Its text is read for search at once.
    Attach {
        item: Id,
        file: PathBuf,
        /// The bilag's title (default: the file name without its extension).
        #[arg(long)]
        title: Option<String>,
        /// The document number in the ESDH system, e.g. "2188929 - EMN-2018-00874".
        #[arg(long, value_name = "DOCNO")]
        number: Option<String>,
        /// A closed bilag: left out of the public version.
        #[arg(long)]
        closed: bool,
    },
    /// List a meeting's bilag, item by item.
    Attachments {
        meeting: Id,
        #[arg(long)]
        json: bool,
    },
    /// Remove a bilag (not from approved minutes).
    Detach { attachment: Id },
    /// Write a committee's meetings (of one year, or all) as one ICS calendar.
    Calendar {
        committee: Id,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
    },
    /// Check that approved minutes are unchanged since approval (SHA-256 fingerprint).
    /// Exits with 1 when they have changed or are not approved.
    Verify {
        meeting: Id,
        #[arg(long)]
        json: bool,
    },
    /// Who changed what and when in a meeting: each entry with who did it and in which role,
    /// and for a change merged from a meeting package, its author and where it came from.
    Audit {
        meeting: Id,
        #[arg(long)]
        json: bool,
    },
    /// Approve a closed meeting's minutes as the app does: NAME is the approving chair or
    /// member of the committee, as on the member list. Without --as the approver is who is
    /// working, and --role, if given, must be the approver's role in the committee.
    Approve {
        meeting: Id,
        #[arg(long, value_name = "NAME")]
        by: String,
        #[arg(long)]
        json: bool,
    },
    /// Write a backup of the database (SQLite's online backup API).
    Backup {
        /// Where to write it (default: the database's backups/ directory).
        #[arg(long, value_name = "PATH")]
        out: Option<PathBuf>,
    },
    /// List the automatic backups, newest first.
    Backups {
        #[arg(long)]
        json: bool,
    },
    /// Replace the database with a backup. The current database is backed up first; a file
    /// that is not a Pejling database is refused and nothing changes.
    Restore {
        /// The backup file.
        from: PathBuf,
    },
    /// List the question sets: the built-in ones, then those imported.
    QuestionSets {
        #[arg(long)]
        json: bool,
    },
    /// Import a question set written in the TOML format of assets/question-sets/. A file that
    /// does not pass is refused with its line and problem, and nothing is stored.
    ImportQuestionSet {
        /// The TOML file.
        file: PathBuf,
        #[arg(long)]
        json: bool,
    },
    /// What an agenda item's walk produced: per question its note, the questions to the
    /// administration and, for continuum questions, the positions (only once revealed).
    WalkSummary {
        item: Id,
        #[arg(long)]
        json: bool,
    },
    /// Search everything: committees, meetings, agenda items (closed ones too, marked),
    /// notes and questions to the administration. The query is plain words; each must occur,
    /// as written, in a Danish inflection, or (three letters or more) inside a longer word.
    Search {
        query: String,
        #[arg(long)]
        json: bool,
        /// At most this many hits.
        #[arg(long, default_value_t = 20)]
        limit: u32,
    },
    /// Move a meeting's walk to step STEP (0-based) of agenda item ITEM, as the chair does
    /// in the app (for scripting a headless live session).
    WalkGoto { item: Id, step: u32 },
    /// Show (or with --hide, hide again) the positions on a continuum step.
    RevealPositions {
        item: Id,
        step: u32,
        #[arg(long)]
        hide: bool,
    },
    /// Start a live session for a meeting without the app (tests, a room PC): participants
    /// join from their own devices at the printed URL. Runs until Ctrl+C. Each request to
    /// take a name waits for the chair's approval in the app; with --admit-all every request
    /// is approved at once.
    Serve {
        meeting: Id,
        /// Where to listen (default: the address of the interface that carries the default
        /// route, at a free port); 0.0.0.0 is every interface, port 0 a free port.
        #[arg(long, value_name = "ADDR:PORT")]
        bind: Option<std::net::SocketAddr>,
        /// UNSAFE in a real room: approve every request to take a name without a chair, so
        /// anyone with the join code takes any free name. For tests and a room PC on a
        /// closed network.
        #[arg(long)]
        admit_all: bool,
        #[arg(long)]
        json: bool,
    },
    /// A committee's follow-up items (opfølgning): open, overdue, answered since its last
    /// meeting, with owner, due date, status, answer and where each came from.
    FollowUps {
        committee: Id,
        #[arg(long)]
        json: bool,
    },
    /// How a committee's revealed positions on a continuum set moved from one temamøde to the
    /// next: per question the room's median and, where named, each participant's position.
    PositionHistory {
        committee: Id,
        /// The continuum set (default: the six organisation questions).
        #[arg(long, default_value = pejling::store::ORGANISATION_QUESTIONS)]
        set: String,
        #[arg(long)]
        json: bool,
    },
    /// A committee's annual cycle (årshjul): its fixed points on their days in YEAR (default:
    /// this year), each with the meeting made from it, if any.
    Cycle {
        committee: Id,
        #[arg(long)]
        year: Option<i32>,
        #[arg(long)]
        json: bool,
    },
    /// Create YEAR's meetings from a committee's annual cycle. Running it again creates
    /// nothing more: each fixed point makes one meeting per year.
    CycleCreateYear {
        committee: Id,
        year: i32,
        #[arg(long)]
        json: bool,
    },
    /// List digitalisation projects (of one committee or all) and the phase each stands in.
    Projects {
        #[arg(long, value_name = "ID")]
        committee: Option<Id>,
        #[arg(long)]
        json: bool,
    },
    /// Show a project: its five phases with stakeholders, learnings, meetings and decisions,
    /// and its history.
    ShowProject {
        id: Id,
        #[arg(long)]
        json: bool,
    },
    /// Move a project to PHASE (0-4): the next phase, back to an earlier one, or forward past
    /// a phase with the reason in --note.
    ProjectPhase {
        id: Id,
        phase: u32,
        #[arg(long, default_value = "")]
        note: String,
        #[arg(long)]
        json: bool,
    },
    /// Write the benchmark archive (`make bench`): twenty years of an invented municipality,
    /// 30 committees × 20 years × 10 meetings × 15 agenda items, through the app's own code.
    /// Deterministic for a seed. Replaces PATH if it exists.
    BenchData {
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        #[arg(long, default_value_t = pejling::bench_data::DEFAULT_SEED)]
        seed: u64,
        /// A tiny archive (for trying the command).
        #[arg(long)]
        small: bool,
        #[arg(long)]
        json: bool,
    },
    /// Write a meeting as a meeting package (.pejling) for another machine: agenda (open
    /// items only unless --include-closed), question sets, attendees and what was recorded.
    PackageExport {
        meeting: Id,
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
        #[arg(long)]
        include_closed: bool,
    },
    /// Import a meeting package as a new meeting here. A malformed package is refused and
    /// nothing is written; a meeting already here is refused (merge its package instead).
    PackageImport {
        file: PathBuf,
        /// Let the package change the members of a committee that is already here (the
        /// changes are listed when refused without it).
        #[arg(long)]
        confirm_members: bool,
        #[arg(long)]
        json: bool,
    },
    /// Merge a package back into its meeting here: prints the changes and the conflicts; a
    /// conflict must be resolved (--resolve KEY=mine|theirs|both, or --all) or nothing merges.
    PackageMerge {
        file: PathBuf,
        /// Resolve one conflict: KEY=mine, KEY=theirs or KEY=both (texts only).
        #[arg(long, value_name = "KEY=CHOICE")]
        resolve: Vec<String>,
        /// Resolve every conflict the same way (both falls back to theirs where not allowed).
        #[arg(long, value_name = "CHOICE")]
        all: Option<String>,
        /// Only show what would be merged.
        #[arg(long)]
        dry_run: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show who works at this machine (the name and role every audit entry records), or save
    /// it with --name and --role, as the app asks on first run.
    Identity {
        /// Save this name (with the global --role).
        #[arg(long, value_name = "NAME")]
        name: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Print the database path and schema version.
    Status {
        #[arg(long)]
        json: bool,
    },
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let cat = Catalog::new(cli.lang);
    let mut out = String::new();
    let result = run(&cli, &cat, &mut out);
    // Print what was produced even on error; a closed pipe (`| head`) is not an error.
    let _ = std::io::stdout().lock().write_all(out.as_bytes());
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("{}", cat.format("cli-error", &[("message", e.localized(cli.lang))]));
            ExitCode::FAILURE
        }
    }
}

fn json<T: serde::Serialize>(out: &mut String, value: &T) -> pejling::Result<()> {
    let text = serde_json::to_string_pretty(value).expect("domain types serialise");
    let _ = writeln!(out, "{text}");
    Ok(())
}

fn run(cli: &Cli, cat: &Catalog, out: &mut String) -> pejling::Result<()> {
    let path = cli.db.clone().unwrap_or_else(paths::default_db_path);
    if let Command::Restore { from } = &cli.command {
        // Restoring needs the database closed, and must work when it does not open at all;
        // never while the app or `pejling serve` has it (they hold its instance lock).
        let lock = pejling::instance::InstanceLock::acquire(&path).map_err(|e| match e.kind() {
            pejling::ErrorKind::Conflict => pejling::Error::Conflict(
                pejling::error::Message::new("error-restore-database-in-use").arg("path", path.display()),
            ),
            _ => e,
        })?;
        let saved = pejling::backup::restore(from, &path, &lock)?;
        if let Some(saved) = saved {
            let _ = writeln!(out, "{}", cat.format("cli-restore-saved", &[("path", saved.display().to_string())]));
        }
        let _ = writeln!(out, "{}", cat.format("cli-restored", &[("from", from.display().to_string())]));
        return Ok(());
    }
    if let Command::Identity { name, json: want_json } = &cli.command {
        // The machine's, not the workspace's: the database is not opened.
        let identity = match name {
            Some(name) => {
                let role = cli.role.as_deref().ok_or_else(|| {
                    pejling::Error::Validation(
                        pejling::error::Message::new("error-identity-role-missing").field("role"),
                    )
                })?;
                let role = pejling::identity::parse_role(role).ok_or_else(|| pejling::identity::unknown_role(role))?;
                Some(pejling::identity::save(&pejling::identity::Identity::new(name, role)?)?)
            }
            None => pejling::identity::load()?,
        };
        if *want_json {
            return json(out, &identity);
        }
        let line = match &identity {
            Some(i) => cat.format(
                "cli-identity",
                &[("name", i.name.clone()), ("role", cat.format(&i.role.label_key(), &[]).to_lowercase())],
            ),
            None => cat.format("cli-identity-none", &[]),
        };
        let _ = writeln!(out, "{line}");
        return Ok(());
    }
    if let Command::Serve { meeting, bind, admit_all, json } = &cli.command {
        let bind = bind.unwrap_or_else(|| std::net::SocketAddr::new(pejling::live::default_address(), 0));
        return serve(&path, *meeting, bind, *admit_all, *json, cli.lang, cat);
    }
    if let Command::BenchData { out: dest, seed, small, json: want_json } = &cli.command {
        // Writes its own file; the workspace database is not opened.
        use pejling::bench_data::{generate_file, Scale};
        let s = generate_file(dest, if *small { Scale::SMALL } else { Scale::FULL }, *seed)?;
        if *want_json {
            return json(out, &s);
        }
        let _ = writeln!(
            out,
            "{}",
            cat.format(
                "cli-bench-data-written",
                &[
                    ("path", dest.display().to_string()),
                    ("items", s.agenda_items.to_string()),
                    ("meetings", s.meetings.to_string()),
                    ("committees", s.committees.to_string()),
                    ("seconds", format!("{:.0}", s.seconds)),
                ],
            )
        );
        return Ok(());
    }
    let role =
        cli.role.as_deref().map(|r| pejling::identity::parse_role(r).ok_or_else(|| pejling::identity::unknown_role(r)));
    let role = role.transpose()?;
    let mut db = Db::open(&path)?;
    set_actor(&db, cli, role)?;
    let label = |key: String| cat.format(&key, &[]);
    match &cli.command {
        Command::Demo => {
            let c = pejling::demo::create(&mut db)?;
            let _ = writeln!(
                out,
                "{}",
                cat.format("cli-demo-created", &[("name", c.name.clone()), ("id", c.id.to_string())])
            );
        }
        Command::Committees { json: true } => json(out, &db.list_committees()?)?,
        Command::Committees { json: false } => {
            let list = db.list_committees()?;
            if list.is_empty() {
                let _ = writeln!(out, "{}", cat.format("cli-no-committees", &[]));
            }
            for c in list {
                let _ = writeln!(
                    out,
                    "{:>4}  {}  ({}; {}, {})",
                    c.id,
                    c.name,
                    label(c.kind.label_key()),
                    cat.format("cli-members", &[("count", c.member_count.to_string())]),
                    cat.format("cli-meetings", &[("count", c.meeting_count.to_string())]),
                );
            }
        }
        Command::Meetings { committee, json: true } => json(out, &db.list_meetings(*committee)?)?,
        Command::Meetings { committee, json: false } => {
            if let Some(id) = committee {
                db.get_committee(*id)?; // a clear "not found" rather than an empty list
            }
            let list = db.list_meetings(*committee)?;
            if list.is_empty() {
                let _ = writeln!(out, "{}", cat.format("cli-no-meetings", &[]));
            }
            for m in list {
                let _ = writeln!(
                    out,
                    "{:>4}  {}  {}  ({}, {}; {})",
                    m.id,
                    cat.date_time(&m.starts_at),
                    m.title,
                    label(m.kind.label_key()),
                    label(m.status.label_key()),
                    cat.format("cli-items", &[("count", m.item_count.to_string())]),
                );
            }
        }
        Command::ShowMeeting { id, json: true } => json(out, &db.get_meeting(*id)?)?,
        Command::ShowMeeting { id, json: false } => {
            let d = db.get_meeting(*id)?;
            let m = &d.meeting;
            let _ = writeln!(out, "{}", d.committee.name);
            let _ = writeln!(out, "{}", m.title);
            let _ = writeln!(out, "{}: {}", label("field-meeting-time".into()), cat.date_time(&m.starts_at));
            let _ = writeln!(out, "{}: {}", label("field-planned-end".into()), cat.date_time(&m.ends_at));
            let _ = writeln!(out, "{}: {}", label("field-meeting-place".into()), m.place);
            let _ = writeln!(out, "{} · {}", label(m.kind.label_key()), label(m.status.label_key()));
            let _ = writeln!(out);
            let _ = writeln!(out, "{}", label("cli-agenda".into()));
            for item in &d.items {
                let _ = writeln!(out);
                let _ = writeln!(
                    out,
                    "{}",
                    cat.format(
                        "cli-item-heading",
                        &[
                            ("number", item.number.to_string()),
                            ("openness", label(item.openness.label_key())),
                            ("title", item.title.clone()),
                        ],
                    )
                );
                for (key, text) in [
                    ("field-case-id", &item.case_id),
                    ("field-summary", &item.summary),
                    ("field-background", &item.background),
                    ("field-recommendation", &item.recommendation),
                    ("field-previous-decisions", &item.previous_decisions),
                    ("field-decision", &item.decision),
                ] {
                    if !text.trim().is_empty() {
                        let _ = writeln!(out, "  {}:", label(key.into()));
                        for line in text.lines() {
                            let _ = writeln!(out, "    {line}");
                        }
                    }
                }
            }
        }
        Command::Backup { out: dest } => {
            let written = match dest {
                Some(d) => {
                    db.backup_to(d)?;
                    d.clone()
                }
                None => db.auto_backup(pejling::backup::Reason::Manual)?.expect("a file database"),
            };
            let _ = writeln!(out, "{}", cat.format("cli-backup-written", &[("path", written.display().to_string())]));
        }
        Command::Backups { json: want_json } => {
            let list = pejling::backup::list(&pejling::backup::dir_for(&path))?;
            if *want_json {
                json(out, &list)?;
            } else {
                for b in list {
                    let _ = writeln!(out, "{}  {:>10}  {}  {}", b.taken_at, b.bytes, b.reason, b.path);
                }
            }
        }
        Command::Export { meeting, what, format, internal, out: dest } if what == "samlet" => {
            use pejling::documents::{Audience, Format};
            if Format::parse(format) != Some(Format::Pdf) {
                return Err(pejling::Error::Validation(
                    pejling::error::Message::new("error-combined-pdf-only").arg("format", format),
                ));
            }
            let audience = if *internal { Audience::Internal } else { Audience::Public };
            let bytes = db.export_combined_agenda(*meeting, audience, cli.lang)?;
            std::fs::write(dest, &bytes)?;
            let _ = writeln!(
                out,
                "{}",
                cat.format("cli-exported", &[("path", dest.display().to_string()), ("bytes", bytes.len().to_string())])
            );
        }
        Command::Attach { item, file, title, number, closed } => {
            let name = file.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let new = pejling::store::NewAttachment {
                file_name: &name,
                title: title.as_deref(),
                document_number: number.as_deref(),
                closed: *closed,
            };
            let a = db.attach_file(*item, file, &new)?;
            while db.extract_pending_attachment()? {}
            let a = db.get_attachment(a.id)?;
            let _ = writeln!(
                out,
                "{}",
                cat.format(
                    "cli-attached",
                    &[
                        ("id", a.id.to_string()),
                        ("number", a.number.to_string()),
                        ("title", a.title.clone()),
                        ("state", cat.format(&a.text_state.label_key(), &[])),
                    ]
                )
            );
        }
        Command::Attachments { meeting, json: true } => json(out, &db.meeting_attachments(*meeting)?)?,
        Command::Attachments { meeting, json: false } => {
            let items = db.list_agenda_items(*meeting)?;
            let all = db.meeting_attachments(*meeting)?;
            for i in &items {
                for a in all.iter().filter(|a| a.agenda_item_id == i.id) {
                    let mut line = format!("{}.{} {}", i.number, a.number, a.title);
                    if !a.document_number.is_empty() {
                        let _ = write!(line, " ({})", a.document_number);
                    }
                    if a.closed {
                        let _ = write!(line, " {}", cat.format("doc-attachment-closed", &[]));
                    }
                    let _ = writeln!(
                        out,
                        "[{}] {line} · {} · {} kB · {}",
                        a.id,
                        a.media_type.short_name(),
                        a.bytes.div_ceil(1024),
                        cat.format(&a.text_state.label_key(), &[])
                    );
                }
            }
            if all.is_empty() {
                let _ = writeln!(out, "{}", cat.format("cli-no-attachments", &[]));
            }
        }
        Command::Detach { attachment } => {
            db.detach(*attachment)?;
            let _ = writeln!(out, "{}", cat.format("cli-detached", &[("id", attachment.to_string())]));
        }
        Command::Export { meeting, what, format, internal, out: dest } => {
            use pejling::documents::{Audience, DocKind, Format};
            let kind = DocKind::parse(what).ok_or_else(|| {
                pejling::Error::Validation(pejling::error::Message::new("error-unknown-document").arg("what", what))
            })?;
            let format = Format::parse(format).ok_or_else(|| {
                pejling::Error::Validation(pejling::error::Message::new("error-unknown-format").arg("format", format))
            })?;
            let audience = if *internal { Audience::Internal } else { Audience::Public };
            let bytes = db.export(*meeting, kind, format, audience, cli.lang)?;
            std::fs::write(dest, &bytes)?;
            let _ = writeln!(
                out,
                "{}",
                cat.format("cli-exported", &[("path", dest.display().to_string()), ("bytes", bytes.len().to_string())])
            );
        }
        Command::Calendar { committee, year, out: dest } => {
            let text = db.committee_calendar(*committee, *year, cli.lang)?;
            std::fs::write(dest, &text)?;
            let _ = writeln!(
                out,
                "{}",
                cat.format("cli-exported", &[("path", dest.display().to_string()), ("bytes", text.len().to_string())])
            );
        }
        Command::Verify { meeting, json: want_json } => {
            let r = db.verify_minutes(*meeting)?;
            if *want_json {
                json(out, &r)?;
            } else {
                let key = match (r.approved, r.unchanged) {
                    (false, _) => "cli-verify-not-approved",
                    (true, true) => "cli-verify-unchanged",
                    (true, false) => "cli-verify-changed",
                };
                let _ = writeln!(out, "{}", cat.format(key, &[]));
                if let Some(a) = &r.approved_fingerprint {
                    let _ = writeln!(out, "  {}", cat.format("cli-fingerprint-approved", &[("value", a.clone())]));
                }
                let _ = writeln!(
                    out,
                    "  {}",
                    cat.format("cli-fingerprint-now", &[("value", r.current_fingerprint.clone())])
                );
                if !r.snapshot_intact {
                    let _ = writeln!(out, "{}", cat.format("error-snapshot-altered", &[]));
                }
                for (key, list) in [("cli-verify-differs", &r.differences), ("cli-verify-renamed", &r.renamed)] {
                    if !list.is_empty() {
                        let _ = writeln!(out, "{}", cat.format(key, &[]));
                    }
                    for d in list {
                        let _ = writeln!(out, "  {}: {:?} -> {:?}", d.path, d.approved, d.current);
                    }
                }
            }
            if !r.unchanged {
                return Err(pejling::Error::Validation(pejling::error::Message::new(if r.approved {
                    "cli-verify-failed"
                } else {
                    "cli-verify-not-approved-short"
                })));
            }
        }
        Command::Audit { meeting, json: want_json } => {
            let log = db.audit_log(*meeting)?;
            if *want_json {
                json(out, &log)?;
            } else {
                for e in log {
                    let who = match e.actor_role {
                        Some(r) => format!("{} ({})", e.actor, label(r.label_key()).to_lowercase()),
                        None => e.actor.clone(),
                    };
                    let _ = writeln!(
                        out,
                        "{}  {}  {} {} {}  {}",
                        local_time(cat, &e.at),
                        who,
                        e.action,
                        e.entity,
                        e.entity_id,
                        e.changes
                    );
                    if let Some(source) = &e.via_package {
                        let provenance = cat.format(
                            "cli-audit-via-package",
                            &[
                                ("source", source.clone()),
                                ("author", e.author.clone().unwrap_or_default()),
                                ("merged_by", e.merged_by.clone().unwrap_or_default()),
                            ],
                        );
                        let _ = writeln!(out, "    {provenance}");
                    }
                }
            }
        }
        Command::Approve { meeting, by, json: want_json } => {
            let a = approve(&mut db, cli, *meeting, by, role)?;
            if *want_json {
                json(out, &a)?;
            } else {
                let role_label = label(a.role.label_key()).to_lowercase();
                let _ =
                    writeln!(out, "{}", cat.format("cli-approved", &[("name", a.name.clone()), ("role", role_label)]));
            }
        }
        Command::QuestionSets { json: true } => json(out, &db.list_question_sets()?)?,
        Command::QuestionSets { json: false } => {
            for s in db.list_question_sets()? {
                let origin = match &s.imported_at {
                    None => cat.format("cli-question-set-built-in", &[]),
                    Some(at) => cat.format("cli-question-set-imported", &[("at", at.clone())]),
                };
                let _ = writeln!(
                    out,
                    "{:<24} {:>3}  {:<10}  {}  ({}; {})",
                    s.id,
                    s.version,
                    s.kind.as_str(),
                    s.title.get(cli.lang),
                    cat.format("cli-questions", &[("count", s.question_count.to_string())]),
                    origin,
                );
            }
        }
        Command::PackageExport { meeting, out: file, include_closed } => {
            db.export_package_to(*meeting, *include_closed, file)?;
            let _ = writeln!(out, "{}", cat.format("cli-package-exported", &[("path", file.display().to_string())]));
        }
        Command::PackageImport { file, confirm_members, json: want_json } => {
            let r = db.import_package_file_confirmed(file, *confirm_members)?;
            if *want_json {
                json(out, &r)?;
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    cat.format("cli-package-imported", &[("title", r.title.clone()), ("id", r.meeting_id.to_string())])
                );
            }
        }
        Command::PackageMerge { file, resolve, all, dry_run, json: want_json } => {
            package_merge(&mut db, cat, out, file, resolve, all.as_deref(), *dry_run, *want_json)?;
        }
        Command::ImportQuestionSet { file, json: want_json } => {
            let source = std::fs::read_to_string(file)
                .map_err(|e| std::io::Error::new(e.kind(), format!("{}: {e}", file.display())))?;
            let s = db.import_question_set(&source)?;
            if *want_json {
                json(out, &s)?;
            } else {
                let _ = writeln!(
                    out,
                    "{}",
                    cat.format(
                        "cli-question-set-import-done",
                        &[
                            ("title", s.title.get(cli.lang).to_owned()),
                            ("id", s.id.clone()),
                            ("version", s.version.to_string()),
                            ("count", s.question_count.to_string()),
                        ],
                    )
                );
            }
        }
        Command::WalkGoto { item, step } => {
            let meeting = db.get_walk(*item)?.meeting_id;
            json(out, &db.set_current_step(meeting, *item, *step)?)?
        }
        Command::RevealPositions { item, step, hide: false } => json(out, &db.reveal_positions(*item, *step)?)?,
        Command::RevealPositions { item, step, hide: true } => json(out, &db.hide_positions(*item, *step)?)?,
        Command::Serve { .. } => unreachable!("served above"),
        Command::WalkSummary { item, json: true } => json(out, &db.walk_summary(*item)?)?,
        Command::WalkSummary { item, json: false } => {
            let item = db.get_agenda_item(*item)?;
            let summary = db.walk_summary(item.id)?;
            write_walk_summary(out, cat, cli.lang, &item, &summary);
        }
        Command::Search { query, json: true, limit } => json(out, &db.search(query, *limit)?)?,
        Command::Search { query, json: false, limit } => {
            let hits = db.search(query, *limit)?;
            if hits.is_empty() {
                let _ = writeln!(out, "{}", cat.format("cli-search-none", &[("query", query.clone())]));
            }
            for h in hits {
                write_search_hit(out, cat, &h);
            }
        }
        Command::FollowUps { committee, json: true } => json(out, &db.follow_up_list(*committee)?)?,
        Command::FollowUps { committee, json: false } => write_follow_ups(out, cat, &db.follow_up_list(*committee)?),
        Command::PositionHistory { committee, set, json: true } => json(out, &db.position_history(*committee, set)?)?,
        Command::PositionHistory { committee, set, json: false } => {
            write_position_history(out, cat, cli.lang, &db.position_history(*committee, set)?)
        }
        Command::Restore { .. } | Command::BenchData { .. } | Command::Identity { .. } => {
            unreachable!("handled before opening")
        }
        Command::Cycle { committee, year, json: want_json } => {
            use chrono::Datelike;
            let year = year.unwrap_or_else(|| chrono::Local::now().year());
            let y = db.cycle_year(*committee, year)?;
            if *want_json {
                json(out, &y)?;
            } else {
                write_cycle_year(out, cat, &y);
            }
        }
        Command::CycleCreateYear { committee, year, json: want_json } => {
            let done = db.create_cycle_year(*committee, *year)?;
            if *want_json {
                json(out, &done)?;
            } else {
                let y = done.year.to_string();
                for m in &done.created {
                    let _ = writeln!(out, "{:>4}  {}  {}", m.id, cat.date_time(&m.starts_at), m.title);
                }
                let count = done.created.len().to_string();
                let _ = writeln!(out, "{}", cat.format("cli-cycle-created", &[("count", count), ("year", y.clone())]));
                if done.already_created > 0 {
                    let n = done.already_created.to_string();
                    let _ = writeln!(out, "{}", cat.format("cli-cycle-already", &[("count", n), ("year", y)]));
                }
            }
        }
        Command::Projects { committee, json: true } => json(out, &db.list_projects(*committee)?)?,
        Command::Projects { committee, json: false } => {
            let list = db.list_projects(*committee)?;
            if list.is_empty() {
                let _ = writeln!(out, "{}", cat.format("cli-no-projects", &[]));
            }
            for p in list {
                let phase = phase_name(p.phase, cli.lang);
                let _ = writeln!(
                    out,
                    "{:>4}  {}  ({}; {})",
                    p.id,
                    p.title,
                    cat.format("cli-project-phase", &[("number", p.phase.to_string()), ("name", phase)]),
                    p.committee_name
                );
            }
        }
        Command::ShowProject { id, json: true } => json(out, &db.get_project(*id)?)?,
        Command::ShowProject { id, json: false } => write_project(out, cat, cli.lang, &db.get_project(*id)?),
        Command::ProjectPhase { id, phase, note, json: want_json } => {
            let d = db.set_project_phase(*id, *phase, note)?;
            if *want_json {
                json(out, &d)?;
            } else {
                write_project(out, cat, cli.lang, &d);
            }
        }
        Command::Status { json: true } => json(out, &db.workspace_status()?)?,
        Command::Status { json: false } => {
            let s = db.workspace_status()?;
            let _ = writeln!(out, "{}", cat.format("cli-database", &[("path", s.db_path)]));
        }
    }
    // A clean close: the next open (the app's or the CLI's) may skip the full page check.
    db.close()
}

/// A stored UTC time (`2026-12-08T16:05:09.123Z`) as the local date and time a person reads.
fn local_time(cat: &Catalog, utc: &str) -> String {
    match chrono::NaiveDateTime::parse_from_str(utc, "%Y-%m-%dT%H:%M:%S%.fZ") {
        Ok(t) => {
            let local = chrono::DateTime::<chrono::Utc>::from_naive_utc_and_offset(t, chrono::Utc)
                .with_timezone(&chrono::Local);
            cat.date_time(&local.format("%Y-%m-%dT%H:%M").to_string())
        }
        Err(_) => utc.to_owned(),
    }
}

/// Who the audit log records for this command: `--as`/`PEJLING_AS` with `--role`, else this
/// machine's identity (a role given alone replaces the identity's), else the OS user.
fn set_actor(db: &Db, cli: &Cli, role: Option<pejling::Role>) -> pejling::Result<()> {
    if let Some(name) = cli.as_name.as_deref() {
        return db.set_actor_with_role(name, role);
    }
    if let Some(identity) = pejling::identity::load()? {
        return db.set_actor_with_role(&identity.name, role.or(Some(identity.role)));
    }
    if role.is_some() {
        db.set_actor_with_role(&db.actor(), role)?;
    }
    Ok(())
}

/// `pejling approve`: find the approver on the meeting's committee by name and approve as the
/// app does. Without `--as` the approver is who is working, and `--role` (if given) must be
/// their role in the committee; with `--as`, `--role` is the role of who is working.
fn approve(
    db: &mut Db,
    cli: &Cli,
    meeting: Id,
    by: &str,
    role: Option<pejling::Role>,
) -> pejling::Result<pejling::minutes::Approval> {
    use pejling::error::Message;
    let name = by.split_whitespace().collect::<Vec<_>>().join(" ");
    let committee = db.get_meeting(meeting)?.committee.id;
    let members = db.list_members(committee)?;
    let matches: Vec<_> = members.iter().filter(|m| m.name.trim().to_lowercase() == name.to_lowercase()).collect();
    let member = match matches.as_slice() {
        [one] => *one,
        [] => {
            return Err(pejling::Error::Validation(
                Message::new("error-approver-unknown").field("by").arg("name", &name),
            ))
        }
        _ => {
            return Err(pejling::Error::Validation(
                Message::new("error-approver-ambiguous").field("by").arg("name", &name),
            ))
        }
    };
    if let Some(given) = role.filter(|_| cli.as_name.is_none()) {
        if given != member.role {
            let label = |r: pejling::Role| pejling::i18n::message(cli.lang, &r.label_key(), &[]).to_lowercase();
            return Err(pejling::Error::Validation(
                Message::new("error-approver-role")
                    .field("role")
                    .arg("name", &member.name)
                    .arg("actual", label(member.role))
                    .arg("given", label(given)),
            ));
        }
    }
    if cli.as_name.is_none() {
        db.set_actor_with_role(&member.name, Some(member.role))?;
    }
    db.approve_minutes(meeting, member.person_id)
}

/// A number as the language writes it: "27,5" in Danish, "27.5" in English; no decimals
/// when there are none.
fn number(x: f64, lang: Lang) -> String {
    let text = format!("{}", (x * 100.0).round() / 100.0);
    match lang {
        Lang::Da => text.replace('.', ","),
        _ => text,
    }
}

/// One hit of `pejling search`: what and where, then the snippet with the hits in «…».
fn write_search_hit(out: &mut String, cat: &Catalog, h: &pejling::SearchHit) {
    let mut line = format!("{}: {}", cat.format(&h.kind.label_key(), &[]), h.title);
    if h.openness == Some(pejling::Openness::Closed) {
        let _ = write!(line, " ({})", cat.format(&pejling::Openness::Closed.label_key(), &[]));
    }
    let mut place = Vec::new();
    if let Some(m) = &h.meeting_title {
        place.push(m.clone());
    }
    if let Some(n) = h.item_number {
        place.push(cat.format("cli-search-item", &[("number", n.to_string())]));
    }
    if let (Some(t), Some(p)) = (&h.attachment_title, h.page) {
        place.push(cat.format("cli-search-attachment", &[("title", t.clone()), ("page", p.to_string())]));
    }
    if !place.is_empty() {
        let _ = write!(line, " · {}", place.join(", "));
    }
    let _ = writeln!(out, "{line}");
    let snippet: String =
        h.snippet.iter().map(|p| if p.hit { format!("«{}»", p.text) } else { p.text.clone() }).collect();
    if !snippet.is_empty() {
        let _ = writeln!(out, "    {snippet}");
    }
}

/// `pejling serve`: print where the session is (at once, flushed: a test reads it) and run
/// until SIGINT or SIGTERM; stopping closes the port before the process ends.
fn serve(
    path: &std::path::Path,
    meeting: Id,
    bind: std::net::SocketAddr,
    admit_all: bool,
    as_json: bool,
    lang: Lang,
    cat: &Catalog,
) -> pejling::Result<()> {
    // Held while serving: a restore (`pejling restore`) is refused until the session ends.
    let _lock = pejling::instance::InstanceLock::acquire(path)?;
    let mut config = pejling::live::LiveConfig::new(path, meeting, bind);
    config.lang = lang;
    config.admit_all = admit_all;
    let session = pejling::live::LiveSession::start(config)?;
    let warning = if admit_all { "cli-live-admit-all" } else { "cli-live-approve-hint" };
    eprintln!("{}", cat.format(warning, &[]));
    let line = if as_json {
        serde_json::json!({ "meeting_id": meeting, "url": session.url(), "join_code": session.join_code(),
            "port": session.port(), "address": session.address().to_string(), "admit_all": admit_all })
        .to_string()
    } else {
        cat.format(
            "cli-live-started",
            &[("meeting", meeting.to_string()), ("url", session.url().to_owned()), ("code", session.join_code())],
        )
    };
    {
        let mut stdout = std::io::stdout().lock();
        let _ = writeln!(stdout, "{line}");
        let _ = stdout.flush();
    }
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        #[cfg(unix)]
        {
            let mut term = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        #[cfg(not(unix))]
        tokio::signal::ctrl_c().await?;
        Ok::<_, std::io::Error>(())
    })?;
    session.stop();
    if !as_json {
        eprintln!("{}", cat.format("cli-live-stopped", &[]));
    }
    Ok(())
}

/// The human text of `pejling walk-summary`.
fn write_walk_summary(
    out: &mut String,
    cat: &Catalog,
    lang: Lang,
    item: &pejling::AgendaItem,
    s: &pejling::WalkSummary,
) {
    let label = |key: &str| cat.format(key, &[]);
    let _ = writeln!(
        out,
        "{}",
        cat.format(
            "cli-item-heading",
            &[
                ("number", item.number.to_string()),
                ("openness", label(&item.openness.label_key())),
                ("title", item.title.clone()),
            ],
        )
    );
    for (key, text) in [("cli-walk-case-technology", &s.case_technology), ("cli-walk-case-problem", &s.case_problem)] {
        if !text.trim().is_empty() {
            let _ = writeln!(out, "{}: {}", label(key), text.trim());
        }
    }
    if s.steps.is_empty() {
        let _ = writeln!(out, "{}", label("cli-walk-no-plan"));
        return;
    }
    for st in &s.steps {
        let step = &st.step;
        let _ = writeln!(out);
        let _ = writeln!(out, "{}. {}", step.index + 1, step.where_label(cat, lang));
        let _ = writeln!(out, "   {}", step.question.text.get(lang));
        if let (Some(left), Some(right)) = (&step.question.extreme_left, &step.question.extreme_right) {
            let _ = writeln!(out, "   {}", cat.format("cli-walk-extreme-left", &[("text", left.get(lang).into())]));
            let _ = writeln!(out, "   {}", cat.format("cli-walk-extreme-right", &[("text", right.get(lang).into())]));
        }
        if !st.note.trim().is_empty() {
            let _ = writeln!(out, "   {}:", label("cli-walk-note"));
            for line in st.note.lines() {
                let _ = writeln!(out, "     {line}");
            }
        }
        if !st.questions_to_administration.is_empty() {
            let _ = writeln!(out, "   {}:", label("cli-walk-questions-to-administration"));
            for q in &st.questions_to_administration {
                match &q.asked_by_name {
                    Some(name) => {
                        let by = cat.format("cli-walk-asked-by", &[("name", name.clone())]);
                        let _ = writeln!(out, "     - {} ({by})", q.text);
                    }
                    None => {
                        let _ = writeln!(out, "     - {}", q.text);
                    }
                }
            }
        }
        let Some(r) = &st.result else { continue };
        let counts = [("answered", r.answered_count.to_string()), ("participants", r.participant_count.to_string())];
        if !r.revealed {
            let _ = writeln!(out, "   {}", cat.format("cli-walk-positions-hidden", &counts));
            continue;
        }
        match &r.statistics {
            Some(stat) => {
                let _ = writeln!(
                    out,
                    "   {}",
                    cat.format(
                        "cli-walk-positions",
                        &[
                            ("median", number(stat.median, lang)),
                            ("q1", number(stat.q1, lang)),
                            ("q3", number(stat.q3, lang)),
                            ("min", stat.min.to_string()),
                            ("max", stat.max.to_string()),
                            ("count", stat.count.to_string()),
                        ],
                    )
                );
            }
            None => {
                let _ = writeln!(out, "   {}", cat.format("cli-walk-positions-none", &counts));
            }
        }
        let values: Vec<String> = r
            .values
            .iter()
            .map(|v| match &v.name {
                Some(name) => format!("{name}: {}", v.value),
                None => v.value.to_string(),
            })
            .collect();
        if !values.is_empty() {
            let _ = writeln!(out, "     {}", values.join(", "));
        }
        for sk in &r.skipped {
            let who = sk.name.as_ref().map(|n| format!("{n}: ")).unwrap_or_default();
            let _ =
                writeln!(out, "     {}", cat.format("cli-walk-skipped", &[("reason", format!("{who}{}", sk.reason))]));
        }
    }
}

/// `pejling follow-ups`: the counts, then one paragraph per item.
fn write_follow_ups(out: &mut String, cat: &Catalog, list: &pejling::FollowUpList) {
    if list.items.is_empty() {
        let _ = writeln!(out, "{}", cat.format("cli-follow-ups-none", &[]));
        return;
    }
    let _ = writeln!(
        out,
        "{}",
        cat.format(
            "cli-follow-ups-heading",
            &[
                ("pending", list.pending_count.to_string()),
                ("overdue", list.overdue_count.to_string()),
                ("answered", list.answered_since_last_meeting_count.to_string()),
            ],
        )
    );
    for f in &list.items {
        let mut line = format!("\n#{} [{}] {}", f.id, cat.format(&f.status.label_key(), &[]), f.text);
        if f.overdue {
            let _ = write!(line, " ({})", cat.format("cli-follow-up-overdue", &[]));
        }
        if f.answered_since_last_meeting {
            let _ = write!(line, " ({})", cat.format("cli-follow-up-answered-since", &[]));
        }
        let _ = writeln!(out, "{line}");
        let mut details = Vec::new();
        if !f.owner.is_empty() {
            details.push(cat.format("follow-up-agenda-owner", &[("owner", f.owner.clone())]));
        }
        if let Some(d) = &f.due_date {
            details.push(cat.format("follow-up-agenda-due", &[("date", d.clone())]));
        }
        match (&f.meeting_title, &f.meeting_starts_at, f.item_number) {
            (Some(t), Some(at), Some(n)) => details.push(cat.format(
                "follow-up-agenda-from-item",
                &[("meeting", t.clone()), ("date", cat.date_time(at)), ("number", n.to_string())],
            )),
            (Some(t), Some(at), None) => details.push(
                cat.format("follow-up-agenda-from-meeting", &[("meeting", t.clone()), ("date", cat.date_time(at))]),
            ),
            _ => details.push(cat.format(&f.origin.label_key(), &[])),
        }
        let _ = writeln!(out, "   {}", details.join(" "));
        if !f.answer.is_empty() {
            let _ = writeln!(out, "   {}", f.answer.replace('\n', "\n   "));
        }
    }
}

/// `pejling position-history`: per question, per occasion the room's median and the named
/// positions.
fn write_position_history(out: &mut String, cat: &Catalog, lang: Lang, h: &pejling::PositionHistory) {
    let set_title = h.set_title.get(lang).to_owned();
    if h.occasions.is_empty() {
        let _ = writeln!(out, "{}", cat.format("cli-positions-none", &[("set", set_title)]));
        return;
    }
    let _ = writeln!(out, "{set_title}");
    for q in &h.questions {
        let _ = writeln!(out, "\n{}", q.text.get(lang));
        for p in &q.points {
            let o = &h.occasions[p.occasion as usize];
            let mut line = format!(
                "  {} {}, {}",
                cat.date_time(&o.starts_at),
                o.meeting_title,
                cat.format("cli-search-item", &[("number", o.item_number.to_string())])
            );
            if let Some(s) = &p.statistics {
                let _ = write!(
                    line,
                    ": {} {} (n = {})",
                    cat.format("cli-positions-median", &[]),
                    number(s.median, lang),
                    s.count
                );
            }
            let named: Vec<String> = p
                .positions
                .iter()
                .filter_map(|v| {
                    h.participants
                        .iter()
                        .find(|x| x.person_id == v.person_id)
                        .map(|x| format!("{} {}", x.name, v.value))
                })
                .collect();
            if !named.is_empty() {
                let _ = write!(line, "; {}", named.join(", "));
            }
            let _ = writeln!(out, "{line}");
        }
    }
}

/// The name of phase `number` in `lang`, from the transcribed phases.
fn phase_name(number: u32, lang: Lang) -> String {
    pejling::question_sets::built_in_set(pejling::PHASES_SET.0, pejling::PHASES_SET.1)
        .and_then(|s| s.groups.iter().flat_map(|g| &g.questions).find(|q| q.number == Some(number)))
        .map(|q| q.text.get(lang).to_owned())
        .unwrap_or_default()
}

/// The human text of `pejling cycle`.
fn write_cycle_year(out: &mut String, cat: &Catalog, y: &pejling::CycleYear) {
    let _ = writeln!(out, "{}", cat.format("cli-cycle-heading", &[("year", y.year.to_string())]));
    if y.occurrences.is_empty() {
        let _ = writeln!(out, "{}", cat.format("cli-no-cycle", &[]));
    }
    for o in &y.occurrences {
        let made = match &o.meeting {
            Some(m) => cat.format("cli-cycle-made", &[("id", m.id.to_string())]),
            None => cat.format("cli-cycle-not-made", &[]),
        };
        let _ = writeln!(out, "{}  {}  ({made})", cat.date_time(&o.starts_at), o.entry.title);
    }
}

/// The human text of `pejling show-project`.
fn write_project(out: &mut String, cat: &Catalog, lang: Lang, d: &pejling::ProjectDetail) {
    let p = &d.project;
    let _ = writeln!(out, "{}", p.title);
    let _ = writeln!(out, "{}", p.committee_name);
    if !p.description.trim().is_empty() {
        let _ = writeln!(out, "{}", p.description.trim());
    }
    for ph in &d.phases {
        let _ = writeln!(out);
        let mut heading =
            cat.format("cli-project-phase", &[("number", ph.number.to_string()), ("name", ph.name.get(lang).into())]);
        if ph.number == p.phase {
            let _ = write!(heading, "  <- {}", cat.format("cli-project-current", &[]));
        }
        let _ = writeln!(out, "{heading}");
        for (key, text) in [("cli-project-stakeholders", &ph.stakeholders), ("cli-project-learnings", &ph.learnings)] {
            if !text.trim().is_empty() {
                let _ = writeln!(out, "  {}:", cat.format(key, &[]));
                for line in text.lines() {
                    let _ = writeln!(out, "    {line}");
                }
            }
        }
        if !ph.links.is_empty() {
            let _ = writeln!(out, "  {}:", cat.format("cli-project-links", &[]));
        }
        for l in &ph.links {
            let _ = write!(out, "    {}  {}", cat.date_time(&l.meeting_starts_at), l.meeting_title);
            if let (Some(n), Some(t)) = (l.item_number, &l.item_title) {
                let _ = write!(
                    out,
                    " · {}",
                    cat.format(
                        "cli-item-heading",
                        &[
                            ("number", n.to_string()),
                            ("openness", l.openness.map(|o| cat.format(&o.label_key(), &[])).unwrap_or_default()),
                            ("title", t.clone()),
                        ]
                    )
                );
            }
            let _ = writeln!(out);
            if let Some(decision) = l.decision.as_deref().filter(|t| !t.trim().is_empty()) {
                for line in decision.lines() {
                    let _ = writeln!(out, "      {line}");
                }
            }
        }
    }
    let _ = writeln!(out);
    let _ = writeln!(out, "{}", cat.format("cli-project-history", &[]));
    for h in &d.history {
        let what = match h.from_phase {
            None => cat.format("cli-project-created", &[("to", h.to_phase.to_string())]),
            Some(f) => cat.format("cli-project-moved", &[("from", f.to_string()), ("to", h.to_phase.to_string())]),
        };
        let note = if h.note.is_empty() { String::new() } else { format!(": {}", h.note) };
        let _ = writeln!(out, "  {}  {}  {what}{note}", h.at, h.actor);
    }
}

/// `pejling package-merge`: list the changes and conflicts, then merge with the choices given.
#[allow(clippy::too_many_arguments)]
fn package_merge(
    db: &mut Db,
    cat: &Catalog,
    out: &mut String,
    file: &std::path::Path,
    resolve: &[String],
    all: Option<&str>,
    dry_run: bool,
    want_json: bool,
) -> pejling::Result<()> {
    use pejling::packages::{ConflictChoice, Resolution};
    let bad = |v: &str| {
        pejling::Error::Validation(
            pejling::error::Message::new("error-package-choice").field("resolve").arg("value", v),
        )
    };
    if std::fs::metadata(file)?.len() > pejling::packages::MAX_PACKAGE_BYTES as u64 {
        return Err(pejling::packages::too_large());
    }
    let bytes = std::fs::read(file)?;
    let preview = db.preview_package_merge(&bytes)?;
    let mut choices: Vec<ConflictChoice> = Vec::new();
    let all = all.map(|a| Resolution::parse(a).ok_or_else(|| bad(a))).transpose()?;
    for c in &preview.conflicts {
        if let Some(r) = all {
            let r = if c.choices.contains(&r) { r } else { Resolution::Theirs };
            choices.push(ConflictChoice { key: c.key.clone(), resolution: r });
        }
    }
    for r in resolve {
        let (key, choice) = r.rsplit_once('=').ok_or_else(|| bad(r))?;
        let resolution = Resolution::parse(choice).ok_or_else(|| bad(r))?;
        choices.retain(|c| c.key != key);
        choices.push(ConflictChoice { key: key.to_owned(), resolution });
    }
    if want_json && dry_run {
        return json(out, &preview);
    }
    if !want_json {
        for c in &preview.changes {
            let _ = writeln!(
                out,
                "+ {} {}{}: {:?} -> {:?}",
                c.key,
                c.item.as_deref().unwrap_or(""),
                c.person.as_deref().map(|p| format!(" ({p})")).unwrap_or_default(),
                c.mine,
                c.theirs
            );
        }
        if !preview.conflicts.is_empty() {
            let _ = writeln!(
                out,
                "{}",
                cat.format("cli-package-conflicts", &[("count", preview.conflicts.len().to_string())])
            );
            for c in &preview.conflicts {
                let allowed: Vec<&str> = c
                    .choices
                    .iter()
                    .map(|r| match r {
                        Resolution::Mine => "mine",
                        Resolution::Theirs => "theirs",
                        Resolution::Both => "both",
                    })
                    .collect();
                let _ = writeln!(
                    out,
                    "! {} [{}] {}{}\n    mine:   {:?}\n    theirs: {:?}",
                    c.key,
                    allowed.join("|"),
                    c.item.as_deref().unwrap_or(""),
                    c.person.as_deref().map(|p| format!(" ({p})")).unwrap_or_default(),
                    c.mine,
                    c.theirs
                );
            }
        }
    }
    if dry_run {
        return Ok(());
    }
    let outcome = db.merge_package(&bytes, &choices)?;
    if want_json {
        return json(out, &outcome);
    }
    let _ = writeln!(
        out,
        "{}",
        cat.format(
            "cli-package-merged",
            &[("applied", outcome.applied.to_string()), ("resolved", outcome.conflicts_resolved.to_string())]
        )
    );
    Ok(())
}
