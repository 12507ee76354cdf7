# Pejling core messages (errors, labels used by the CLI and the documents). English.

## Errors
error-not-found = { $entity } no. { $id } does not exist or has been deleted.
error-database-too-new = The database was written by a newer version of Pejling (schema version { $found }); this version reads at most version { $supported }. Update Pejling to open it. The file has not been changed.
error-not-a-pejling-database = The file { $path } is not a Pejling database, or it is damaged. It has not been changed.
error-database-other-program = The file { $path } is not a Pejling database: it is another program's database. It has not been changed.
error-database-not-sqlite = The file { $path } is not a Pejling database: it is not a database at all (random data, another kind of file, or a database damaged from its very start). It has not been changed.
error-database-damaged = The file { $path } is not a Pejling database that can be opened: it is damaged. SQLite found errors in it, so it may be cut short or partly overwritten. It has not been changed.
error-file-missing = The file { $path } does not exist.
error-storage = The change could not be saved in the database. Nothing was changed. (Technical detail: { $detail })
error-io = The file could not be read or written. (Technical detail: { $detail })
error-text-too-long = The text is too long: { $length } characters, at most { $max }.
error-text-control = The text contains an invalid control character.
error-name-empty = Enter a name. The name cannot be empty.
error-title-empty = Enter a title. The title cannot be empty.
error-time-empty = Enter a date and time.
error-time-invalid = "{ $value }" is not a valid date and time (e.g. 2026-02-22T18:00).
error-end-before-start = The end time must be after the start time.
error-start-after-end = The meeting must start before its planned end.
error-adjourned-before-began = The meeting cannot have been adjourned ({ $adjourned }) before it began ({ $began }).
error-committee-name-taken = A committee named "{ $name }" already exists.
error-committee-has-meetings = { $count ->
    [one] The committee has one meeting and cannot be deleted. Delete the meeting first if that is what you mean.
   *[other] The committee has { $count } meetings and cannot be deleted. Delete the meetings first if that is what you mean.
}
error-member-exists = The person is already a member of the committee.
error-meeting-locked = The minutes of "{ $title }" are approved and locked. They cannot be changed.
error-status-step = The status cannot change from "{ $from }" to "{ $to }". A meeting moves one step forward or one step back at a time.
error-workspace-is-open = The workspace is open and sound; it is not set aside.
error-approve-not-closed = The minutes can be approved only after the meeting is closed.
error-approve-via-approval = Minutes are approved by the chair or a member approving them; the status cannot be set directly.
error-approver-not-member = Minutes are approved by the chair or a member of the committee.
error-already-approved = { $name } has already approved the minutes.
error-minutes-changed-since-approval = The minutes have changed since they were approved. Run "pejling verify" and contact whoever is responsible for the database.
error-amend-field = The field "{ $field }" cannot be amended.
error-amend-reason = Give a reason for the amendment.
error-amend-not-approved = Only approved minutes are corrected by an amendment; before approval they are edited directly.
error-too-many-committees = The workspace holds at most { $max } committees. Delete a committee that is not used before you create a new one.
error-too-many-members = A committee has at most { $max } members.
error-too-many-meetings = A committee has at most { $max } meetings.
error-too-many-items = An agenda has at most { $max } items.
error-too-many-guests = A meeting has at most { $max } guests.
error-too-many-questions = An item has at most { $max } questions to the administration.
error-too-many-amendments = Minutes have at most { $max } amendments.
error-database-in-use = The database { $path } is already open in another Pejling window. Use that window, or close it first.

## Things
entity-committee = Committee
entity-member = Member
entity-person = Person
entity-meeting = Meeting
entity-agenda_item = Agenda item

## Committee kinds
committee-kind-standing = Standing committee
committee-kind-task = Task committee (section 17(4) of the Local Government Act)
committee-kind-finance = Finance committee
committee-kind-council = Municipal council
committee-kind-other = Other

## Roles
role-chair = Chair
role-vice-chair = Vice chair
role-member = Member
role-citizen-member = Citizen member
role-secretary = Secretary
role-official = Official

## Meetings
meeting-kind-ordinary = Ordinary meeting
meeting-kind-theme = Theme meeting
meeting-status-draft = Draft
meeting-status-agenda-sent = Agenda sent
meeting-status-in-progress = In progress
meeting-status-closed = Closed
meeting-status-minutes-approved = Minutes approved
openness-open = Open
openness-closed = Closed

## Agenda item fields
field-case-id = Case ID
field-summary = Summary
field-background = Background
field-recommendation = Recommendation
field-previous-decisions = Previous decisions
field-decision = Decision
field-meeting-time = Time
field-meeting-place = Place
field-planned-end = Planned end

## Documents
doc-minutes-title = Minutes of the meeting of { $committee }
doc-agenda-title = Agenda for the meeting of { $committee }
doc-toc = Contents
doc-mandate = The committee's terms of reference
doc-decisions = Decisions:
doc-previous-decisions = Previous decisions:
doc-decision-meeting = Meeting of { $committee } on { $date }
doc-date-time = { $day }/{ $month }/{ $year } { $hour }:{ $minute }
doc-page = Page
doc-page-of = of
doc-approvals = Approval
doc-approved-by = Approved by { $name } ({ $role }) on { $at }
doc-amendments = Amendments after approval
doc-amendment = { $field } amended to: “{ $text }” – reason: { $reason } ({ $by } on { $at })
doc-fingerprint = Checksum (SHA-256)
doc-closed-left-out = This item was dealt with in closed session and is not reproduced in the public version.
doc-began = The meeting began at:
doc-adjourned = The minutes were read and the meeting adjourned at:
doc-also-present = Also present
doc-walk = Theme discussion
doc-walk-case-technology = Technology
doc-walk-case-problem = Problem
doc-walk-questions-to-administration = Questions to the administration
doc-walk-asked-by = (asked by { $name })
doc-positions = Number of positions: { $count }, median { $median }, interquartile range { $q1 }–{ $q3 }, from { $min } to { $max }.
doc-positions-none = Nobody took a position.
doc-positions-hidden = The positions were not shown to the committee.
doc-positions-named = Positions by name: { $list }
doc-positions-skipped = No position: { $reason }
doc-continua-six = Positions on the six questions
doc-continua-set = Positions on { $set }
doc-continua-description = The figure shows the committee's positions on each question on a scale from extreme position 1 (0) to extreme position 2 (100). Each dot is one position, the vertical line is the median, and the grey band covers the interquartile range (from the lower to the upper quartile).
doc-continua-row = { $question }: positions { $values }; median { $median }; interquartile range { $q1 }–{ $q3 }; from { $min } to { $max }.
doc-continua-left = Extreme position 1 (0)
doc-continua-right = Extreme position 2 (100)
doc-continua-legend-value = one position
doc-continua-legend-median = median
doc-continua-legend-quartiles = interquartile range
doc-continua-legend-bands = Grey cells: the interquartile range of the positions.
doc-continua-question = Question
doc-continua-values = Positions
doc-continua-median = Median
doc-continua-quartiles = Interquartile range
doc-continua-range = Range
error-typeset = The document could not be typeset: { $detail }

## CLI
cli-no-committees = No committees yet. Run "pejling demo" to create a demo workspace.
cli-no-meetings = No meetings.
cli-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
cli-meetings = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}
cli-items = { $count ->
    [one] { $count } item
   *[other] { $count } items
}
cli-demo-created = The demo workspace was created: { $name } (committee no. { $id }).
cli-agenda = Agenda
cli-item-heading = { $number } ({ $openness }) { $title }
cli-database = Database: { $path }
cli-error = Error: { $message }

cli-backup-written = The backup was written: { $path }
cli-restored = The database was restored from { $from }.
cli-restore-saved = The previous database was saved as { $path }.
cli-verify-unchanged = The minutes are unchanged since approval.
cli-verify-changed = WARNING: The minutes have changed since approval.
cli-verify-not-approved = The minutes are not approved yet.
cli-verify-failed = the minutes do not match what was approved.
cli-verify-not-approved-short = the minutes are not approved.

cli-fingerprint-approved = SHA-256 at approval: { $value }
cli-fingerprint-now = SHA-256 now:         { $value }
error-unknown-document = Unknown document "{ $what }": use referat or dagsorden.
error-unknown-format = Unknown format "{ $format }": use pdf, pdfa, docx, html, md or ics.
cli-exported = Written: { $path } ({ $bytes } bytes)
cli-bench-data-written = The benchmark archive was written: { $path } ({ $items } agenda items, { $meetings } meetings, { $committees } committees) in { $seconds } s.
cli-questions = { $count } questions
cli-question-set-built-in = built in
cli-question-set-imported = imported { $at }
cli-question-set-import-done = The question set "{ $title }" ({ $id } version { $version }, { $count } questions) was imported.
cli-walk-case-technology = Technology
cli-walk-case-problem = Problem
cli-walk-no-plan = The item has no questions for the theme meeting yet.
cli-walk-extreme-left = Extreme position 1 (0): { $text }
cli-walk-extreme-right = Extreme position 2 (100): { $text }
cli-walk-note = Note
cli-walk-questions-to-administration = Questions to the administration
cli-walk-asked-by = asked by { $name }
cli-walk-positions-hidden = Positions: hidden, { $answered } of { $participants } have answered
cli-walk-positions = Positions: median { $median }, quartiles { $q1 } to { $q3 }, from { $min } to { $max } ({ $count } positions)
cli-walk-positions-none = Positions: no positions ({ $answered } of { $participants } have answered)
cli-walk-skipped = No position: { $reason }

## Dates: "22 February 2018, 18:00"
date-time = { $day } { $month } { $year }, { $hour }:{ $minute }
date = { $day } { $month } { $year }
time = { $hour }:{ $minute }
month-1 = January
month-2 = February
month-3 = March
month-4 = April
month-5 = May
month-6 = June
month-7 = July
month-8 = August
month-9 = September
month-10 = October
month-11 = November
month-12 = December

## The guided temamøde (walk): question sets, walk plans, attendance, positions, follow-ups
error-question-set-invalid = The question set cannot be read: line { $line }: { $problem }
error-question-set-too-large = The file is too large to be a question set: { $size } bytes, at most { $max } bytes.
error-question-set-too-many-questions = The question set cannot be read: line { $line }: the set has more than { $max } questions.
error-question-set-not-utf8 = The question set cannot be read: line { $line }: the file is not saved as UTF-8 text. Save it as UTF-8 in the text editor and try again.
error-question-set-schema = The question set cannot be read: line { $line }: schema version { $found } is unknown; this version of Pejling reads schema version { $supported }.
error-question-set-id = The question set cannot be read: line { $line }: "{ $id }" is not a valid id. Use lowercase letters a-z, digits and hyphens, e.g. "my-questions-1".
error-question-set-version = The question set cannot be read: line { $line }: the version must be a whole number from 1 up, not { $version }.
error-question-set-duplicate-id = The question set cannot be read: line { $line }: the id "{ $id }" is used more than once. Every group and every question needs its own id.
error-question-set-no-groups = The question set cannot be read: line { $line }: the set has no groups ([[groups]]).
error-question-set-empty-group = The question set cannot be read: line { $line }: the group "{ $id }" has no questions ([[groups.questions]]).
error-question-set-empty-text = The question set cannot be read: line { $line }: the Danish text (da) is empty.
error-question-set-text-too-long = The question set cannot be read: line { $line }: the text is too long: { $length } characters, at most { $max }.
error-question-set-missing-extreme = The question set cannot be read: line { $line }: the question "{ $id }" has no { $extreme }. A continuum question has two extreme positions, extreme_left and extreme_right.
error-question-set-extreme-not-continuum = The question set cannot be read: line { $line }: the question "{ $id }" has an extreme position, but only sets with kind = "continuum" have extreme positions.
error-question-set-phase-number = The question set cannot be read: line { $line }: the phase "{ $id }" needs a number that no other phase in the set has.
error-question-set-number-not-phase = The question set cannot be read: line { $line }: the question "{ $id }" has a number, but only sets with kind = "phases" have numbers.
error-question-set-conflict = The question set "{ $id }" version { $version } already exists with different content. Give the changed set a higher version number.
error-question-set-not-found = The question set "{ $id }" version { $version } does not exist.
error-walk-question-not-in-set = "{ $question }" is neither a group nor a question of the question set "{ $id }".
error-walk-duplicate-step = The question "{ $question }" is chosen more than once for the item.
error-walk-two-versions = An item can use only one version of the question set "{ $id }".
error-walk-step-has-data = The question "{ $question }" already has notes, positions or questions to the administration, so it cannot be removed from the item or change version. Delete them first if that is what you want.
error-walk-step-out-of-range = The item has no step { $step }; it has { $count } steps.
error-walk-item-not-in-meeting = The agenda item does not belong to this meeting.
error-walk-not-continuum = Step { $step } is not a question with extreme positions, so no position can be taken.
error-not-participant = The person is not a member of the committee and is not recorded at the meeting.
error-not-present = { $name } is not recorded as present.
error-position-not-politician = { $name } does not take part in the meeting as a politician and takes no position.
error-position-value = A position is a number from 0 to 100, not { $value }.
error-position-skip-reason = Give a reason when no position is taken.
error-question-empty = Write the question. It cannot be empty.
entity-follow_up = Follow-up item
entity-meeting_guest = Guest
question-set-kind-questions = Questions
question-set-kind-continuum = Continuum with extreme positions
question-set-kind-phases = Phases
attendance-present = Present
attendance-absent = Absent
attendance-apologies = Sent apologies
follow-up-status-open = Open
follow-up-status-in-progress = In progress
follow-up-status-answered = Answered
follow-up-status-closed = Closed
walk-where = { $group } · question { $number } of { $count }
search-kind-committee = Committee
search-kind-meeting = Meeting
search-kind-agenda-item = Agenda item
search-kind-note = Note
search-kind-follow-up = Follow-up item
cli-search-none = Nothing found for "{ $query }".
cli-search-item = item { $number }

## Follow-up items across meetings (opfølgning); positions over time
error-follow-up-text-empty = Write what is to be followed up. The text must not be empty.
error-date-invalid = "{ $value }" is not a valid date (e.g. 2027-03-01).
error-follow-up-other-committee = The meeting or agenda item belongs to another committee than the follow-up item.
error-follow-up-text-locked = The question is quoted in approved minutes, so its text cannot change. Owner, due date, status and answer can still change.
error-follow-up-delete-locked = The question is quoted in approved minutes and cannot be deleted. Close it instead.
error-follow-up-answer-empty = Write the answer before marking the item as answered.
error-follow-up-none-chosen = Choose at least one follow-up item for the agenda.
follow-up-origin-question = Question to the administration
follow-up-origin-decision = Decision
follow-up-origin-manual = Created manually
follow-up-agenda-title = Follow-up
follow-up-agenda-intro = Status of the committee's follow-up items:
follow-up-agenda-owner = Owner: { $owner }.
follow-up-agenda-due = Due: { $date }.
follow-up-agenda-status = Status: { $status }.
follow-up-agenda-from-item = From { $meeting } { $date }, item { $number }.
follow-up-agenda-from-meeting = From { $meeting } { $date }.
cli-follow-ups-none = The committee has no follow-up items.
cli-follow-ups-heading = Follow-up: { $pending } open, { $overdue } overdue, { $answered } answered since the last meeting
cli-follow-up-overdue = overdue
cli-follow-up-answered-since = answered since the last meeting
cli-positions-none = No revealed positions on { $set } in the committee's meetings.
cli-positions-median = the committee's median

## The annual cycle (årshjul) and digitalisation projects
entity-cycle_entry = Recurring meeting in the annual cycle
entity-project = Project
entity-project_link = Link to a meeting
search-kind-project = Project
error-cycle-range = The value { $value } is out of range: from { $min } to { $max }.
error-cycle-time-empty = Give a time of day (e.g. 17:00).
error-cycle-time-invalid = "{ $value }" is not a valid time of day. Write it as HH:MM, e.g. 17:00.
error-cycle-end-before-start = The end time must be after the start time.
error-cycle-day-not-in-month = The month never has { $day } days; at most { $max }.
error-cycle-year = The year { $year } cannot be planned; choose a year from { $min } to { $max }.
error-committee-has-projects = { $count ->
    [one] The committee follows one project and cannot be deleted. Move the project to another committee or delete it first.
   *[other] The committee follows { $count } projects and cannot be deleted. Move the projects to another committee or delete them first.
}
error-project-phase-unknown = There is no phase { $phase }; the phases run from 0 to { $last }.
error-project-phase-skip = Write in the note why the project skips from phase { $from } to phase { $to }. The phases may overlap in practice, but a phase that is skipped must show in the history. Without a reason the project moves on to the next phase, phase { $next }.
error-project-item-not-in-meeting = The agenda item does not belong to the meeting "{ $meeting }".
error-project-link-exists = The meeting or item is already linked to phase { $phase } of the project.
cli-no-cycle = The committee has no recurring meetings in its annual cycle yet.
cli-cycle-heading = Annual cycle { $year }
cli-cycle-made = created: meeting no. { $id }
cli-cycle-not-made = not created
cli-cycle-created = { $count ->
    [one] One meeting was created for { $year }.
   *[other] { $count } meetings were created for { $year }.
}
cli-cycle-already = { $count ->
    [one] One recurring meeting already had its meeting for { $year }.
   *[other] { $count } recurring meetings already had their meeting for { $year }.
}
cli-no-projects = No projects yet.
cli-project-phase = Phase { $number }: { $name }
cli-project-stakeholders = Stakeholders
cli-project-learnings = What we learned
cli-project-links = Meetings and decisions
cli-project-history = History
cli-project-created = created in phase { $to }
cli-project-moved = from phase { $from } to phase { $to }
cli-project-current = the project stands here

# Live session (participants' own devices; the page's own texts are in live.ftl)
error-live-running = A live session is already running for another meeting. Stop it first.
error-live-no-database = A live session needs a database in a file.
error-live-ended = The live session has stopped.
error-live-no-request = The device no longer asks to take part. It may have withdrawn the request, or it has already been decided.
error-live-name-taken = The name is already taken on another device. Release it first if that is the wrong device.
error-live-address = The live session cannot listen on { $address }. Choose one of this machine's network addresses.
error-live-not-participant = Only the politicians present can take part in the live session.

# Meeting packages (.pejling files)
error-package-not-a-package = The file is not a Pejling meeting package.
error-package-too-new = The meeting package was written by a newer Pejling (format { $found }); this version reads format { $supported }. Update Pejling.
error-package-too-large = The file is too large to be a meeting package (at most { $max_mb } MB).
error-package-damaged = The meeting package is damaged or incomplete ({ $detail }). Nothing was imported.
error-package-damaged-line = The meeting package is damaged at line { $line } ({ $detail }). Nothing was imported.
error-package-already-imported = The meeting "{ $title }" is already here. Merge the package into it instead of importing it again.
error-package-meeting-unknown = The meeting "{ $title }" in the package is not here. Import the package instead of merging it.
error-package-meeting-locked = The minutes of "{ $title }" are approved and locked; no package is made of them.
error-package-merge-locked = The minutes of "{ $title }" are approved and locked. The package cannot be merged.
error-package-unresolved = { $count ->
    [one] One conflict is not resolved: { $keys }. Choose which value holds. Nothing was merged.
   *[other] { $count } conflicts are not resolved: { $keys }. Choose for each conflict which value holds. Nothing was merged.
}
error-package-merge-unmatched = The package names something this meeting does not have ({ $what }). Nothing was merged.
cli-package-exported = The meeting package is saved: { $path }
cli-package-imported = The meeting "{ $title }" was imported (id { $id }).
cli-package-merged = Merged: { $applied ->
    [one] 1 change
   *[other] { $applied } changes
}, { $resolved ->
    [one] 1 conflict
   *[other] { $resolved } conflicts
} resolved.
cli-package-conflicts = { $count ->
    [one] One conflict must be resolved with --resolve KEY=mine|theirs|both or --all mine|theirs|both:
   *[other] { $count } conflicts must be resolved with --resolve KEY=mine|theirs|both or --all mine|theirs|both:
}
error-package-choice = Invalid choice "{ $value }": use KEY=mine, KEY=theirs or KEY=both.
error-package-none-pending = First choose the meeting package to merge.

# A record nobody can quietly break (restore, schema, approval snapshot, who is writing)
error-database-schema-changed = The file { $path } cannot be opened: its structure (schema) was changed outside Pejling, for example with another database program. Such a change can hide or delete changes to minutes and to the log, so the file is not used. It has not been changed. Restore the newest good backup.
error-restore-database-in-use = The database { $path } is open in another Pejling (the app or "pejling serve"). Close it first; a backup is restored only when nobody else uses the database. Nothing was changed.
error-identity-role = "{ $value }" is not a role Pejling knows. Use secretary, chair, vice chair, member, citizen member or official.
error-identity-file = The file { $path } with the name and role on this machine cannot be read. Enter the name and role again.
error-package-changes-members = The meeting package would change the members of the committee "{ $committee }": { $changes }. Nothing was imported. Import again with confirmation if the change is intended.
error-approver-unknown = Nobody on the committee is called "{ $name }". The minutes are approved by the chair or a member of the committee.
error-approver-ambiguous = Several people on the committee are called "{ $name }". Write the name as it stands on the member list.
error-approver-role = { $name } is { $actual } on the committee, not { $given }.
error-snapshot-altered = The stored snapshot of the approved minutes does not match its fingerprint. It was changed outside Pejling.
cli-approved = The minutes were approved by { $name } ({ $role }).
cli-verify-differs = Differences from the approved minutes:
cli-verify-renamed = Names changed since approval (the minutes show the names as they were):
cli-audit-via-package = via meeting package from { $source }, written by { $author }, merged by { $merged_by }
package-member-added = { $name } would be added as { $role }
package-member-role = { $name } would change from { $from } to { $to }
cli-identity = This machine: { $name } ({ $role }).
cli-identity-none = No name and role have been given on this machine yet. Give them with "pejling --role ROLE identity --name NAME" or in the app.
error-identity-role-missing = Give a role too with --role: secretary, chair, vice chair, member, citizen member or official.

## The case library: an agenda item started from one of KL's cases
error-framework-case-not-found = There is no case "{ $id }" in "{ $framework }".
case-item-preparation = For preparation – from KL's inspiration catalogue on political participation in digitalisation:
case-item-good-advice = A good piece of advice from { $who }:
case-item-bad-advice = A bad piece of advice from { $who }:
case-item-source = Source: { $source }.
error-framework-not-adoptable = "{ $id }" in "{ $framework }" is neither a political principle nor a bearing (pejlemærke) and cannot be adopted by a committee.
error-project-recommendation-unknown = "{ $id }" is not one of KL's five recommendations.

## Bilag (attachments)
error-attachment-too-large = The file is too large for an attachment. An attachment may be at most { $max } MB.
error-attachment-empty = The file "{ $file }" is empty.
error-attachment-no-file = The file "{ $file }" does not exist or is not a file.
error-attachment-type = "{ $file }" cannot be attached. Attachments may be { $types }.
error-attachment-type-mismatch = "{ $file }" is named as { $expected }, but its content is { $found }. Rename the file or choose the right one.
error-attachment-not-that-type = "{ $file }" is named as { $expected }, but its content is not a { $expected } file. The file may be damaged.
error-attachment-file-damaged = The attachment's file ({ $sha }…) was changed or damaged on disk and is not shown. Restore a backup.
error-attachment-file-missing = The attachment's file ({ $sha }…) is missing from the workspace. Restore a backup.
error-too-many-attachments = An item may have at most { $max } attachments.
text-state-pending = Reading the text …
text-state-text = The text is searchable
text-state-no-text-layer = PDF without a text layer (scanned) – its text cannot be searched
text-state-encrypted = Encrypted PDF – its text cannot be read
text-state-damaged = The file could not be read
text-state-not-extracted = Its content is not searched
text-state-too-large = The text was too large or took too long to read
doc-attachments = Attachments
doc-attachment-closed = (Closed attachment)
doc-attachments-for-item = Attachments to item { $number }: { $title }
doc-combined-agenda = Combined agenda
doc-attachment-not-embedded = { $type } file, not included – see the attachment
doc-attachment-page = Attachment { $number }: { $title }

search-kind-attachment = Attachment

cli-attached = Attachment { $number } attached (id { $id }): { $title } · { $state }
cli-no-attachments = The meeting has no attachments.
cli-detached = Attachment { $id } was removed.
cli-search-attachment = attachment "{ $title }", page { $page }
error-combined-pdf-only = The combined agenda is only available as PDF (not { $format }).
# Two rounds, reasons, points, timeboxes (the deliberation).
entity-walk_point = Point
error-round-two-started = The second round has already begun on this question.
error-round-one-empty = Nobody has taken a position in the first round yet, so the second round cannot begin.
error-reason-no-position = Take a position before writing a reason.
error-timebox-minutes = A timebox is from 1 to 240 minutes, not { $minutes }.
error-point-not-here = Points cannot be sent at step { $step }. Points belong to a perspective with "What do you want to shed light on?".
error-point-empty = Write the point. It cannot be empty.
error-too-many-points = The item already has the most points that can be stored.
error-point-merge = The point cannot be merged with the chosen point.
error-point-already-question = The point has already been made a question to the administration.
continuum-side-left = Nearest extreme position 1
continuum-side-middle = In the middle
continuum-side-right = Nearest extreme position 2
doc-positions-first-round = First round (before the discussion): { $count } positions, median { $median }, interquartile range { $q1 }–{ $q3 }.
doc-positions-shift = The median moved { $shift } points, from { $before } to { $after }; the interquartile range went from { $iqr_before } to { $iqr_after }.
doc-positions-moves = Moves from the first to the second round: { $list }
doc-positions-reasons = Reasons – { $side }: { $list }
doc-walk-points = Points (What do you want to shed light on?): { $list }
doc-walk-time = Time: { $planned } min planned, { $used } min used.
doc-positions-reasons-first = Reasons in the first round – { $side }: { $list }
entity-committee_own_entry = The committee's own principle or bearing
error-too-many-own-entries = A committee can have at most { $max } principles and bearings of its own.
error-item-bearing-not-adopted = The bearing has not been adopted by the committee and cannot be chosen for the item. Adopt it first on the committee's page.
doc-bearings = Bearings (pejlemærker)
doc-bearings-intro = The item is weighed against these bearings:
