# Pejling – brugerfladens tekster (dansk, primært sprog).
# Samme nøgler som en/ui.ftl; en test sammenligner nøglerne.

## Rammen

app-name = Pejling
window-title = { $title } – Pejling
skip-to-main = Gå til hovedindhold
breadcrumbs-label = Du er her
nav-committees = Udvalg
language-menu = Sprog
language-da = Dansk
language-en = English
high-contrast = Høj kontrast
loading = Henter …
load-failed-title = Noget gik galt
error-prefix = Fejl:
error-unexpected = Der opstod en uventet fejl. Teknisk besked: { $detail }
field-required = (skal udfyldes)
autosave-hint = Dine ændringer gemmes automatisk, mens du skriver.
save-saving = Gemmer…
save-saved = Alle ændringer er gemt
save-error = Ikke gemt: { $message }
dialog-cancel = Annuller
col-actions = Handlinger

## Søgning (the one search box and its results)

search-label = Søg i alt
search-placeholder = Søg i udvalg, møder, punkter og noter (Ctrl+K)
search-submit = Søg
search-title = Søgning
search-title-query = Søgning: »{ $query }«
search-crumb = Søgning
search-count = { $count ->
    [0] Ingen resultater.
    [one] Ét resultat.
   *[other] { $count } resultater.
}
search-count-max = De første { $count } resultater. Skriv flere ord for at indsnævre søgningen.
search-empty-query = Skriv et eller flere ord i søgefeltet øverst. Genvej: Ctrl+K, eller / når du ikke skriver i et felt.
search-none-hint = Prøv et andet eller kortere ord. Søgningen finder også dele af ord, fx »udvalg« i »Økonomiudvalget«.
search-where-meeting = Møde: { $title }
search-where-committee = Udvalg: { $name }
search-closed = Lukket punkt
search-part-of-word = Fundet som en del af et ord.
search-did-you-mean = Mente du: { $query }?

## Datoer

date = { $day }. { $month } { $year }
datetime = { $day }. { $month } { $year } kl. { $hour }.{ $minute }
datetime-none = Ikke angivet
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

## Antal

count-members = { $count ->
    [one] { $count } medlem
   *[other] { $count } medlemmer
}
count-meetings = { $count ->
    [one] { $count } møde
   *[other] { $count } møder
}

## Velkomst

welcome-title = Velkommen til Pejling
welcome-text = Pejling hjælper formænd og sekretærer i kommunale udvalg med at forberede møder og dagsordener – også temamøder om digitalisering.
welcome-text-2 = Alt gemmes automatisk på din egen computer, mens du skriver, og intet sendes ud på nettet.
welcome-demo = Opret demo-arbejdsområde
welcome-demo-busy = Opretter demo-arbejdsområde …
welcome-demo-hint = Demo-arbejdsområdet indeholder et opdigtet opgaveudvalg med medlemmer, kommissorium, årshjul, et års møder med godkendte referater og et kommende temamøde. Du kan frit ændre eller slette det hele.
welcome-empty = Start med et tomt arbejdsområde

## Udvalg

committees-title = Udvalg
committees-empty = Der er endnu ingen udvalg. Opret det første nedenfor.
committee-new-title = Nyt udvalg
committee-create = Opret udvalg
committee-field-name = Navn
committee-field-kind = Udvalgstype
committee-field-description = Beskrivelse
committee-field-mandate = Kommissorium
committee-mandate-hint = Udvalgets opgave, som byrådet har formuleret den. Kommissoriet står i dagsordener og referater.
committee-info-title = Om udvalget
committee-not-found = Udvalget findes ikke
committee-kind-standing = Stående udvalg
committee-kind-task = Opgaveudvalg (§ 17, stk. 4)
committee-kind-finance = Økonomiudvalg
committee-kind-council = Byråd / kommunalbestyrelse
committee-kind-other = Andet
committee-delete-title = Slet udvalg
committee-delete-text = Udvalget slettes sammen med medlemslisten. Personerne bevares, så de kan sidde i andre udvalg.
committee-delete = Slet udvalg …
committee-delete-blocked = { $count ->
    [one] Udvalget har 1 møde og kan ikke slettes. Slet mødet først, hvis det er meningen.
   *[other] Udvalget har { $count } møder og kan ikke slettes. Slet møderne først, hvis det er meningen.
}
committee-delete-confirm-title = Slet udvalget?
committee-delete-confirm-text = »{ $name }« slettes sammen med medlemslisten. Det kan ikke fortrydes.
committee-delete-confirm = Slet udvalg

## Medlemmer

members-title = Medlemmer
members-empty = Udvalget har endnu ingen medlemmer.
member-col-name = Navn
member-col-role = Rolle
member-col-party = Parti
member-name-label = Navn på { $name }
member-role-label = Rolle for { $name }
member-party-label = Parti for { $name }
member-party-hint = Kan være tomt, fx for borgermedlemmer.
member-add-title = Tilføj medlem
member-add = Tilføj medlem
member-added = { $name } er tilføjet som medlem.
member-remove = Fjern
member-remove-confirm-title = Fjern medlem?
member-remove-confirm-text = { $name } fjernes fra { $committee }. Personen slettes ikke og kan tilføjes igen senere.
member-remove-confirm = Fjern medlem
member-removed = { $name } er fjernet fra udvalget.
member-existing-title = Tilføj en person, der allerede findes
member-existing-person = Person
member-existing-choose = Vælg en person
member-existing-required = Vælg en person.
member-existing-add = Tilføj til udvalget
role-chair = Formand
role-vice_chair = Næstformand
role-member = Medlem
role-citizen_member = Borgermedlem
role-secretary = Sekretær
role-official = Embedsperson

## Møder

meetings-title = Møder
meetings-empty = Udvalget har endnu ingen møder.
meeting-col-title = Møde
meeting-col-kind = Type
meeting-col-time = Mødetidspunkt
meeting-col-status = Status
meeting-col-items = Punkter
meeting-new-title = Nyt møde
meeting-create = Opret møde
meeting-field-title = Titel
meeting-field-kind = Mødetype
meeting-field-starts = Mødetidspunkt
meeting-field-ends = Planlagt slut
meeting-field-place = Mødested
meeting-kind-ordinary = Ordinært møde
meeting-kind-theme = Temamøde
meeting-info-title = Mødeoplysninger
meeting-locked = Referatet er godkendt. Mødet og dagsordenen kan ikke længere ændres.
meeting-not-found = Mødet findes ikke
meeting-delete-title = Slet møde
meeting-delete-text = Mødet slettes sammen med hele dagsordenen.
meeting-delete = Slet møde …
meeting-delete-confirm-title = Slet mødet?
meeting-delete-confirm-text = »{ $title }« slettes sammen med hele dagsordenen. Det kan ikke fortrydes.
meeting-delete-confirm = Slet møde

## Status

status-title = Status
status-current = Mødets status:
status-draft = Kladde
status-agenda_sent = Dagsorden udsendt
status-in_progress = I gang
status-closed = Afsluttet
status-minutes_approved = Referat godkendt
status-advance = Skift status til { $status }
status-back = Tilbage til { $status }
status-changed = Status er ændret til { $status }.

## Dagsorden

agenda-title = Dagsorden
agenda-empty = Dagsordenen har endnu ingen punkter.
agenda-reorder-help = Flyt et punkt med knapperne Flyt op og Flyt ned, ved at trække i håndtaget eller med Alt+pil op og Alt+pil ned, når punktet har fokus.
agenda-pick-item = Vælg et punkt på dagsordenen for at redigere det.
item-number = Punkt { $number }
item-editor-title = Punkt { $number }: { $title }
item-move-up = Flyt op
item-move-down = Flyt ned
item-moved = Punkt flyttet til nummer { $number }
item-drag-handle = Træk for at flytte punktet
item-add-title = Nyt dagsordenspunkt
item-add = Tilføj dagsordenspunkt
item-added = Punkt { $number } »{ $title }« er tilføjet.
item-field-title = Titel
item-field-openness = Åbent eller lukket punkt
item-field-case-id = Sags ID
item-field-summary = Resumé
item-field-background = Baggrund
item-field-recommendation = Indstilling
item-field-previous-decisions = Tidligere beslutninger
item-field-decision = Beslutning
openness-open = Åben
openness-closed = Lukket
openness-tag-open = (Åben)
openness-tag-closed = (Lukket)
item-delete = Slet punkt …
item-delete-confirm-title = Slet dagsordenspunkt?
item-delete-confirm-text = Punkt { $number } »{ $title }« slettes med al sin tekst, og de følgende punkter får nye numre. Det kan ikke fortrydes.
item-delete-confirm = Slet punkt
item-deleted = Punkt { $number } er slettet.

## Ikke fundet

not-found-title = Siden findes ikke
not-found-text = Adressen peger ikke på et udvalg eller et møde.
not-found-back = Gå til oversigten over udvalg

## Minutes (referat): attendance, approval, amendments, export, audit log
status-approve-on-minutes = Referatet godkendes af formanden eller et medlem på siden for referatet.
minutes-link = Referat, godkendelse og eksport
minutes-title = Referat: { $title }
minutes-crumb = Referat
minutes-back-to-meeting = Tilbage til mødet og dagsordenen
minutes-locked-note = Referatet er godkendt og låst. Rettelser foretages som registrerede rettelser nedenfor.
attendance-title = Fremmøde
attendance-hint = Alle medlemmer regnes som til stede, indtil andet er registreret. Ændringer gemmes med det samme.
attendance-col-name = Navn
attendance-col-role = Rolle
attendance-col-attendance = Fremmøde
attendance-legend = Fremmøde for { $name }
attendance-present = Tilstede
attendance-absent = Fraværende
attendance-apologies = Afbud
attendance-former-member = Tidligere medlem
attendance-guests = Gæster
approval-title = Godkendelse
approval-not-closed = Referatet kan godkendes, når mødet er afsluttet. Skift mødets status til »Afsluttet« på mødesiden.
approval-approver = Godkendes af
approval-approve = Godkend referatet
approval-also-approve = Tilføj godkendelse
approval-lock-hint = Når referatet er godkendt, er det låst: senere ændringer skal foretages som registrerede rettelser.
approval-list-title = Godkendelser
approval-none = Referatet er ikke godkendt endnu.
approval-line = { $name } ({ $role }), { $at }
approval-fingerprint = Kontrolsum (SHA-256):
minutes-approved-by = Referatet er godkendt af { $name }.
minutes-verify = Kontrollér referatet
minutes-verify-unchanged = Referatet er uændret siden godkendelsen.
minutes-verify-changed = Advarsel: Referatet er ændret siden godkendelsen.
minutes-verify-not-approved = Referatet er ikke godkendt endnu.
amend-title = Rettelser efter godkendelsen
amend-hint = En rettelse ændrer ikke det godkendte i det skjulte: den registreres med tekst, begrundelse, navn og tidspunkt og vises i referatet.
amend-item = Dagsordenspunkt
amend-choose-item = Vælg et punkt
amend-field = Felt
amend-new-text = Ny tekst
amend-reason = Begrundelse
amend-submit = Registrér rettelse
amend-saved = Rettelsen er registreret.
amend-list-title = Registrerede rettelser
amend-line = { $field } rettet til »{ $text }« – begrundelse: { $reason } ({ $by }, { $at })
export-title = Eksport
export-what = Dokument
export-kind-minutes = Referat
export-kind-agenda = Dagsorden
export-format = Format
export-format-pdf = PDF
export-format-pdfa = PDF/A (til arkivering)
export-format-docx = Word (DOCX)
export-format-html = HTML (én fil)
export-format-md = Markdown
export-format-ics = Kalender (ICS)
export-audience = Udgave
export-audience-public = Offentlig (lukkede punkter kun med nummer og titel)
export-audience-internal = Intern (med lukkede punkter)
export-lang = Dokumentets sprog
export-submit = Eksportér …
export-saved = Gemt: { $path }
export-cancelled = Eksporten blev annulleret.
audit-title = Ændringslog
audit-none = Der er ingen ændringer registreret endnu.
audit-show = { $count ->
    [one] Vis ændringsloggen (én ændring)
   *[other] Vis ændringsloggen ({ $count } ændringer)
}
audit-col-at = Tidspunkt
audit-col-actor = Hvem
audit-col-what = Hvad
audit-col-changes = Ændringer

## Minutes: the meeting's recorded times and the guests
times-title = Mødets tider
times-hint = Tryk på knappen, når mødet begynder, og når protokollen er læst og mødet hævet. Genvej overalt på siden, undtagen mens du skriver i et tekstfelt: Alt+Skift+B for påbegyndt og Alt+Skift+H for hævet.
times-began-label = Mødet påbegyndt
times-adjourned-label = Protokollen blev læst og mødet hævet
times-not-recorded = Ikke registreret
times-at = kl. { $hour }.{ $minute }
times-mark-began = Mødet påbegyndt nu
times-mark-adjourned = Mødet hævet nu
times-correct-began = Ret tidspunktet, mødet blev påbegyndt
times-correct-adjourned = Ret tidspunktet, mødet blev hævet
times-clear-hint = Rettelser gemmes automatisk. Tøm feltet for at fjerne tidspunktet.
times-began-recorded = Mødet påbegyndt { $time }.
times-adjourned-recorded = Protokollen blev læst og mødet hævet { $time }.
guests-hint = Gæster er deltagere, der ikke er medlemmer af udvalget, fx oplægsholdere fra forvaltningen.
guests-none = Ingen gæster registreret.
guest-add-title = Tilføj en gæst
guest-name = Gæstens navn
guest-affiliation = Organisation eller funktion
guest-add = Tilføj gæst
guest-remove = Fjern { $name }
guest-added = { $name } er tilføjet som gæst.
guest-removed = { $name } er fjernet som gæst.

## The guided temamøde (walk): preparing, walking, positions, summary, the room's screen

walk-plan-title = Temamøde: spørgsmål til punktet
walk-plan-hint = Vælg sagen og de spørgsmål, udvalget skal igennem, i den rækkefølge de skal stilles. Ændringer gemmes automatisk.
walk-case-technology = Teknologien i sagen
walk-case-technology-hint = Fx »Algoritme, der forudsiger faldrisiko«.
walk-case-problem = Problemet for borgerne
walk-case-problem-hint = Hvilket problem skal teknologien løse, og for hvem?
walk-plan-parts = Spørgsmålssæt i rækkefølge
walk-plan-empty = Punktet har ingen spørgsmål endnu. Tilføj et spørgsmålssæt nedenfor.
walk-plan-part = { $number }. { $title }
walk-plan-part-count = { $chosen } af { $total } spørgsmål valgt
walk-plan-part-none = Ingen spørgsmål valgt: sættet springes over.
walk-plan-group = Hele perspektivet »{ $title }«
walk-plan-move-up = Flyt sættet op
walk-plan-move-down = Flyt sættet ned
walk-plan-remove = Fjern sættet
walk-plan-add-set = Spørgsmålssæt
walk-plan-add = Tilføj sæt
walk-plan-steps = Gennemgangen har { $count } spørgsmål.
walk-plan-moved = Sættet er flyttet til nummer { $number }
walk-plan-open = Gå til gennemgangen
walk-plan-summary = Se oversigten
question-set-kind-questions = Spørgsmål
question-set-kind-continuum = Spørgsmål med yderpositioner
question-set-kind-phases = Faser

## The question-set library
home-question-sets = Spørgsmålssæt til temamøder
home-question-sets-hint = Se, hvad de indbyggede spørgsmålssæt bruges til, eller importér jeres egne.
qsets-title = Spørgsmålssæt
qsets-intro = Et spørgsmålssæt er de spørgsmål, udvalget kan gå igennem på et temamøde. Pejling har fem indbyggede sæt fra KL's og Gentofte Kommunes materialer, og I kan importere jeres egne.
qsets-import-heading = Importér et spørgsmålssæt
qsets-import-hint = Vælg en TOML-fil, der er skrevet i samme format som de indbyggede sæt. En fil med fejl bliver afvist med linjenummer og problem, og intet bliver gemt.
qsets-import = Importér spørgsmålssæt
qsets-import-busy = Importerer …
qsets-imported = Spørgsmålssættet »{ $title }« ({ $id } version { $version }, { $count } spørgsmål) er importeret.
qsets-id = Id
qsets-version = Version
qsets-origin = Oprindelse
qsets-origin-built-in = Indbygget
qsets-origin-imported = Importeret { $date }
qsets-kind = Type
qsets-count = Spørgsmål
qsets-no-help = Sættet har ingen tekst om, hvad det bruges til.
qsets-source = Kilde:
qsets-show = Vis spørgsmål
qsets-hide = Skjul spørgsmål
qsets-phase = Fase { $number }:
qb-heading = Byg et spørgsmålssæt
qb-open = Byg et nyt spørgsmålssæt
qb-close = Luk uden at oprette
qb-intro = Skriv sættets titel, hvad det bruges til, og spørgsmålene. Sættet gemmes, når du vælger »Opret spørgsmålssæt«; derefter kan det vælges til et temamøde som de indbyggede sæt.
qb-title = Titel (dansk)
qb-title-en = Titel på engelsk (valgfri)
qb-help = Hvad bruges sættet til?
qb-id-hint = Id: { $id }, version { $version }
qb-kind = Slags spørgsmål
qb-questions = Spørgsmål
qb-question = Spørgsmål { $number }
qb-left = Yderposition 1 til spørgsmål { $number }
qb-right = Yderposition 2 til spørgsmål { $number }
qb-add = Tilføj et spørgsmål
qb-remove = Fjern
qb-create = Opret spørgsmålssæt
qb-created = Spørgsmålssættet »{ $title }« ({ $id } version { $version }) er oprettet.
qb-error-title = Skriv en titel på dansk.
qb-error-no-questions = Sættet skal have mindst ét spørgsmål.
qb-error-text = Skriv spørgsmålet.
qb-error-extreme = Skriv yderpositionen.

walk-title = Gennemgang: { $title }
walk-loading = Henter gennemgangen …
walk-no-steps = Punktet har ingen spørgsmål til temamødet. Vælg spørgsmålene på mødesiden.
walk-back-to-meeting = Tilbage til mødet
walk-case-heading = Sagen
walk-step-of = Trin { $number } af { $count }
walk-nav-title = Spørgsmål
walk-nav-step = { $number }. { $text }
walk-nav-current = (nu)
walk-previous = Forrige spørgsmål
walk-next = Næste spørgsmål
walk-keys-help = Skift spørgsmål med Alt+pil højre og Alt+pil venstre, eller Page Down og Page Up uden for tekstfelter.
walk-moved = { $where }: { $text }
walk-examples = Eksempler
walk-room-open = Åbn storskærm
walk-room-opened = Storskærmen er åbnet i et nyt vindue.
room-open-failed = Storskærmen kunne ikke åbnes.
walk-summary-link = Oversigt over gennemgangen
walk-named = Vis navne ved placeringerne
walk-named-hint = Uden flueben vises placeringerne uden navne.
walk-locked = Referatet er godkendt: gennemgangen kan ses, men ikke ændres.
walk-note-label = Noter til spørgsmålet
walk-note-hint = Sekretærens noter. De vises aldrig på storskærmen.
walk-qa-title = Spørgsmål til forvaltningen
walk-qa-none = Ingen spørgsmål til forvaltningen ved dette spørgsmål.
walk-qa-text = Spørgsmålet
walk-qa-asked-by = Stillet af
walk-qa-asked-by-none = Ikke angivet
walk-qa-add = Markér som spørgsmål til forvaltningen
walk-qa-added = Spørgsmålet til forvaltningen er registreret.
walk-qa-by = stillet af { $name }
walk-qa-delete = Slet
walk-qa-deleted = Spørgsmålet til forvaltningen er slettet.
walk-attendance-title = Fremmøde
walk-attendance-hint = Kun politikere, der er til stede, tager placering.

position-title = Placeringer
position-extreme-left = Yderposition 1 (0)
position-extreme-right = Yderposition 2 (100)
position-hint = Flyt skyderen med piletasterne (Page Up og Page Down flytter 10, Home og End går til yderpositionerne). Placeringerne er skjult, indtil formanden viser dem.
position-slider-label = Placering for { $name }
position-valuetext = { $value } af 100: { $side }
position-valuetext-none = Ingen placering endnu
position-side-left = nærmest yderposition 1
position-side-right = nærmest yderposition 2
position-side-middle = midt imellem
position-status-saved = Placering registreret
position-status-skipped = Uden placering
position-status-none = Ikke registreret
position-skip = Tager ikke placering
position-skip-reason = Begrundelse for { $name }
position-clear = Ryd
position-clear-for = Ryd placeringen for { $name }
position-no-participants = Ingen politikere er registreret som til stede.
position-answered = { $answered } af { $participants } har svaret
position-reveal = Vis placeringer
position-hide = Skjul placeringer igen
position-revealed = Placeringerne vises nu.
position-hidden = Placeringerne er skjult igen.
position-hidden-note = Placeringerne er skjult. { $answered } af { $participants } har svaret.

chart-caption = Placeringer på spørgsmålet
chart-description = { $count ->
    [one] 1 placering; median { $median }, midterste halvdel { $q1 }–{ $q3 }
   *[other] { $count } placeringer; median { $median }, midterste halvdel { $q1 }–{ $q3 }
  }
chart-description-none = Ingen placeringer.
chart-skipped = { $count ->
    [one] 1 uden placering
   *[other] { $count } uden placering
  }
chart-legend-position = ○ placering (med nummer eller navn)
chart-legend-median = ◆ median
chart-legend-spread = ▨ midterste halvdel (kvartiler)
chart-table-caption = Placeringerne som tabel
chart-col-participant = Deltager
chart-col-position = Placering
chart-col-reason = Begrundelse
chart-anonymous = Deltager { $number }
chart-skipped-row = Uden placering
chart-median-label = median { $value }

summary-title = Oversigt: { $title }
summary-continua = Placering i forhold til de seks spørgsmål
summary-continua-hidden = Placeringerne er ikke vist endnu ({ $answered } af { $participants } har svaret).
summary-steps = Spørgsmål, noter og spørgsmål til forvaltningen
summary-note = Noter
summary-no-note = Ingen noter.
summary-back = Tilbage til gennemgangen
summary-qa-all = Alle spørgsmål til forvaltningen
summary-qa-none = Der er ingen spørgsmål til forvaltningen.

room-title = Storskærm
room-waiting = Mødet er ikke i gang med et åbent punkt endnu.
room-no-steps = Punktet har ingen spørgsmål.
room-item = Punkt { $number }: { $title }
room-answered = { $answered } af { $participants } har svaret
room-connection-lost = Forbindelsen til mødet er afbrudt. Prøver igen …
walk-closed-item = Punktet er lukket: storskærmen viser det ikke.
walk-plan-in-part = (valgt i sæt nr. { $number })
summary-row-hidden = skjult
summary-legend-hidden = - - - placeringerne er ikke vist endnu
summary-continua-description = En række pr. spørgsmål på samme skala fra 0 (yderposition 1) til 100 (yderposition 2).
summary-col-number = Nr.
summary-col-question = Spørgsmål
position-end-left = ← 0: yderposition 1
position-end-right = yderposition 2: 100 →

## The annual cycle (årshjul)
committee-cycle-link = Årshjul: faste møder og næste års møder
weekday-1 = mandag
weekday-2 = tirsdag
weekday-3 = onsdag
weekday-4 = torsdag
weekday-5 = fredag
weekday-6 = lørdag
weekday-7 = søndag
cycle-week-1 = 1.
cycle-week-2 = 2.
cycle-week-3 = 3.
cycle-week-4 = 4.
cycle-week-5 = sidste
cycle-clock = { $hour }.{ $minute }
cycle-time-range = kl. { $start }–{ $end }
cycle-rule-weekday-text = { $every } den { $week } { $weekday } i { $month } { $time }
cycle-rule-date-text = { $every } den { $day }. { $month } { $time }
cycle-rule-date-text-last = { $every } den { $day }. { $month } { $time } (de år, måneden er kortere: dens sidste dag)
cycle-every-1 = Hvert år
cycle-every-2 = Hvert andet år
cycle-every-2-from = Hvert andet år fra { $year }
cycle-field-every = Hvor ofte
cycle-field-first-year = Første gang (år)
cycle-rule-weekday = En ugedag i måneden (fx 2. tirsdag)
cycle-rule-date = En dato (fx 1. juni)
cycle-title = Årshjul { $year }: { $committee }
cycle-crumb = Årshjul { $year }
cycle-intro = Årshjulet viser udvalgets faste møder, der kommer igen hvert år, og de møder, udvalget faktisk har i året.
cycle-year-nav = Vælg år
cycle-year-link = Årshjul { $year }
cycle-export-calendar = Gem møderne i { $year } som kalenderfil (.ics)
cycle-calendar-saved = Mødekalenderen er gemt: { $path }
cycle-create-next = Opret næste års møder
cycle-create-needs-entries = Tilføj faste møder til årshjulet nedenfor, så kan næste års møder oprettes i ét trin.
cycle-year-heading = Året { $year } måned for måned
cycle-week-number = uge { $week }
cycle-wheel-heading = Årshjulet
cycle-wheel-title = Årshjul { $year }
cycle-wheel-desc = Hjulet viser årets tolv måneder rundt om cirklen med januar øverst og med uret. Prikker på kanten er udvalgets møder, ruder er faste møder i årshjulet, og buerne inde i hjulet er budgetårets faser. Det samme står i tabellen under hjulet.
cycle-wheel-today = I dag
cycle-wheel-table-caption = Årshjul { $year } som tabel
cycle-wheel-col-date = Dato
cycle-wheel-col-week = Uge
cycle-wheel-col-what = Hvad
cycle-wheel-col-kind = Slags
cycle-wheel-phases = Budgetårets faser:
cycle-phase-accounts = Regnskab for sidste år
cycle-phase-budget = Budgetlægning for næste år
cycle-phase-range = { $name }: { $from } – { $to }
cycle-tag-fixed = Fast møde
cycle-tag-meeting = Møde
cycle-legend-fixed = er årshjulets faste møder på deres dag i året;
cycle-legend-meeting = er de møder, udvalget har.
cycle-month-empty = Intet i denne måned.
cycle-made = mødet er oprettet
cycle-not-made = ikke oprettet endnu
cycle-from-cycle = fra årshjulet
cycle-entries-title = Faste møder i årshjulet
cycle-entries-intro = Et fast møde i årshjulet kommer igen hvert år: enten på en bestemt ugedag i en måned (fx 2. tirsdag i september, »i 2. uge af september«) eller på en bestemt dato. Ændringer gælder de møder, der oprettes fremover; møder, der allerede er oprettet, flyttes ikke.
cycle-entries-empty = Årshjulet har ingen faste møder endnu.
cycle-entry-new-title = Nyt fast møde
cycle-entry-add = Tilføj fast møde
cycle-entry-added = Det faste møde »{ $title }« er tilføjet årshjulet.
cycle-entry-deleted = Det faste møde »{ $title }« er fjernet fra årshjulet.
cycle-entry-delete = Fjern fra årshjulet
cycle-entry-delete-confirm-title = Fjern det faste møde?
cycle-entry-delete-confirm-text = »{ $title }« fjernes fra årshjulet. Møder, der allerede er oprettet fra det, bliver stående.
cycle-field-title = Mødets titel
cycle-field-rule = Gentages
cycle-field-month = Måned
cycle-field-week = Hvilken i måneden
cycle-field-weekday = Ugedag
cycle-field-day = Dag i måneden
cycle-field-start = Begynder kl.
cycle-field-end = Slutter kl.
cycle-time-hint = Skriv klokkeslættet som TT:MM, fx 17:00.
cycle-field-description = Hvad mødet handler om
cycle-create-confirm-title = Opret møderne for { $year }?
cycle-create-confirm-text = { $count ->
    [one] Dette møde oprettes som kladde for { $year }:
   *[other] Disse { $count } møder oprettes som kladder for { $year }:
}
cycle-create-nothing = Alle faste møder er allerede oprettet for { $year }. Der oprettes intet.
cycle-create-already = { $count ->
    [one] Ét fast møde er allerede oprettet og oprettes ikke igen:
   *[other] { $count } faste møder er allerede oprettet og oprettes ikke igen:
}
}
cycle-create-confirm = { $count ->
    [one] Opret mødet
   *[other] Opret { $count } møder
}
cycle-created = { $count ->
    [one] Et møde er oprettet for { $year }.
   *[other] { $count } møder er oprettet for { $year }.
}

## Digitalisation projects through the five phases
nav-projects = Digitaliseringsprojekter
home-projects-hint = Projekter gennem de fem faser: interessenter, erfaringer, møder og beslutninger.
committee-projects-link = Digitaliseringsprojekter
projects-title = Digitaliseringsprojekter
projects-intro = Et projekt går gennem de fem faser i KL's model for politisk deltagelse: fra problemet identificeres, til der besluttes, om en løsning skal i drift.
projects-empty = Der er ingen projekter endnu.
project-col-title = Projekt
project-col-committee = Udvalg
project-col-phase = Fase
project-col-changed = Seneste faseskift
project-phase-name = Fase { $number }: { $name }
project-new-title = Nyt projekt
project-needs-committee = Opret først et udvalg; et projekt følges af et udvalg.
project-field-title = Projektets titel
project-field-committee = Udvalget, der følger projektet
project-field-description = Beskrivelse
project-create = Opret projekt
project-not-found = Projektet findes ikke
project-stands-in = Står i { $phase }
project-stepper-label = Projektets faser
project-step-number = Fase { $number }
project-phase-current = Her står projektet
project-phase-done = gennemført
project-phase-ahead = ikke nået endnu
project-move-title = Skift fase
project-move-rule = Faserne kan i praksis overlappe. Et projekt går normalt videre til næste fase, og en tidligere fase kan altid genbesøges. Springer projektet en fase over, skrives begrundelsen i bemærkningen. Hvert skift gemmes i forløbet.
project-move-note = Bemærkning til faseskiftet
project-move-note-hint = Fx hvad der blev besluttet eller hvorfor en fase genbesøges. Skal udfyldes, når projektet springer en fase over.
project-move-next = Gå videre til { $phase }
project-last-phase = Projektet står i den sidste fase.
project-move-back-to = Genbesøg en tidligere fase
project-move-back = Gå tilbage til fasen
project-move-skip-to = Spring frem til en senere fase
project-move-skip = Spring frem med begrundelse
project-moved = Projektet står nu i { $phase }.
project-phase-example = Eksempel: fald-casen i KL's katalog
project-field-stakeholders = Interessenter
project-stakeholders-hint = Fx én pr. linje.
project-field-learnings = Det har vi lært
project-links-title = Møder og beslutninger
project-links-empty = Ingen møder er koblet til fasen endnu.
project-link-item = punkt { $number }: { $title }
project-link-decision = Beslutning:
project-link-no-decision = Ingen beslutning skrevet endnu.
project-unlink = Fjern koblingen
project-unlinked = Koblingen til »{ $title }« er fjernet.
project-link-title = Kobl et møde til fase { $number }
project-link-no-meetings = Udvalget har ingen møder endnu.
project-link-meeting = Møde
project-link-choose-meeting = Vælg et møde
project-link-item-label = Dagsordenspunkt (og dets beslutning)
project-link-whole-meeting = Hele mødet
project-link-meeting-required = Vælg et møde.
project-link-submit = Kobl til fase { $number }
project-linked = Mødet er koblet til fase { $number }.
project-history-title = Forløb
project-history-when = Tidspunkt
project-history-what = Faseskift
project-history-who = Af
project-history-note = Bemærkning
project-history-created = Oprettet i { $phase }
project-history-forward = Fra { $from } videre til { $to }
project-history-back = Fra { $from } tilbage til { $to }
project-info-title = Om projektet
project-delete-title = Slet projektet
project-delete-text = Projektet slettes med sine faser, interessenter, erfaringer og forløb. Møderne og deres beslutninger bliver stående.
project-delete = Slet projektet
project-delete-confirm-title = Slet projektet?
project-delete-confirm-text = »{ $title }« slettes med alt, hvad der er skrevet om det. Det kan ikke fortrydes.

## Follow-up items across meetings (opfølgning)
committee-links-label = Udvalgets opfølgning og placeringer
follow-ups-link = Opfølgning
follow-ups-title = Opfølgning: { $committee }
follow-ups-crumb = Opfølgning
follow-ups-counts = { $pending } åbne · { $overdue } over fristen · { $answered } besvaret siden sidste møde
follow-ups-last-meeting = Sidste møde: { $title }, { $date }.
follow-ups-no-last-meeting = Udvalget har ikke holdt møde endnu.
follow-ups-list-title = Opfølgningspunkter
follow-ups-filter = Vis
follow-ups-filter-pending = Åbne ({ $count })
follow-ups-filter-overdue = Over fristen ({ $count })
follow-ups-filter-answered = Besvaret siden sidste møde ({ $count })
follow-ups-filter-all = Alle ({ $count })
follow-ups-shown = { $count ->
    [one] Viser ét opfølgningspunkt.
   *[other] Viser { $count } opfølgningspunkter.
}
follow-ups-empty-pending = Ingen åbne opfølgningspunkter.
follow-ups-empty-overdue = Ingen opfølgningspunkter er over fristen.
follow-ups-empty-answered = Intet er besvaret siden sidste møde.
follow-ups-empty-all = Udvalget har ingen opfølgningspunkter endnu.
follow-up-flag-overdue = Over fristen
follow-up-flag-answered-since = Besvaret siden sidste møde
follow-up-asked-by = Spurgt af { $name }
follow-up-from-item = Fra { $meeting }, punkt { $number }: { $title }
follow-up-from-meeting = Fra { $meeting }
follow-up-due = Frist { $date }
follow-up-answered-at = Besvaret { $date }
follow-up-listed-on = På dagsordenen:
follow-up-listing = { $meeting } { $date }, punkt { $number }
follow-up-field-text = Hvad skal der følges op på
follow-up-text-locked-hint = Spørgsmålet står i et godkendt referat og kan ikke ændres. Ansvarlig, frist, status og svar kan stadig ændres.
follow-up-field-owner = Ansvarlig
follow-up-owner-hint = En person eller en del af forvaltningen.
follow-up-field-due = Frist
follow-up-field-status = Status
follow-up-field-answer = Svar
follow-up-field-meeting = Hører til mødet
follow-up-meeting-none = Intet møde
follow-up-delete = Slet opfølgningspunkt
follow-up-delete-confirm-title = Slet opfølgningspunktet?
follow-up-delete-confirm-text = »{ $text }« slettes. Det kan ikke fortrydes, men sletningen står i loggen.
follow-up-delete-confirm = Slet
follow-up-deleted = Opfølgningspunktet er slettet.
follow-up-new-title = Nyt opfølgningspunkt
follow-up-new-hint = Opret et opfølgningspunkt manuelt. Et opfølgningspunkt fra en beslutning oprettes fra dagsordenspunktet.
follow-up-create = Opret opfølgningspunkt
follow-up-created = Opfølgningspunktet er oprettet: { $text }
follow-up-offer-title = Tilføj punktet »Opfølgning«?
follow-up-offer-text = { $count ->
    [one] Udvalget har ét opfølgningspunkt, der ikke er lukket. Skal det på dagsordenen som punktet »Opfølgning«?
   *[other] Udvalget har { $count } opfølgningspunkter, der ikke er lukket. Skal de på dagsordenen som punktet »Opfølgning«?
}
follow-up-offer-legend = Opfølgningspunkter til dagsordenen
follow-up-offer-accept = { $count ->
    [one] Tilføj punktet med ét opfølgningspunkt
   *[other] Tilføj punktet med { $count } opfølgningspunkter
}
follow-up-offer-decline = Nej tak
follow-up-offer-open = Tilføj punktet »Opfølgning« …
follow-up-offer-added = Punktet »Opfølgning« er tilføjet dagsordenen.
item-follow-ups-listed-title = Opfølgningspunkter på dette punkt
item-follow-ups-answer-link = Besvar og luk punkterne i opfølgningslisten
item-follow-up-from-decision = Opret opfølgning fra beslutningen
item-follow-up-form-title = Opfølgning fra beslutningen
item-follow-up-created = Opfølgningspunktet er oprettet.
item-follow-ups-list-link = Gå til udvalgets opfølgning

## Positions over time
positions-link = Placeringer over tid
positions-title = Placeringer over tid: { $committee }
positions-crumb = Placeringer over tid
positions-intro = Sådan har udvalgets placeringer på { $set } flyttet sig fra møde til møde. Kun placeringer, der er vist for udvalget, tæller, og navne kun fra møder, der viste placeringerne med navn.
positions-empty = Udvalget har endnu ingen viste placeringer på de seks spørgsmål.
positions-occasions-title = Møder med placeringer
positions-occasion = { $meeting }, { $date }, punkt { $number }
positions-occasion-named = (med navne)
positions-legend-title = Navngivne deltagere
positions-extreme-left = Yderposition 1 (0): { $text }
positions-extreme-right = Yderposition 2 (100): { $text }
positions-towards-right = mod yderposition 2
positions-towards-left = mod yderposition 1
positions-unchanged = uændret
positions-none-for-question = Ingen viste placeringer på dette spørgsmål.
positions-room-once = Udvalgets median var { $median } ({ $date }); spørgsmålet er kun vist på ét møde.
positions-room-moved = Udvalgets median flyttede sig fra { $from } ({ $fromDate }) til { $to } ({ $toDate }): { $direction }.
positions-person-moved = { $name } flyttede sig fra { $from } til { $to }: { $direction }.
positions-person-once = { $name }: { $value } ({ $date }).
positions-figure-caption = En række pr. møde. ◆ er udvalgets median (forbundet fra møde til møde), det skraverede felt er den midterste halvdel af placeringerne, og de nummererede cirkler er navngivne deltagere. En stiplet linje: ingen viste placeringer.
positions-table-caption = Spørgsmål { $number }: tallene bag billedet
positions-col-occasion = Møde
positions-col-median = Udvalgets median
positions-col-middle = Midterste halvdel
positions-col-count = Placeringer
positions-col-skipped = Uden placering
positions-none-cell = –

# Backups and recovery (issue 6)
home-backups = Sikkerhedskopier
home-backups-hint = Se de automatiske sikkerhedskopier, tag en nu, eller gendan en.
backups-title = Sikkerhedskopier
backups-intro = Pejling tager selv en sikkerhedskopi, når programmet starter, før databasen opdateres til en ny version, og når et møde afsluttes. De ti nyeste gemmes, og derudover den nyeste fra hver tidligere måned. Når du gendanner, gemmes det nuværende arbejdsområde først som sikkerhedskopi.
backups-caption = Sikkerhedskopier, nyeste først
backups-none = Der er endnu ingen sikkerhedskopier.
backups-take-now = Tag en sikkerhedskopi nu
backups-taken = Sikkerhedskopien er taget ({ $time }).
backup-col-time = Tidspunkt
backup-col-reason = Anledning
backup-col-size = Størrelse
backup-col-action = Handling
backup-newest = nyeste
backup-size = { $kb } kB
backup-restore = Gendan
backup-restore-label = Gendan sikkerhedskopien fra { $time }
backup-restore-file = Gendan fra en fil …
backup-restore-confirm-title = Gendan sikkerhedskopien?
backup-restore-confirm-text = Arbejdsområdet bliver erstattet af sikkerhedskopien fra { $time }. Det nuværende arbejdsområde gemmes først som en sikkerhedskopi, så du kan gå tilbage til det.
backup-reason-start = Programmet startede
backup-reason-before-migration = Før opdatering af databasen
backup-reason-meeting-closed = Et møde blev afsluttet
backup-reason-before-restore = Før en gendannelse
backup-reason-manual = Taget manuelt
recovery-title = Arbejdsområdet kunne ikke åbnes
recovery-db-path = Databasen:
recovery-in-use-hint = Skift til det andet Pejling-vindue. Hvis det er lukket, så start Pejling igen.
recovery-kept-aside = Filen bliver ikke overskrevet: Når du gendanner eller starter forfra, lægges den til side med ».damaged-« og tidspunktet i navnet, så den kan undersøges senere.
recovery-newest-title = Den nyeste gode sikkerhedskopi
recovery-newest-text = Den nyeste sikkerhedskopi, der kan åbnes, er fra { $time }.
recovery-restore-newest = Gendan den nyeste sikkerhedskopi
recovery-no-backups = Der er ingen sikkerhedskopier, der kan åbnes.
recovery-all-title = Alle sikkerhedskopier, der kan åbnes
recovery-other-title = Andre muligheder
recovery-start-fresh = Start med et tomt arbejdsområde
recovery-start-fresh-confirm-title = Start med et tomt arbejdsområde?
recovery-start-fresh-confirm-text = Den fil, der ikke kunne åbnes, lægges til side og slettes ikke. Du begynder med et tomt arbejdsområde.
recovery-restored = Sikkerhedskopien fra { $time } er gendannet.
recovery-restored-file = Sikkerhedskopien er gendannet.
recovery-started-fresh = Et tomt arbejdsområde er startet; den gamle fil er lagt til side.

# The walk's live session panel (participants' own devices)
live-panel-title = Deltagernes egne enheder
live-panel-intro = Start en livesession, så deltagerne kan følge spørgsmålene og tage placering på deres egen telefon eller tablet. Den er slået fra, indtil du starter den, og kun enheder på samme netværk kan nå den.
live-panel-start = Start livesession
live-panel-stop = Stop livesession
live-panel-started = Livesessionen er startet.
live-panel-stopped = Livesessionen er stoppet.
live-panel-qr = QR-kode til { $url }
live-panel-url = Adresse
live-panel-code = Deltagerkode
live-panel-participants = Deltagere
live-panel-joined = tilsluttet
live-panel-not-joined = ikke tilsluttet
live-panel-answered = har svaret
live-panel-count = { $answered } af { $total } har svaret på spørgsmålet.
live-panel-other-meeting = Der kører en livesession for et andet møde.
live-panel-release = Frigiv navnet
live-panel-released = { $name } kan nu vælge sit navn igen på en anden enhed.
live-panel-address = Netværksadresse
live-panel-address-hint = Deltagernes telefoner og tablets skal være på det netværk, adressen hører til – normalt mødelokalets trådløse net.
live-panel-address-default = { $name } – { $address } (standard)
live-panel-address-option = { $name } – { $address }
live-panel-requests = Anmodninger om at deltage
live-panel-no-requests = Ingen venter på godkendelse.
live-panel-request = { $name } vil deltage
live-panel-request-device = { $device }, kl. { $time }
live-panel-approve = Godkend
live-panel-refuse = Afvis
live-panel-block = Bloker enheden
live-panel-approved = { $name } deltager nu.
live-panel-refused = Anmodningen fra { $name } er afvist.
live-panel-refuse-all = Afvis alle ({ $count })
live-panel-refused-all = { $count } anmodninger er afvist.
live-panel-blocked = Enheden { $device } er blokeret.
live-panel-joined-on = tilsluttet på { $device } kl. { $time }
live-panel-blocked-title = Blokerede enheder
live-panel-blocked-item = { $device }, blokeret kl. { $time }
live-panel-admit-all = Alle anmodninger godkendes automatisk. Det er kun sikkert på et lukket netværk.
live-panel-code-personal = Personlig kode
live-panel-code-new = Ny personlig kode
live-panel-code-for = Personlig kode: { $code } – kan bruges én gang i stedet for din godkendelse.
live-panel-code-given = Personlig kode til { $name }: { $code }.

# Meeting packages (.pejling files)
package-title = Mødepakke
package-text = Tag mødet med på en anden computer som én fil: dagsorden, spørgsmålssæt, deltagere og det, der er noteret. Det, der noteres på den anden computer, kan bagefter flettes ind her.
package-include-closed = Medtag lukkede punkter
package-export = Eksportér mødepakke
package-import = Importér mødepakke
package-merge-link = Flet mødepakke ind
package-locked = Referatet er godkendt og låst; der kan ikke laves eller flettes mødepakker.
package-cancelled = Annulleret. Intet er ændret.
package-saved = Mødepakken er gemt: { $path }
package-confirm-members = Importér og ret udvalgets medlemmer som anført
package-confirm-members-hint = Ændringerne af medlemmerne logføres under dit navn. Vælg kun dette, hvis mødepakken kommer fra udvalgets egen sekretær.
package-imported = Mødet »{ $title }« er importeret.
package-merge-title = Flet mødepakke ind
package-merge-intro = Vælg den mødepakke, der kommer tilbage fra den anden computer. Ændringer, der kun er lavet i mødepakken, flettes ind, som de er. Er det samme ændret begge steder, vælger du for hver konflikt, hvad der skal gælde.
package-back = Tilbage til { $title }
package-pick = Vælg mødepakke …
package-reviewed = Mødepakken er læst: { $changes ->
    [one] én ændring
   *[other] { $changes } ændringer
} og { $conflicts ->
    [one] én konflikt
   *[other] { $conflicts } konflikter
}.
package-merged = Flettet ind: { $applied ->
    [one] én ændring
   *[other] { $applied } ændringer
}, { $resolved ->
    [one] én konflikt
   *[other] { $resolved } konflikter
} afgjort.
package-source-title = Fra
package-source = Mødet »{ $meeting }«, eksporteret af { $person } på { $machine } { $when }.
package-other-meeting = Mødepakken hører til mødet »{ $title }«, ikke til dette møde. Den flettes ind i »{ $title }«.
package-changes-title = Ændringer i mødepakken ({ $count })
package-no-changes = Ingen ændringer, der kun er lavet i mødepakken.
package-mine = Her
package-theirs = Mødepakken
package-conflicts-title = Konflikter ({ $count })
package-no-conflicts = Ingen konflikter.
package-unresolved = { $count ->
    [one] Én konflikt mangler et valg.
   *[other] { $count } konflikter mangler et valg.
} Intet flettes ind, før alle er afgjort.
package-merge-submit = Flet ind
package-entity-note = Notat
package-entity-position = Placering
package-entity-question = Spørgsmål til forvaltningen
package-entity-attendance = Fremmøde
package-question = spørgsmål { $id }
package-none = (intet)
package-choice-mine = Behold versionen her
package-choice-theirs = Brug mødepakkens
package-choice-both = Behold begge
package-changed-by = Ændret af { $person } { $when }

## Who is writing (the person at this machine; every change is recorded under them)
identity-group = Hvem skriver
identity-writing-as = Du skriver som { $name } ({ $role })
identity-unknown = Hvem skriver? Ikke angivet
identity-set = Angiv navn
identity-change = Skift
identity-name = Dit navn
identity-role = Din rolle
identity-save = Gem
identity-saved = Du skriver nu som { $name } ({ $role }).
identity-first-title = Hvem arbejder ved denne computer?
identity-first-text = Alle ændringer i dagsordener og referater logføres med navn og rolle. Skriv dit navn og vælg din rolle; det kan altid ændres øverst på siden.


## Rammer og inspiration (the frameworks library)
fw-title = Rammer og inspiration
home-frameworks-hint = Gentoftes DIS-model og KL's barrierer, anbefalinger og cases – til inspiration, når udvalget sætter retning.
fw-intro = Gentofte Kommunes DIS-model, KL's inspirationskatalog om politisk deltagelse i digitalisering og KL's analyse af organiseringen af it og digitalisering. Brug dem, når udvalget sætter retning, forbereder et temamøde eller følger op.
fw-translation-note = De danske tekster er gengivet ordret efter kilderne; åbenlyse trykfejl er rettet. De engelske tekster er oversættelser.
fw-filters = Find i rammerne
fw-search-label = Søg i rammerne
fw-search-hint = Fx »pejlemærke«, »risiko« eller »Odense«. Der søges i overskrifter og tekst, på dansk og engelsk.
fw-filter-framework = Dokument
fw-filter-all-frameworks = Alle dokumenter
fw-filter-kind = Emne
fw-kind-all = Alle emner
fw-kind-principles = Principper
fw-kind-bearings = Pejlemærker
fw-kind-barriers = Barrierer
fw-kind-recommendations = Anbefalinger
fw-kind-cases = Cases fra kommunerne
fw-kind-sparring = Sparringsrummet
fw-kind-tools = Retning, opfølgning og værktøjer
fw-kind-models = Modeller, faser og spørgsmål
fw-kind-organisation = Organisering af it og digitalisering
fw-show-other = Vis den engelske oversættelse under den danske tekst
fw-other-label = Engelsk oversættelse
fw-print = Udskriv
fw-clear = Ryd søgning og filtre
fw-count = { $shown } af { $total } afsnit vises.
fw-none = Ingen afsnit matcher »{ $query }«.
fw-none-filters = Ingen afsnit passer til det valgte dokument og emne.
fw-contents = Indhold
fw-source = Kilde: { $source }
fw-where = Sted i kilden: { $where }
fw-good-advice = Et godt råd fra { $who }
fw-bad-advice = Et dårligt råd fra { $who }

## The case library in a temamøde's agenda
case-picker-title = Start et punkt fra en case
case-picker-hint = Punktet får casens overskrift og resumé og, som forberedelse, dens greb til inddragelse, hvad der er svært, og de gode og dårlige råd. Gennemgangen sættes op med de seks spørgsmål om politisk organisering. Læs casene i
case-picker-label = Case fra KL's katalog
case-picker-none = Vælg en case
case-picker-add = Tilføj punkt fra casen

## A committee's adopted principles and pejlemærker
adopted-title = Udvalgets principper og pejlemærker
adopted-hint = Sæt kryds ved de principper og pejlemærker fra Gentofte Kommunes DIS-model, som udvalget har vedtaget. Ændringen gemmes med det samme og logføres. Teksterne står i
adopted-announce-on = Vedtaget: { $title }
adopted-announce-off = Ikke længere vedtaget: { $title }
own-title = Udvalgets egne principper og pejlemærker
own-hint = Skriv udvalgets egne principper og pejlemærker på samme måde som Gentoftes: en overskrift og en tekst. De gælder for udvalget, når de er skrevet, og pejlemærkerne kan vælges på dagsordenspunkterne. Alt gemmes af sig selv og logføres.
own-kind-principle = Egne principper
own-kind-bearing = Egne pejlemærker
own-none-principle = Udvalget har ikke skrevet egne principper.
own-none-bearing = Udvalget har ikke skrevet egne pejlemærker.
own-new-principle = Overskrift på et nyt princip
own-new-bearing = Overskrift på et nyt pejlemærke
own-add-principle = Tilføj princip
own-add-bearing = Tilføj pejlemærke
own-field-title = Overskrift
own-field-text = Tekst
own-delete = Slet
own-delete-confirm-title = Slet udvalgets eget princip eller pejlemærke?
own-delete-confirm-text = »{ $title }« slettes fra udvalgets liste. Dagsordenspunkter, der er vurderet i forhold til det, nævner det fortsat, og logbogen gemmer teksten.
own-delete-confirm = Slet
own-added = Tilføjet: { $title }
own-deleted = Slettet: { $title }

## The pejlemærker an agenda item is weighed against
item-bearings-legend = Pejlemærker, punktet vurderes i forhold til
item-bearings-hint = Vælg blandt de pejlemærker, udvalget har vedtaget eller skrevet selv. De vises under gennemgangen, på storskærmen og i dagsorden og referat.
item-bearings-none = Udvalget har endnu ikke vedtaget eller skrevet pejlemærker. Det gøres på udvalgets side.
item-bearings-no-longer = ikke længere vedtaget af udvalget
item-bearings-own = udvalgets eget
item-bearings-on = Punktet vurderes nu i forhold til: { $title }
item-bearings-off = Punktet vurderes ikke længere i forhold til: { $title }
walk-bearings = Pejlemærker for punktet
room-bearings = Pejlemærker

## KL's five recommendations on a project
project-reco-title = KL's fem anbefalinger
project-reco-hint = Sæt kryds, når projektet har fulgt en anbefaling, og skriv kort hvordan. Krydset gemmes med det samme, noten når du forlader feltet. Anbefalingerne står i
project-reco-read = Læs anbefalingen
project-reco-note = Note til »{ $title }«
project-reco-saved = Gemt: { $title }

## Bilag
bilag-title = Bilag
bilag-hint = Vedhæft med knappen, eller træk filer hen på listen. Bilag kan være { $types } – højst { $max } MB pr. bilag.
bilag-locked = Referatet er godkendt: bilagene er en del af referatet og kan ikke ændres.
bilag-none = Punktet har ingen bilag.
bilag-attach = Vedhæft fil …
bilag-attaching = Vedhæfter …
bilag-attached = { $count ->
    [one] Et bilag er vedhæftet.
   *[other] { $count } bilag er vedhæftet.
}
bilag-too-large = »{ $file }« er for stor. Et bilag må højst fylde { $max } MB.
bilag-number = Bilag { $number }.
bilag-number-title = Bilag { $number }. { $title }
bilag-field-title = Titel
bilag-field-document-number = Dokumentnummer
bilag-field-document-number-hint = Fra ESDH, fx 2188929 - EMN-2018-00874
bilag-field-closed = Lukket bilag (udelades af den offentlige udgave)
bilag-show = Vis
bilag-open-external = Åbn i program
bilag-move-up = Flyt op
bilag-move-down = Flyt ned
bilag-remove = Fjern
bilag-remove-confirm = Fjern bilaget »{ $title }«?
bilag-removed = Bilaget »{ $title }« er fjernet.
bilag-moved = »{ $title }« er nu bilag { $number }.
bilag-size-kb = { $size } kB
bilag-size-mb = { $size } MB
bilag-pages = { $pages ->
    [one] 1 side
   *[other] { $pages } sider
}
bilag-type-pdf = PDF
bilag-type-docx = Word
bilag-type-xlsx = Excel
bilag-type-pptx = PowerPoint
bilag-type-png = PNG-billede
bilag-type-jpeg = JPEG-billede
bilag-page-of = Side { $page } af { $pages }: { $title }
bilag-pages-shown = Viser { $shown } af { $pages } sider
bilag-close-viewer = Luk visningen
bilag-show-failed = Bilaget kunne ikke vises. Prøv »Åbn i program«.
export-combined-agenda = Samlet dagsorden (PDF med bilag)
search-in-bilag = i bilag »{ $title }«, side { $page }
package-entity-attachment = Bilag
# Two rounds, reasons, points, timeboxes.
rounds-title = Første og anden runde
rounds-median-shift = Medianen flyttede sig { $shift } point: fra { $before } til { $after }.
rounds-spread = Midterste halvdel før: { $q1a }–{ $q3a } (bredde { $iqra }); efter: { $q1b }–{ $q3b } (bredde { $iqrb }).
rounds-moves = Hver deltagers flytning fra første til anden runde
rounds-move = { $from } → { $to }
reasons-title = Begrundelser
position-round = { $round ->
    [2] Anden runde (efter drøftelsen)
   *[other] Første runde
}
position-round-two-start = Start anden runde
position-round-two-hint = Anden runde tages efter drøftelsen. Første runde gemmes, og alle placerer sig igen skjult.
position-round-two-started = Anden runde er startet. Placeringerne fra første runde er gemt.
position-first-round-answered = Første runde: { $answered } svarede.
position-reason = Begrundelse for { $name }
position-reason-placeholder = Kort begrundelse (frivillig)
points-title = Punkter fra deltagerne
points-hint = Deltagerne sender punkter fra deres telefon. Vis dem på storskærmen uden navn, slå dubletter sammen, eller gør et punkt til et spørgsmål til forvaltningen.
points-none = Ingen punkter endnu.
points-add = Tilføj punkt
points-add-label = Nyt punkt (skrevet af sekretæren)
points-show = Vis på storskærm
points-shown = Vises på storskærm
points-hide = Tag af storskærm
points-merge = Slå sammen med …
points-merge-label = Slå punktet sammen med
points-merge-none = Ikke slået sammen
points-merged-into = Dublet af: { $text }
points-duplicates = { $count ->
    [one] 1 har sendt det samme
   *[other] { $count } har sendt det samme
}
points-to-question = Gør til spørgsmål til forvaltningen
points-is-question = Er spørgsmål til forvaltningen
points-delete = Slet
points-from = fra { $name }
points-arrived = Nyt punkt: { $text }
timebox-label = Tidsramme (minutter)
timebox-none = Ingen tidsramme
timebox-remaining = { $minutes } min. tilbage
timebox-over = Tiden er gået
timebox-planned-used = Tid: { $planned } min. planlagt, { $used } min. brugt
timebox-used = Tid brugt: { $used } min.
reasons-title-first = Begrundelser i første runde
reasons-title-second = Begrundelser i anden runde
positions-first-round = første runde: { $median }
