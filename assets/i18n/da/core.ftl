# Pejling core messages (errors, labels used by the CLI and the documents). Danish is primary.

## Errors
error-not-found = { $entity } nr. { $id } findes ikke eller er blevet slettet.
error-database-too-new = Databasen er skrevet af en nyere version af Pejling (skemaversion { $found }); denne version kan højst læse version { $supported }. Opdatér Pejling for at åbne den. Filen er ikke ændret.
error-not-a-pejling-database = Filen { $path } er ikke en Pejling-database, eller den er beskadiget. Den er ikke ændret.
error-database-other-program = Filen { $path } er ikke en Pejling-database: den er en database fra et andet program. Den er ikke ændret.
error-database-not-sqlite = Filen { $path } er ikke en Pejling-database: den er slet ikke en database (tilfældige data, en anden slags fil eller en database, der er beskadiget helt fra begyndelsen). Den er ikke ændret.
error-database-damaged = Filen { $path } er ikke en Pejling-database, der kan åbnes: den er beskadiget. SQLite fandt fejl i den, så den kan være afkortet eller delvist overskrevet. Den er ikke ændret.
error-file-missing = Filen { $path } findes ikke.
error-storage = Ændringen kunne ikke gemmes i databasen. Intet er ændret. (Teknisk detalje: { $detail })
error-io = Filen kunne ikke læses eller skrives. (Teknisk detalje: { $detail })
error-text-too-long = Teksten er for lang: { $length } tegn, højst { $max } tegn.
error-text-control = Teksten indeholder et ugyldigt kontroltegn.
error-name-empty = Skriv et navn. Navnet må ikke være tomt.
error-title-empty = Skriv en titel. Titlen må ikke være tom.
error-time-empty = Angiv dato og klokkeslæt.
error-time-invalid = »{ $value }« er ikke en gyldig dato og et gyldigt klokkeslæt (fx 2026-02-22T18:00).
error-end-before-start = Sluttidspunktet skal ligge efter starttidspunktet.
error-start-after-end = Mødet skal begynde før det planlagte sluttidspunkt.
error-adjourned-before-began = Mødet kan ikke være hævet ({ $adjourned }), før det blev påbegyndt ({ $began }).
error-committee-name-taken = Der findes allerede et udvalg med navnet »{ $name }«.
error-committee-has-meetings = { $count ->
    [one] Udvalget har ét møde og kan ikke slettes. Slet mødet først, hvis det er meningen.
   *[other] Udvalget har { $count } møder og kan ikke slettes. Slet møderne først, hvis det er meningen.
}
error-member-exists = Personen er allerede medlem af udvalget.
error-meeting-locked = Referatet af »{ $title }« er godkendt og låst. Det kan ikke ændres.
error-status-step = Status kan ikke skifte fra »{ $from }« til »{ $to }«. Et møde går et trin frem eller et trin tilbage ad gangen.
error-workspace-is-open = Arbejdsområdet er åbent og i orden; det lægges ikke til side.
error-approve-not-closed = Referatet kan først godkendes, når mødet er afsluttet.
error-approve-via-approval = Et referat godkendes ved, at formanden eller et medlem godkender det; status kan ikke sættes direkte.
error-approver-not-member = Referatet godkendes af formanden eller et medlem af udvalget.
error-already-approved = { $name } har allerede godkendt referatet.
error-minutes-changed-since-approval = Referatet er ændret, siden det blev godkendt. Kør »pejling verify« og kontakt den, der har ansvaret for databasen.
error-amend-field = Feltet »{ $field }« kan ikke rettes.
error-amend-reason = Skriv en begrundelse for rettelsen.
error-amend-not-approved = Kun et godkendt referat rettes med en rettelse; før godkendelsen redigeres det direkte.
error-too-many-committees = Arbejdsområdet kan højst rumme { $max } udvalg. Slet et udvalg, der ikke bruges, før du opretter et nyt.
error-too-many-members = Et udvalg kan højst have { $max } medlemmer.
error-too-many-meetings = Et udvalg kan højst have { $max } møder.
error-too-many-items = En dagsorden kan højst have { $max } punkter.
error-too-many-guests = Et møde kan højst have { $max } gæster.
error-too-many-questions = Et punkt kan højst have { $max } spørgsmål til forvaltningen.
error-too-many-amendments = Et referat kan højst have { $max } rettelser.
error-database-in-use = Databasen { $path } er allerede åben i et andet Pejling-vindue. Brug det vindue, eller luk det først.

## Things
entity-committee = Udvalg
entity-member = Medlem
entity-person = Person
entity-meeting = Møde
entity-agenda_item = Dagsordenspunkt

## Committee kinds
committee-kind-standing = Stående udvalg
committee-kind-task = Opgaveudvalg (§ 17, stk. 4)
committee-kind-finance = Økonomiudvalg
committee-kind-council = Byråd / kommunalbestyrelse
committee-kind-other = Andet

## Roles
role-chair = Formand
role-vice-chair = Næstformand
role-member = Medlem
role-citizen-member = Borgermedlem
role-secretary = Sekretær
role-official = Embedsperson

## Meetings
meeting-kind-ordinary = Ordinært møde
meeting-kind-theme = Temamøde
meeting-status-draft = Kladde
meeting-status-agenda-sent = Dagsorden udsendt
meeting-status-in-progress = I gang
meeting-status-closed = Afsluttet
meeting-status-minutes-approved = Referat godkendt
openness-open = Åben
openness-closed = Lukket

## Agenda item fields, as in a Danish referat
field-case-id = Sags ID
field-summary = Resumé
field-background = Baggrund
field-recommendation = Indstilling
field-previous-decisions = Tidligere beslutninger
field-decision = Beslutning
field-meeting-time = Mødetidspunkt
field-meeting-place = Mødeafholdelse
field-planned-end = Planlagt slut

## Documents
doc-minutes-title = Referat af møde i { $committee }
doc-agenda-title = Dagsorden til møde i { $committee }
doc-toc = Indholdsfortegnelse
doc-mandate = Udvalgets kommissorium
doc-decisions = Beslutninger:
doc-previous-decisions = Tidligere beslutninger:
doc-decision-meeting = Møde i { $committee } den { $date }
doc-date-time = { $day }-{ $month }-{ $year } { $hour }:{ $minute }
doc-page = Side
doc-page-of = af
doc-approvals = Godkendelse
doc-approved-by = Godkendt af { $name } ({ $role }) den { $at }
doc-amendments = Rettelser efter godkendelsen
doc-amendment = { $field } rettet til: »{ $text }« – begrundelse: { $reason } ({ $by } den { $at })
doc-fingerprint = Kontrolsum (SHA-256)
doc-closed-left-out = Punktet er behandlet for lukkede døre og gengives ikke i den offentlige udgave.
doc-began = Mødet påbegyndt kl.:
doc-adjourned = Protokollen blev læst og mødet hævet kl.:
doc-also-present = Desuden deltog
doc-walk = Temadrøftelse
doc-walk-case-technology = Teknologi
doc-walk-case-problem = Problem
doc-walk-questions-to-administration = Spørgsmål til forvaltningen
doc-walk-asked-by = (stillet af { $name })
doc-positions = Antal placeringer: { $count }, median { $median }, midterste halvdel { $q1 }–{ $q3 }, fra { $min } til { $max }.
doc-positions-none = Ingen tog placering.
doc-positions-hidden = Placeringerne blev ikke vist for udvalget.
doc-positions-named = Placeringer med navn: { $list }
doc-positions-skipped = Uden placering: { $reason }
doc-continua-six = Placering i forhold til de seks spørgsmål
doc-continua-set = Placering i forhold til { $set }
doc-continua-description = Figuren viser udvalgets placeringer på hvert spørgsmål på en skala fra yderposition 1 (0) til yderposition 2 (100). Hver prik er én placering, den lodrette streg er medianen, og det grå felt dækker den midterste halvdel af placeringerne (fra nedre til øvre kvartil).
doc-continua-row = { $question }: placeringer { $values }; median { $median }; midterste halvdel { $q1 }–{ $q3 }; fra { $min } til { $max }.
doc-continua-left = Yderposition 1 (0)
doc-continua-right = Yderposition 2 (100)
doc-continua-legend-value = én placering
doc-continua-legend-median = median
doc-continua-legend-quartiles = midterste halvdel
doc-continua-legend-bands = Grå felter: den midterste halvdel af placeringerne.
doc-continua-question = Spørgsmål
doc-continua-values = Placeringer
doc-continua-median = Median
doc-continua-quartiles = Midterste halvdel
doc-continua-range = Fra–til
error-typeset = Dokumentet kunne ikke sættes op: { $detail }

## CLI
cli-no-committees = Ingen udvalg endnu. Kør »pejling demo« for at oprette et demo-arbejdsområde.
cli-no-meetings = Ingen møder.
cli-members = { $count ->
    [one] { $count } medlem
   *[other] { $count } medlemmer
}
cli-meetings = { $count ->
    [one] { $count } møde
   *[other] { $count } møder
}
cli-items = { $count ->
    [one] { $count } punkt
   *[other] { $count } punkter
}
cli-demo-created = Demo-arbejdsområdet er oprettet: { $name } (udvalg nr. { $id }).
cli-agenda = Dagsorden
cli-item-heading = { $number } ({ $openness }) { $title }
cli-database = Database: { $path }
cli-error = Fejl: { $message }

cli-backup-written = Sikkerhedskopien er skrevet: { $path }
cli-restored = Databasen er genskabt fra { $from }.
cli-restore-saved = Den hidtidige database er gemt som { $path }.
cli-verify-unchanged = Referatet er uændret siden godkendelsen.
cli-verify-changed = ADVARSEL: Referatet er ændret siden godkendelsen.
cli-verify-not-approved = Referatet er ikke godkendt endnu.
cli-verify-failed = referatet svarer ikke til det godkendte.
cli-verify-not-approved-short = referatet er ikke godkendt.

cli-fingerprint-approved = SHA-256 ved godkendelsen: { $value }
cli-fingerprint-now = SHA-256 nu:                 { $value }
error-unknown-document = Ukendt dokument »{ $what }«: brug referat eller dagsorden.
error-unknown-format = Ukendt format »{ $format }«: brug pdf, pdfa, docx, html, md eller ics.
cli-exported = Skrevet: { $path } ({ $bytes } bytes)
cli-bench-data-written = Benchmark-arkivet er skrevet: { $path } ({ $items } dagsordenspunkter, { $meetings } møder, { $committees } udvalg) på { $seconds } s.
cli-questions = { $count } spørgsmål
cli-question-set-built-in = indbygget
cli-question-set-imported = importeret { $at }
cli-question-set-import-done = Spørgsmålssættet »{ $title }« ({ $id } version { $version }, { $count } spørgsmål) er importeret.
cli-walk-case-technology = Teknologi
cli-walk-case-problem = Problem
cli-walk-no-plan = Punktet har ingen spørgsmål til temamødet endnu.
cli-walk-extreme-left = Yderposition 1 (0): { $text }
cli-walk-extreme-right = Yderposition 2 (100): { $text }
cli-walk-note = Note
cli-walk-questions-to-administration = Spørgsmål til forvaltningen
cli-walk-asked-by = stillet af { $name }
cli-walk-positions-hidden = Placeringer: skjult, { $answered } af { $participants } har svaret
cli-walk-positions = Placeringer: median { $median }, kvartiler { $q1 } til { $q3 }, fra { $min } til { $max } ({ $count } placeringer)
cli-walk-positions-none = Placeringer: ingen placeringer ({ $answered } af { $participants } har svaret)
cli-walk-skipped = Uden placering: { $reason }

## Dates: "22. februar 2018 kl. 18.00"
date-time = { $day }. { $month } { $year } kl. { $hour }.{ $minute }
date = { $day }. { $month } { $year }
time = { $hour }.{ $minute }
month-1 = januar
month-2 = februar
month-3 = marts
month-4 = april
month-5 = maj
month-6 = juni
month-7 = juli
month-8 = august
month-9 = september
month-10 = oktober
month-11 = november
month-12 = december

## The guided temamøde (walk): question sets, walk plans, attendance, positions, follow-ups
error-question-set-invalid = Spørgsmålssættet kan ikke læses: linje { $line }: { $problem }
error-question-set-too-large = Filen er for stor til at være et spørgsmålssæt: { $size } byte, højst { $max } byte.
error-question-set-too-many-questions = Spørgsmålssættet kan ikke læses: linje { $line }: sættet har mere end { $max } spørgsmål.
error-question-set-not-utf8 = Spørgsmålssættet kan ikke læses: linje { $line }: filen er ikke gemt som UTF-8-tekst. Gem den som UTF-8 i teksteditoren, og prøv igen.
error-question-set-schema = Spørgsmålssættet kan ikke læses: linje { $line }: skemaversion { $found } kendes ikke; denne version af Pejling læser skemaversion { $supported }.
error-question-set-id = Spørgsmålssættet kan ikke læses: linje { $line }: »{ $id }« er ikke et gyldigt id. Brug små bogstaver a-z, tal og bindestreger, fx »mine-spoergsmaal-1«.
error-question-set-version = Spørgsmålssættet kan ikke læses: linje { $line }: versionen skal være et helt tal fra 1 og op, ikke { $version }.
error-question-set-duplicate-id = Spørgsmålssættet kan ikke læses: linje { $line }: id'et »{ $id }« er brugt mere end én gang. Hver gruppe og hvert spørgsmål skal have sit eget id.
error-question-set-no-groups = Spørgsmålssættet kan ikke læses: linje { $line }: sættet har ingen grupper ([[groups]]).
error-question-set-empty-group = Spørgsmålssættet kan ikke læses: linje { $line }: gruppen »{ $id }« har ingen spørgsmål ([[groups.questions]]).
error-question-set-empty-text = Spørgsmålssættet kan ikke læses: linje { $line }: den danske tekst (da) er tom.
error-question-set-text-too-long = Spørgsmålssættet kan ikke læses: linje { $line }: teksten er for lang: { $length } tegn, højst { $max } tegn.
error-question-set-missing-extreme = Spørgsmålssættet kan ikke læses: linje { $line }: spørgsmålet »{ $id }« mangler { $extreme }. Et spørgsmål i et kontinuum har to yderpositioner, extreme_left og extreme_right.
error-question-set-extreme-not-continuum = Spørgsmålssættet kan ikke læses: linje { $line }: spørgsmålet »{ $id }« har en yderposition, men kun sæt med kind = »continuum« har yderpositioner.
error-question-set-phase-number = Spørgsmålssættet kan ikke læses: linje { $line }: fasen »{ $id }« skal have et nummer (number), som ingen anden fase i sættet har.
error-question-set-number-not-phase = Spørgsmålssættet kan ikke læses: linje { $line }: spørgsmålet »{ $id }« har et nummer, men kun sæt med kind = »phases« har numre.
error-question-set-conflict = Spørgsmålssættet »{ $id }« version { $version } findes allerede med et andet indhold. Giv det ændrede sæt et højere versionsnummer.
error-question-set-not-found = Spørgsmålssættet »{ $id }« version { $version } findes ikke.
error-walk-question-not-in-set = »{ $question }« er hverken en gruppe eller et spørgsmål i spørgsmålssættet »{ $id }«.
error-walk-duplicate-step = Spørgsmålet »{ $question }« er valgt mere end én gang til punktet.
error-walk-two-versions = Et punkt kan kun bruge én version af spørgsmålssættet »{ $id }«.
error-walk-step-has-data = Spørgsmålet »{ $question }« har allerede noter, placeringer eller spørgsmål til forvaltningen, så det kan ikke fjernes fra punktet eller skifte version. Slet dem først, hvis det er meningen.
error-walk-step-out-of-range = Punktet har intet trin nr. { $step }; det har { $count } trin.
error-walk-item-not-in-meeting = Dagsordenspunktet hører ikke til dette møde.
error-walk-not-continuum = Trin { $step } er ikke et spørgsmål med yderpositioner, så der kan ikke tages placering.
error-not-participant = Personen er ikke medlem af udvalget og er ikke registreret ved mødet.
error-not-present = { $name } er ikke registreret som til stede.
error-position-not-politician = { $name } deltager ikke i mødet som politiker og tager ikke placering.
error-position-value = En placering er et tal fra 0 til 100, ikke { $value }.
error-position-skip-reason = Skriv en begrundelse, når der ikke tages placering.
error-question-empty = Skriv spørgsmålet. Det må ikke være tomt.
entity-follow_up = Opfølgningspunkt
entity-meeting_guest = Gæst
question-set-kind-questions = Spørgsmål
question-set-kind-continuum = Spørgsmål med yderpositioner
question-set-kind-phases = Faser
attendance-present = Tilstede
attendance-absent = Fraværende
attendance-apologies = Afbud
follow-up-status-open = Åben
follow-up-status-in-progress = Under behandling
follow-up-status-answered = Besvaret
follow-up-status-closed = Lukket
walk-where = { $group } · spørgsmål { $number } af { $count }
search-kind-committee = Udvalg
search-kind-meeting = Møde
search-kind-agenda-item = Dagsordenspunkt
search-kind-note = Note
search-kind-follow-up = Opfølgningspunkt
cli-search-none = Intet fundet for »{ $query }«.
cli-search-item = punkt { $number }

## Follow-up items across meetings (opfølgning); positions over time
error-follow-up-text-empty = Skriv, hvad der skal følges op på. Teksten må ikke være tom.
error-date-invalid = »{ $value }« er ikke en gyldig dato (fx 2027-03-01).
error-follow-up-other-committee = Mødet eller dagsordenspunktet hører til et andet udvalg end opfølgningspunktet.
error-follow-up-text-locked = Spørgsmålet står i et godkendt referat, så teksten kan ikke ændres. Ansvarlig, frist, status og svar kan stadig ændres.
error-follow-up-delete-locked = Spørgsmålet står i et godkendt referat og kan ikke slettes. Luk det i stedet.
error-follow-up-answer-empty = Skriv svaret, før punktet markeres som besvaret.
error-follow-up-none-chosen = Vælg mindst ét opfølgningspunkt til dagsordenen.
follow-up-origin-question = Spørgsmål til forvaltningen
follow-up-origin-decision = Beslutning
follow-up-origin-manual = Oprettet manuelt
follow-up-agenda-title = Opfølgning
follow-up-agenda-intro = Status på udvalgets opfølgningspunkter:
follow-up-agenda-owner = Ansvarlig: { $owner }.
follow-up-agenda-due = Frist: { $date }.
follow-up-agenda-status = Status: { $status }.
follow-up-agenda-from-item = Fra { $meeting } { $date }, punkt { $number }.
follow-up-agenda-from-meeting = Fra { $meeting } { $date }.
cli-follow-ups-none = Udvalget har ingen opfølgningspunkter.
cli-follow-ups-heading = Opfølgning: { $pending } åbne, { $overdue } over fristen, { $answered } besvaret siden sidste møde
cli-follow-up-overdue = over fristen
cli-follow-up-answered-since = besvaret siden sidste møde
cli-positions-none = Ingen viste placeringer på { $set } i udvalgets møder.
cli-positions-median = udvalgets median

## The annual cycle (årshjul) and digitalisation projects
entity-cycle_entry = Fast møde i årshjulet
entity-project = Projekt
entity-project_link = Kobling til møde
search-kind-project = Projekt
error-cycle-range = Værdien { $value } er uden for det tilladte: fra { $min } til { $max }.
error-cycle-time-empty = Angiv et klokkeslæt (fx 17:00).
error-cycle-time-invalid = »{ $value }« er ikke et gyldigt klokkeslæt. Skriv det som TT:MM, fx 17:00.
error-cycle-end-before-start = Sluttidspunktet skal ligge efter starttidspunktet.
error-cycle-day-not-in-month = Måneden har aldrig { $day } dage; højst { $max }.
error-cycle-year = Året { $year } kan ikke planlægges; vælg et år fra { $min } til { $max }.
error-committee-has-projects = { $count ->
    [one] Udvalget følger ét projekt og kan ikke slettes. Flyt projektet til et andet udvalg, eller slet det først.
   *[other] Udvalget følger { $count } projekter og kan ikke slettes. Flyt projekterne til et andet udvalg, eller slet dem først.
}
error-project-phase-unknown = Der er ingen fase { $phase }; faserne går fra 0 til { $last }.
error-project-phase-skip = Skriv i bemærkningen, hvorfor projektet springer fra fase { $from } til fase { $to }. Faserne kan i praksis overlappe, men en fase, der springes over, skal kunne ses i forløbet. Uden begrundelse går projektet videre til næste fase, fase { $next }.
error-project-item-not-in-meeting = Dagsordenspunktet hører ikke til mødet »{ $meeting }«.
error-project-link-exists = Mødet eller punktet er allerede koblet til projektets fase { $phase }.
cli-no-cycle = Udvalget har ingen faste møder i årshjulet endnu.
cli-cycle-heading = Årshjul { $year }
cli-cycle-made = oprettet: møde nr. { $id }
cli-cycle-not-made = ikke oprettet
cli-cycle-created = { $count ->
    [one] Ét møde er oprettet for { $year }.
   *[other] { $count } møder er oprettet for { $year }.
}
cli-cycle-already = { $count ->
    [one] Ét fast møde havde allerede sit møde for { $year }.
   *[other] { $count } faste møder havde allerede deres møde for { $year }.
}
cli-no-projects = Ingen projekter endnu.
cli-project-phase = Fase { $number }: { $name }
cli-project-stakeholders = Interessenter
cli-project-learnings = Det har vi lært
cli-project-links = Møder og beslutninger
cli-project-history = Forløb
cli-project-created = oprettet i fase { $to }
cli-project-moved = fra fase { $from } til fase { $to }
cli-project-current = her står projektet

# Live session (participants' own devices; the page's own texts are in live.ftl)
error-live-running = Der kører allerede en livesession for et andet møde. Stop den først.
error-live-no-database = En livesession kræver en database i en fil.
error-live-ended = Livesessionen er stoppet.
error-live-no-request = Enheden beder ikke længere om at deltage. Den kan have trukket anmodningen tilbage, eller den er allerede afgjort.
error-live-name-taken = Navnet er allerede taget på en anden enhed. Frigiv det først, hvis det er den forkerte enhed.
error-live-address = Livesessionen kan ikke lytte på { $address }. Vælg en af maskinens netværksadresser.
error-live-not-participant = Kun de tilstedeværende politikere kan deltage i livesessionen.

# Meeting packages (.pejling files)
error-package-not-a-package = Filen er ikke en Pejling-mødepakke.
error-package-too-new = Mødepakken er skrevet af en nyere Pejling (format { $found }); denne version læser format { $supported }. Opdatér Pejling.
error-package-too-large = Filen er for stor til at være en mødepakke (højst { $max_mb } MB).
error-package-damaged = Mødepakken er beskadiget eller ufuldstændig ({ $detail }). Intet er indlæst.
error-package-damaged-line = Mødepakken er beskadiget i linje { $line } ({ $detail }). Intet er indlæst.
error-package-already-imported = Mødet »{ $title }« findes allerede her. Flet mødepakken ind i det i stedet for at importere den igen.
error-package-meeting-unknown = Mødet »{ $title }« fra mødepakken findes ikke her. Importér pakken i stedet for at flette den.
error-package-meeting-locked = Referatet af »{ $title }« er godkendt og låst; der laves ikke mødepakker af det.
error-package-merge-locked = Referatet af »{ $title }« er godkendt og låst. Mødepakken kan ikke flettes ind.
error-package-unresolved = { $count ->
    [one] Én konflikt er ikke afgjort: { $keys }. Vælg, hvad der skal gælde. Intet er flettet ind.
   *[other] { $count } konflikter er ikke afgjort: { $keys }. Vælg for hver konflikt, hvad der skal gælde. Intet er flettet ind.
}
error-package-merge-unmatched = Mødepakken nævner noget, som mødet her ikke har ({ $what }). Intet er flettet ind.
cli-package-exported = Mødepakken er gemt: { $path }
cli-package-imported = Mødet »{ $title }« er importeret (id { $id }).
cli-package-merged = Flettet ind: { $applied ->
    [one] én ændring
   *[other] { $applied } ændringer
}, { $resolved ->
    [one] én konflikt
   *[other] { $resolved } konflikter
} afgjort.
cli-package-conflicts = { $count ->
    [one] Én konflikt skal afgøres med --resolve NØGLE=mine|theirs|both eller --all mine|theirs|both:
   *[other] { $count } konflikter skal afgøres med --resolve NØGLE=mine|theirs|both eller --all mine|theirs|both:
}
error-package-choice = Ugyldigt valg »{ $value }«: brug NØGLE=mine, NØGLE=theirs eller NØGLE=both.
error-package-none-pending = Vælg først den mødepakke, der skal flettes ind.

# A record nobody can quietly break (restore, schema, approval snapshot, who is writing)
error-database-schema-changed = Filen { $path } kan ikke åbnes: dens opbygning (skema) er ændret uden for Pejling, fx med et andet databaseprogram. En sådan ændring kan skjule eller slette ændringer i referater og i loggen, så filen bruges ikke. Den er ikke ændret. Gendan den nyeste gode sikkerhedskopi.
error-restore-database-in-use = Databasen { $path } er åben i en anden Pejling (appen eller "pejling serve"). Luk den først; en sikkerhedskopi indlæses kun, når ingen anden bruger databasen. Intet er ændret.
error-identity-role = "{ $value }" er ikke en rolle, Pejling kender. Brug sekretær, formand, næstformand, medlem, borgermedlem eller embedsmand.
error-identity-file = Filen { $path } med navn og rolle på denne maskine kan ikke læses. Angiv navn og rolle igen.
error-package-changes-members = Mødepakken vil ændre medlemmerne af udvalget "{ $committee }": { $changes }. Intet er indlæst. Importér igen med bekræftelse, hvis ændringen er meningen.
error-approver-unknown = Ingen i udvalget hedder "{ $name }". Referatet godkendes af formanden eller et medlem af udvalget.
error-approver-ambiguous = Flere i udvalget hedder "{ $name }". Skriv navnet, som det står på medlemslisten.
error-approver-role = { $name } er { $actual } i udvalget, ikke { $given }.
error-snapshot-altered = Det gemte øjebliksbillede af det godkendte referat svarer ikke til fingeraftrykket. Det er ændret uden for Pejling.
cli-approved = Referatet er godkendt af { $name } ({ $role }).
cli-verify-differs = Forskelle fra det godkendte referat:
cli-verify-renamed = Navne ændret siden godkendelsen (referatet viser navnene, som de var):
cli-audit-via-package = via mødepakke fra { $source }, skrevet af { $author }, flettet af { $merged_by }
package-member-added = { $name } tilføjes som { $role }
package-member-role = { $name } skifter fra { $from } til { $to }
cli-identity = Denne maskine: { $name } ({ $role }).
cli-identity-none = Der er ikke angivet navn og rolle på denne maskine endnu. Angiv dem med "pejling --role ROLLE identity --name NAVN" eller i appen.
error-identity-role-missing = Angiv også en rolle med --role: sekretær, formand, næstformand, medlem, borgermedlem eller embedsmand.

## The case library: an agenda item started from one of KL's cases
error-framework-case-not-found = Casen »{ $id }« findes ikke i »{ $framework }«.
case-item-preparation = Til forberedelse – fra KL's inspirationskatalog om politisk deltagelse i digitalisering:
case-item-good-advice = Et godt råd fra { $who }:
case-item-bad-advice = Et dårligt råd fra { $who }:
case-item-source = Kilde: { $source }.
error-framework-not-adoptable = »{ $id }« i »{ $framework }« er hverken et politisk princip eller et pejlemærke og kan ikke vedtages af et udvalg.
error-project-recommendation-unknown = »{ $id }« er ikke en af KL's fem anbefalinger.

## Bilag
error-attachment-too-large = Filen er for stor til et bilag. Et bilag må højst fylde { $max } MB.
error-attachment-empty = Filen »{ $file }« er tom.
error-attachment-no-file = Filen »{ $file }« findes ikke eller er ikke en fil.
error-attachment-type = »{ $file }« kan ikke vedhæftes. Bilag kan være { $types }.
error-attachment-type-mismatch = »{ $file }« hedder { $expected }, men indholdet er { $found }. Omdøb filen, eller vælg den rigtige fil.
error-attachment-not-that-type = »{ $file }« hedder { $expected }, men indholdet er ikke en { $expected }-fil. Filen kan være beskadiget.
error-attachment-file-damaged = Bilagets fil ({ $sha }…) er ændret eller beskadiget på disken og vises ikke. Gendan en sikkerhedskopi.
error-attachment-file-missing = Bilagets fil ({ $sha }…) mangler i arbejdsområdet. Gendan en sikkerhedskopi.
error-too-many-attachments = Et punkt kan højst have { $max } bilag.
text-state-pending = Teksten læses …
text-state-text = Teksten er søgbar
text-state-no-text-layer = PDF uden tekstlag (scannet) – teksten kan ikke søges
text-state-encrypted = Krypteret PDF – teksten kan ikke læses
text-state-damaged = Filen kunne ikke læses
text-state-not-extracted = Indholdet søges ikke
text-state-too-large = Teksten var for stor eller tog for lang tid at læse
doc-attachments = Bilag
doc-attachment-closed = (Lukket bilag)
doc-attachments-for-item = Bilag til punkt { $number }: { $title }
doc-combined-agenda = Samlet dagsorden
doc-attachment-not-embedded = { $type }-fil, ikke indsat – se bilaget
doc-attachment-page = Bilag { $number }: { $title }

search-kind-attachment = Bilag

cli-attached = Bilag { $number } vedhæftet (id { $id }): { $title } · { $state }
cli-no-attachments = Mødet har ingen bilag.
cli-detached = Bilag { $id } er fjernet.
cli-search-attachment = bilag »{ $title }«, side { $page }
error-combined-pdf-only = Den samlede dagsorden findes kun som PDF (ikke { $format }).
# Two rounds, reasons, points, timeboxes (the deliberation).
entity-walk_point = Punkt
error-round-two-started = Anden runde er allerede i gang på dette spørgsmål.
error-round-one-empty = Ingen har taget placering i første runde endnu, så anden runde kan ikke begynde.
error-reason-no-position = Tag en placering, før du skriver en begrundelse.
error-timebox-minutes = En tidsramme er fra 1 til 240 minutter, ikke { $minutes }.
error-point-not-here = Der kan ikke sendes punkter til trin { $step }. Punkter hører til et perspektiv med "Hvad vil du belyse?".
error-point-empty = Skriv punktet. Det må ikke være tomt.
error-too-many-points = Punktet har allerede det største antal punkter, der kan gemmes.
error-point-merge = Punktet kan ikke slås sammen med det valgte punkt.
error-point-already-question = Punktet er allerede gjort til et spørgsmål til forvaltningen.
continuum-side-left = Tættest på yderposition 1
continuum-side-middle = Midt imellem
continuum-side-right = Tættest på yderposition 2
doc-positions-first-round = Første runde (før drøftelsen): { $count } placeringer, median { $median }, midterste halvdel { $q1 }–{ $q3 }.
doc-positions-shift = Medianen flyttede sig { $shift } point, fra { $before } til { $after }; den midterste halvdels bredde gik fra { $iqr_before } til { $iqr_after }.
doc-positions-moves = Flytninger fra første til anden runde: { $list }
doc-positions-reasons = Begrundelser – { $side }: { $list }
doc-walk-points = Punkter (Hvad vil du belyse?): { $list }
doc-walk-time = Tid: { $planned } min. planlagt, { $used } min. brugt.
doc-positions-reasons-first = Begrundelser i første runde – { $side }: { $list }
entity-committee_own_entry = Udvalgets eget princip eller pejlemærke
error-too-many-own-entries = Et udvalg kan højst have { $max } egne principper og pejlemærker.
error-item-bearing-not-adopted = Pejlemærket er ikke vedtaget af udvalget og kan ikke vælges til punktet. Vedtag det først på udvalgets side.
doc-bearings = Pejlemærker
doc-bearings-intro = Punktet vurderes i forhold til disse pejlemærker:
