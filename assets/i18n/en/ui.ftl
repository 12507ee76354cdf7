# Pejling – user interface text (English).
# Same keys as da/ui.ftl; a test compares the keys.

## Frame

app-name = Pejling
window-title = { $title } – Pejling
skip-to-main = Skip to main content
breadcrumbs-label = You are here
nav-committees = Committees
language-menu = Language
language-da = Dansk
language-en = English
high-contrast = High contrast
loading = Loading …
load-failed-title = Something went wrong
error-prefix = Error:
error-unexpected = An unexpected error occurred. Technical message: { $detail }
field-required = (required)
autosave-hint = Your changes are saved automatically as you type.
save-saving = Saving…
save-saved = All changes saved
save-error = Not saved: { $message }
dialog-cancel = Cancel
col-actions = Actions

## Search (the one search box and its results)

search-label = Search everything
search-placeholder = Search committees, meetings, items and notes (Ctrl+K)
search-submit = Search
search-title = Search
search-title-query = Search: “{ $query }”
search-crumb = Search
search-count = { $count ->
    [0] No results.
    [one] One result.
   *[other] { $count } results.
}
search-count-max = The first { $count } results. Type more words to narrow the search.
search-empty-query = Type one or more words in the search box at the top. Shortcut: Ctrl+K, or / when you are not typing in a field.
search-none-hint = Try another or shorter word. The search also finds parts of words, e.g. “committee” in “subcommittee”.
search-where-meeting = Meeting: { $title }
search-where-committee = Committee: { $name }
search-closed = Closed item
search-part-of-word = Found as part of a word.
search-did-you-mean = Did you mean: { $query }?

## Dates

date = { $day } { $month } { $year }
datetime = { $day } { $month } { $year }, { $hour }:{ $minute }
datetime-none = Not set
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

## Counts

count-members = { $count ->
    [one] { $count } member
   *[other] { $count } members
}
count-meetings = { $count ->
    [one] { $count } meeting
   *[other] { $count } meetings
}

## Welcome

welcome-title = Welcome to Pejling
welcome-text = Pejling helps chairs and secretaries of municipal committees prepare meetings and agendas – including theme meetings on digitalisation.
welcome-text-2 = Everything is saved automatically on your own computer as you type, and nothing is sent over the internet.
welcome-demo = Create demo workspace
welcome-demo-busy = Creating demo workspace …
welcome-demo-hint = The demo workspace holds an invented task committee with members, terms of reference, an annual cycle, a year of meetings with approved minutes and a coming theme meeting. You are free to change or delete all of it.
welcome-empty = Start with an empty workspace

## Committees

committees-title = Committees
committees-empty = There are no committees yet. Create the first one below.
committee-new-title = New committee
committee-create = Create committee
committee-field-name = Name
committee-field-kind = Committee type
committee-field-description = Description
committee-field-mandate = Terms of reference
committee-mandate-hint = The committee's task as the council has worded it. The terms of reference are printed in agendas and minutes.
committee-info-title = About the committee
committee-not-found = The committee does not exist
committee-kind-standing = Standing committee
committee-kind-task = Task committee (section 17(4) of the Local Government Act)
committee-kind-finance = Finance committee
committee-kind-council = Municipal council
committee-kind-other = Other
committee-delete-title = Delete committee
committee-delete-text = The committee is deleted together with its list of members. The people are kept, so they can sit on other committees.
committee-delete = Delete committee …
committee-delete-blocked = { $count ->
    [one] The committee has 1 meeting and cannot be deleted. Delete the meeting first if that is what you intend.
   *[other] The committee has { $count } meetings and cannot be deleted. Delete the meetings first if that is what you intend.
}
committee-delete-confirm-title = Delete the committee?
committee-delete-confirm-text = “{ $name }” will be deleted together with its list of members. This cannot be undone.
committee-delete-confirm = Delete committee

## Members

members-title = Members
members-empty = The committee has no members yet.
member-col-name = Name
member-col-role = Role
member-col-party = Party
member-name-label = Name of { $name }
member-role-label = Role of { $name }
member-party-label = Party of { $name }
member-party-hint = May be empty, e.g. for citizen members.
member-add-title = Add member
member-add = Add member
member-added = { $name } has been added as a member.
member-remove = Remove
member-remove-confirm-title = Remove member?
member-remove-confirm-text = { $name } will be removed from { $committee }. The person is not deleted and can be added again later.
member-remove-confirm = Remove member
member-removed = { $name } has been removed from the committee.
member-existing-title = Add a person who already exists
member-existing-person = Person
member-existing-choose = Choose a person
member-existing-required = Choose a person.
member-existing-add = Add to the committee
role-chair = Chair
role-vice_chair = Vice-chair
role-member = Member
role-citizen_member = Citizen member
role-secretary = Secretary
role-official = Official

## Meetings

meetings-title = Meetings
meetings-empty = The committee has no meetings yet.
meeting-col-title = Meeting
meeting-col-kind = Type
meeting-col-time = Meeting time
meeting-col-status = Status
meeting-col-items = Items
meeting-new-title = New meeting
meeting-create = Create meeting
meeting-field-title = Title
meeting-field-kind = Meeting type
meeting-field-starts = Meeting time
meeting-field-ends = Planned end
meeting-field-place = Venue
meeting-kind-ordinary = Ordinary meeting
meeting-kind-theme = Theme meeting
meeting-info-title = Meeting details
meeting-locked = The minutes have been approved. The meeting and its agenda can no longer be changed.
meeting-not-found = The meeting does not exist
meeting-delete-title = Delete meeting
meeting-delete-text = The meeting is deleted together with its whole agenda.
meeting-delete = Delete meeting …
meeting-delete-confirm-title = Delete the meeting?
meeting-delete-confirm-text = “{ $title }” will be deleted together with its whole agenda. This cannot be undone.
meeting-delete-confirm = Delete meeting

## Status

status-title = Status
status-current = Meeting status:
status-draft = Draft
status-agenda_sent = Agenda sent
status-in_progress = In progress
status-closed = Closed
status-minutes_approved = Minutes approved
status-advance = Change status to { $status }
status-back = Back to { $status }
status-changed = Status changed to { $status }.

## Agenda

agenda-title = Agenda
agenda-empty = The agenda has no items yet.
agenda-reorder-help = Move an item with the Move up and Move down buttons, by dragging its handle, or with Alt+Up arrow and Alt+Down arrow when the item has focus.
agenda-pick-item = Choose an item on the agenda to edit it.
item-number = Item { $number }
item-editor-title = Item { $number }: { $title }
item-move-up = Move up
item-move-down = Move down
item-moved = Item moved to number { $number }
item-drag-handle = Drag to move the item
item-add-title = New agenda item
item-add = Add agenda item
item-added = Item { $number } “{ $title }” has been added.
item-field-title = Title
item-field-openness = Open or closed item
item-field-case-id = Case ID
item-field-summary = Summary
item-field-background = Background
item-field-recommendation = Recommendation
item-field-previous-decisions = Previous decisions
item-field-decision = Decision
openness-open = Open
openness-closed = Closed
openness-tag-open = (Open)
openness-tag-closed = (Closed)
item-delete = Delete item …
item-delete-confirm-title = Delete agenda item?
item-delete-confirm-text = Item { $number } “{ $title }” will be deleted with all its text, and the following items will be renumbered. This cannot be undone.
item-delete-confirm = Delete item
item-deleted = Item { $number } has been deleted.

## Not found

not-found-title = Page not found
not-found-text = The address does not point to a committee or a meeting.
not-found-back = Go to the list of committees

## Minutes (referat): attendance, approval, amendments, export, audit log
status-approve-on-minutes = The minutes are approved by the chair or a member on the minutes page.
minutes-link = Minutes, approval and export
minutes-title = Minutes: { $title }
minutes-crumb = Minutes
minutes-back-to-meeting = Back to the meeting and agenda
minutes-locked-note = The minutes are approved and locked. Corrections are made as recorded amendments below.
attendance-title = Attendance
attendance-hint = Every member counts as present until something else is recorded. Changes are saved at once.
attendance-col-name = Name
attendance-col-role = Role
attendance-col-attendance = Attendance
attendance-legend = Attendance of { $name }
attendance-present = Present
attendance-absent = Absent
attendance-apologies = Apologies
attendance-former-member = Former member
attendance-guests = Guests
approval-title = Approval
approval-not-closed = The minutes can be approved once the meeting is closed. Set the meeting's status to “Closed” on the meeting page.
approval-approver = Approved by
approval-approve = Approve the minutes
approval-also-approve = Add approval
approval-lock-hint = Once approved, the minutes are locked: later changes must be made as recorded amendments.
approval-list-title = Approvals
approval-none = The minutes are not approved yet.
approval-line = { $name } ({ $role }), { $at }
approval-fingerprint = Checksum (SHA-256):
minutes-approved-by = The minutes are approved by { $name }.
minutes-verify = Verify the minutes
minutes-verify-unchanged = The minutes are unchanged since approval.
minutes-verify-changed = Warning: the minutes have changed since approval.
minutes-verify-not-approved = The minutes are not approved yet.
amend-title = Amendments after approval
amend-hint = An amendment never silently changes what was approved: it is recorded with its text, reason, name and time and shown in the minutes.
amend-item = Agenda item
amend-choose-item = Choose an item
amend-field = Field
amend-new-text = New text
amend-reason = Reason
amend-submit = Record amendment
amend-saved = The amendment is recorded.
amend-list-title = Recorded amendments
amend-line = { $field } amended to “{ $text }” – reason: { $reason } ({ $by }, { $at })
export-title = Export
export-what = Document
export-kind-minutes = Minutes
export-kind-agenda = Agenda
export-format = Format
export-format-pdf = PDF
export-format-pdfa = PDF/A (for archiving)
export-format-docx = Word (DOCX)
export-format-html = HTML (one file)
export-format-md = Markdown
export-format-ics = Calendar (ICS)
export-audience = Edition
export-audience-public = Public (closed items by number and title only)
export-audience-internal = Internal (with closed items)
export-lang = Document language
export-submit = Export …
export-saved = Saved: { $path }
export-cancelled = The export was cancelled.
audit-title = Audit log
audit-none = No changes are recorded yet.
audit-show = { $count ->
    [one] Show the audit log (1 change)
   *[other] Show the audit log ({ $count } changes)
}
audit-col-at = Time
audit-col-actor = Who
audit-col-what = What
audit-col-changes = Changes

## Minutes: the meeting's recorded times and the guests
times-title = The meeting's times
times-hint = Press the button when the meeting begins and when the minutes have been read and the meeting adjourned. Shortcut anywhere on this page, except while typing in a text field: Alt+Shift+B for began and Alt+Shift+H for adjourned.
times-began-label = The meeting began
times-adjourned-label = The minutes were read and the meeting adjourned
times-not-recorded = Not recorded
times-at = at { $hour }:{ $minute }
times-mark-began = The meeting begins now
times-mark-adjourned = The meeting is adjourned now
times-correct-began = Correct the time the meeting began
times-correct-adjourned = Correct the time the meeting was adjourned
times-clear-hint = Corrections are saved automatically. Empty the field to remove the time.
times-began-recorded = The meeting began { $time }.
times-adjourned-recorded = The minutes were read and the meeting adjourned { $time }.
guests-hint = Guests are participants who are not members of the committee, e.g. speakers from the administration.
guests-none = No guests recorded.
guest-add-title = Add a guest
guest-name = Guest's name
guest-affiliation = Organisation or capacity
guest-add = Add guest
guest-remove = Remove { $name }
guest-added = { $name } has been added as a guest.
guest-removed = { $name } has been removed as a guest.

## The guided temamøde (walk): preparing, walking, positions, summary, the room's screen

walk-plan-title = Theme meeting: questions for the item
walk-plan-hint = Choose the case and the questions the committee will go through, in the order they are to be asked. Changes are saved automatically.
walk-case-technology = The technology in the case
walk-case-technology-hint = E.g. “Algorithm that predicts the risk of falls”.
walk-case-problem = The problem for citizens
walk-case-problem-hint = What problem is the technology meant to solve, and for whom?
walk-plan-parts = Question sets in order
walk-plan-empty = The item has no questions yet. Add a question set below.
walk-plan-part = { $number }. { $title }
walk-plan-part-count = { $chosen } of { $total } questions chosen
walk-plan-part-none = No questions chosen: the set is skipped.
walk-plan-group = The whole perspective “{ $title }”
walk-plan-move-up = Move the set up
walk-plan-move-down = Move the set down
walk-plan-remove = Remove the set
walk-plan-add-set = Question set
walk-plan-add = Add set
walk-plan-steps = The walk has { $count } questions.
walk-plan-moved = The set moved to number { $number }
walk-plan-open = Go to the walk
walk-plan-summary = See the summary
question-set-kind-questions = Questions
question-set-kind-continuum = Questions with extreme positions
question-set-kind-phases = Phases

## The question-set library
home-question-sets = Question sets for theme meetings
home-question-sets-hint = See what the built-in question sets are for, or import your own.
qsets-title = Question sets
qsets-intro = A question set is the questions a committee can go through at a theme meeting. Pejling has five built-in sets from the material of KL and Gentofte Municipality, and you can import your own.
qsets-import-heading = Import a question set
qsets-import-hint = Choose a TOML file written in the same format as the built-in sets. A file with errors is refused with the line number and the problem, and nothing is stored.
qsets-import = Import question set
qsets-import-busy = Importing …
qsets-imported = The question set "{ $title }" ({ $id } version { $version }, { $count } questions) has been imported.
qsets-id = Id
qsets-version = Version
qsets-origin = Origin
qsets-origin-built-in = Built in
qsets-origin-imported = Imported { $date }
qsets-kind = Kind
qsets-count = Questions
qsets-no-help = The set has no text about what it is for.
qsets-source = Source:
qsets-show = Show questions
qsets-hide = Hide questions
qsets-phase = Phase { $number }:
qb-heading = Build a question set
qb-open = Build a new question set
qb-close = Close without creating
qb-intro = Write the set's title, what it is for, and the questions. The set is stored when you choose "Create question set"; then it can be chosen for a theme meeting like the built-in sets.
qb-title = Title (Danish)
qb-title-en = Title in English (optional)
qb-help = What is the set for?
qb-id-hint = Id: { $id }, version { $version }
qb-kind = Kind of questions
qb-questions = Questions
qb-question = Question { $number }
qb-left = Extreme position 1 for question { $number }
qb-right = Extreme position 2 for question { $number }
qb-add = Add a question
qb-remove = Remove
qb-create = Create question set
qb-created = The question set "{ $title }" ({ $id } version { $version }) has been created.
qb-error-title = Write a title in Danish.
qb-error-no-questions = The set needs at least one question.
qb-error-text = Write the question.
qb-error-extreme = Write the extreme position.

walk-title = Walk: { $title }
walk-loading = Loading the walk …
walk-no-steps = The item has no questions for the theme meeting. Choose the questions on the meeting page.
walk-back-to-meeting = Back to the meeting
walk-case-heading = The case
walk-step-of = Step { $number } of { $count }
walk-nav-title = Questions
walk-nav-step = { $number }. { $text }
walk-nav-current = (now)
walk-previous = Previous question
walk-next = Next question
walk-keys-help = Change question with Alt+Right arrow and Alt+Left arrow, or Page Down and Page Up outside text fields.
walk-moved = { $where }: { $text }
walk-examples = Examples
walk-room-open = Open the projector view
walk-room-opened = The projector view is open in a new window.
room-open-failed = The projector view could not be opened.
walk-summary-link = Summary of the walk
walk-named = Show names with the positions
walk-named-hint = Unticked, the positions are shown without names.
walk-locked = The minutes are approved: the walk can be viewed but not changed.
walk-note-label = Notes on the question
walk-note-hint = The secretary's notes. They are never shown in the projector view.
walk-qa-title = Questions to the administration
walk-qa-none = No questions to the administration at this question.
walk-qa-text = The question
walk-qa-asked-by = Asked by
walk-qa-asked-by-none = Not given
walk-qa-add = Mark as a question to the administration
walk-qa-added = The question to the administration is recorded.
walk-qa-by = asked by { $name }
walk-qa-delete = Delete
walk-qa-deleted = The question to the administration is deleted.
walk-attendance-title = Attendance
walk-attendance-hint = Only politicians who are present take positions.

position-title = Positions
position-extreme-left = Extreme position 1 (0)
position-extreme-right = Extreme position 2 (100)
position-hint = Move the slider with the arrow keys (Page Up and Page Down move by 10, Home and End go to the extremes). The positions are hidden until the chair shows them.
position-slider-label = Position of { $name }
position-valuetext = { $value } of 100: { $side }
position-valuetext-none = No position yet
position-side-left = closest to extreme position 1
position-side-right = closest to extreme position 2
position-side-middle = in the middle
position-status-saved = Position recorded
position-status-skipped = No position
position-status-none = Not recorded
position-skip = Takes no position
position-skip-reason = Reason for { $name }
position-clear = Clear
position-clear-for = Clear the position of { $name }
position-no-participants = No politicians are recorded as present.
position-answered = { $answered } of { $participants } have answered
position-reveal = Show positions
position-hide = Hide the positions again
position-revealed = The positions are now shown.
position-hidden = The positions are hidden again.
position-hidden-note = The positions are hidden. { $answered } of { $participants } have answered.

chart-caption = Positions on the question
chart-description = { $count ->
    [one] 1 position; median { $median }, interquartile range { $q1 }–{ $q3 }
   *[other] { $count } positions; median { $median }, interquartile range { $q1 }–{ $q3 }
  }
chart-description-none = No positions.
chart-skipped = { $count ->
    [one] 1 without a position
   *[other] { $count } without a position
  }
chart-legend-position = ○ position (with number or name)
chart-legend-median = ◆ median
chart-legend-spread = ▨ interquartile range (quartiles)
chart-table-caption = The positions as a table
chart-col-participant = Participant
chart-col-position = Position
chart-col-reason = Reason
chart-anonymous = Participant { $number }
chart-skipped-row = No position
chart-median-label = median { $value }

summary-title = Summary: { $title }
summary-continua = Positions on the six questions
summary-continua-hidden = The positions are not shown yet ({ $answered } of { $participants } have answered).
summary-steps = Questions, notes and questions to the administration
summary-note = Notes
summary-no-note = No notes.
summary-back = Back to the walk
summary-qa-all = All questions to the administration
summary-qa-none = There are no questions to the administration.

room-title = Projector view
room-waiting = The meeting is not at an open item yet.
room-no-steps = The item has no questions.
room-item = Item { $number }: { $title }
room-answered = { $answered } of { $participants } have answered
room-connection-lost = The connection to the meeting is lost. Trying again …
walk-closed-item = The item is closed: the projector view does not show it.
walk-plan-in-part = (chosen in set no. { $number })
summary-row-hidden = hidden
summary-legend-hidden = - - - the positions are not shown yet
summary-continua-description = One row per question on the same scale from 0 (extreme position 1) to 100 (extreme position 2).
summary-col-number = No.
summary-col-question = Question
position-end-left = ← 0: extreme position 1
position-end-right = extreme position 2: 100 →

## The annual cycle (årshjul)
committee-cycle-link = Annual cycle: recurring meetings and next year's meetings
weekday-1 = Monday
weekday-2 = Tuesday
weekday-3 = Wednesday
weekday-4 = Thursday
weekday-5 = Friday
weekday-6 = Saturday
weekday-7 = Sunday
cycle-week-1 = 1st
cycle-week-2 = 2nd
cycle-week-3 = 3rd
cycle-week-4 = 4th
cycle-week-5 = last
cycle-clock = { $hour }:{ $minute }
cycle-time-range = { $start }–{ $end }
cycle-rule-weekday-text = { $every } on the { $week } { $weekday } of { $month }, { $time }
cycle-rule-date-text = { $every } on { $day } { $month }, { $time }
cycle-rule-date-text-last = { $every } on { $day } { $month }, { $time } (in years when the month is shorter: its last day)
cycle-every-1 = Every year
cycle-every-2 = Every other year
cycle-every-2-from = Every other year from { $year }
cycle-field-every = How often
cycle-field-first-year = First time (year)
cycle-rule-weekday = A weekday of the month (e.g. 2nd Tuesday)
cycle-rule-date = A date (e.g. 1 June)
cycle-title = Annual cycle { $year }: { $committee }
cycle-crumb = Annual cycle { $year }
cycle-intro = The annual cycle shows the committee's recurring meetings, which come back every year, and the meetings the committee actually has in the year.
cycle-year-nav = Choose year
cycle-year-link = Annual cycle { $year }
cycle-export-calendar = Save the meetings of { $year } as a calendar file (.ics)
cycle-calendar-saved = The meeting calendar was saved: { $path }
cycle-create-next = Create next year's meetings
cycle-create-needs-entries = Add recurring meetings to the annual cycle below; then next year's meetings can be created in one step.
cycle-year-heading = The year { $year } month by month
cycle-week-number = week { $week }
cycle-wheel-heading = The annual cycle
cycle-wheel-title = Annual cycle { $year }
cycle-wheel-desc = The wheel shows the year's twelve months around the circle, January at the top and clockwise. Dots on the rim are the committee's meetings, diamonds are recurring meetings of the annual cycle, and the arcs inside the wheel are the phases of the budget year. The table below the wheel says the same.
cycle-wheel-today = Today
cycle-wheel-table-caption = Annual cycle { $year } as a table
cycle-wheel-col-date = Date
cycle-wheel-col-week = Week
cycle-wheel-col-what = What
cycle-wheel-col-kind = Kind
cycle-wheel-phases = Phases of the budget year:
cycle-phase-accounts = Last year's accounts
cycle-phase-budget = Next year's budget
cycle-phase-range = { $name }: { $from } – { $to }
cycle-tag-fixed = Recurring meeting
cycle-tag-meeting = Meeting
cycle-legend-fixed = marks the cycle's recurring meetings on their day of the year;
cycle-legend-meeting = marks the meetings the committee has.
cycle-month-empty = Nothing this month.
cycle-made = meeting created
cycle-not-made = not created yet
cycle-from-cycle = from the annual cycle
cycle-entries-title = Recurring meetings in the annual cycle
cycle-entries-intro = A recurring meeting comes back every year: either on a weekday of a month (e.g. the 2nd Tuesday of September, "in the 2nd week of September") or on a date. Changes apply to meetings created from now on; meetings already created are not moved.
cycle-entries-empty = The annual cycle has no recurring meetings yet.
cycle-entry-new-title = New recurring meeting
cycle-entry-add = Add recurring meeting
cycle-entry-added = The recurring meeting "{ $title }" was added to the annual cycle.
cycle-entry-deleted = The recurring meeting "{ $title }" was removed from the annual cycle.
cycle-entry-delete = Remove from the annual cycle
cycle-entry-delete-confirm-title = Remove the recurring meeting?
cycle-entry-delete-confirm-text = "{ $title }" is removed from the annual cycle. Meetings already created from it stay.
cycle-field-title = Meeting title
cycle-field-rule = Recurs
cycle-field-month = Month
cycle-field-week = Which in the month
cycle-field-weekday = Weekday
cycle-field-day = Day of the month
cycle-field-start = Starts at
cycle-field-end = Ends at
cycle-time-hint = Write the time as HH:MM, e.g. 17:00.
cycle-field-description = What the meeting is about
cycle-create-confirm-title = Create the meetings for { $year }?
cycle-create-confirm-text = { $count ->
    [one] This meeting will be created as a draft for { $year }:
   *[other] These { $count } meetings will be created as drafts for { $year }:
}
cycle-create-nothing = Every recurring meeting already has its meeting for { $year }. Nothing will be created.
cycle-create-already = { $count ->
    [one] One recurring meeting already has its meeting and is not created again:
   *[other] { $count } recurring meetings already have their meeting and are not created again:
}
}
cycle-create-confirm = { $count ->
    [one] Create the meeting
   *[other] Create { $count } meetings
}
cycle-created = { $count ->
    [one] One meeting was created for { $year }.
   *[other] { $count } meetings were created for { $year }.
}

## Digitalisation projects through the five phases
nav-projects = Digitalisation projects
home-projects-hint = Projects through the five phases: stakeholders, learnings, meetings and decisions.
committee-projects-link = Digitalisation projects
projects-title = Digitalisation projects
projects-intro = A project goes through the five phases of KL's model for political participation: from identifying the problem to deciding whether a solution goes into operation.
projects-empty = There are no projects yet.
project-col-title = Project
project-col-committee = Committee
project-col-phase = Phase
project-col-changed = Last change of phase
project-phase-name = Phase { $number }: { $name }
project-new-title = New project
project-needs-committee = Create a committee first; a project is followed by a committee.
project-field-title = Project title
project-field-committee = The committee that follows the project
project-field-description = Description
project-create = Create project
project-not-found = The project does not exist
project-stands-in = Stands in { $phase }
project-stepper-label = The project's phases
project-step-number = Phase { $number }
project-phase-current = The project stands here
project-phase-done = completed
project-phase-ahead = not reached yet
project-move-title = Change phase
project-move-rule = The phases may overlap in practice. A project normally moves on to the next phase, and an earlier phase can always be revisited. If the project skips a phase, the reason is written in the note. Every change is kept in the history.
project-move-note = Note on the change of phase
project-move-note-hint = E.g. what was decided or why a phase is revisited. Required when the project skips a phase.
project-move-next = Move on to { $phase }
project-last-phase = The project stands in the last phase.
project-move-back-to = Revisit an earlier phase
project-move-back = Go back to the phase
project-move-skip-to = Skip ahead to a later phase
project-move-skip = Skip ahead with the reason given
project-moved = The project now stands in { $phase }.
project-phase-example = Example: the falls case in KL's catalogue
project-field-stakeholders = Stakeholders
project-stakeholders-hint = E.g. one per line.
project-field-learnings = What we learned
project-links-title = Meetings and decisions
project-links-empty = No meetings are linked to this phase yet.
project-link-item = item { $number }: { $title }
project-link-decision = Decision:
project-link-no-decision = No decision written yet.
project-unlink = Remove the link
project-unlinked = The link to "{ $title }" was removed.
project-link-title = Link a meeting to phase { $number }
project-link-no-meetings = The committee has no meetings yet.
project-link-meeting = Meeting
project-link-choose-meeting = Choose a meeting
project-link-item-label = Agenda item (and its decision)
project-link-whole-meeting = The whole meeting
project-link-meeting-required = Choose a meeting.
project-link-submit = Link to phase { $number }
project-linked = The meeting was linked to phase { $number }.
project-history-title = History
project-history-when = Time
project-history-what = Change of phase
project-history-who = By
project-history-note = Note
project-history-created = Created in { $phase }
project-history-forward = From { $from } on to { $to }
project-history-back = From { $from } back to { $to }
project-info-title = About the project
project-delete-title = Delete the project
project-delete-text = The project is deleted with its phases, stakeholders, learnings and history. The meetings and their decisions stay.
project-delete = Delete the project
project-delete-confirm-title = Delete the project?
project-delete-confirm-text = "{ $title }" is deleted with everything written about it. This cannot be undone.

## Follow-up items across meetings (opfølgning)
committee-links-label = The committee's follow-up and positions
follow-ups-link = Follow-up
follow-ups-title = Follow-up: { $committee }
follow-ups-crumb = Follow-up
follow-ups-counts = { $pending } open · { $overdue } overdue · { $answered } answered since the last meeting
follow-ups-last-meeting = Last meeting: { $title }, { $date }.
follow-ups-no-last-meeting = The committee has not met yet.
follow-ups-list-title = Follow-up items
follow-ups-filter = Show
follow-ups-filter-pending = Open ({ $count })
follow-ups-filter-overdue = Overdue ({ $count })
follow-ups-filter-answered = Answered since the last meeting ({ $count })
follow-ups-filter-all = All ({ $count })
follow-ups-shown = { $count ->
    [one] Showing one follow-up item.
   *[other] Showing { $count } follow-up items.
}
follow-ups-empty-pending = No open follow-up items.
follow-ups-empty-overdue = No follow-up item is overdue.
follow-ups-empty-answered = Nothing has been answered since the last meeting.
follow-ups-empty-all = The committee has no follow-up items yet.
follow-up-flag-overdue = Overdue
follow-up-flag-answered-since = Answered since the last meeting
follow-up-asked-by = Asked by { $name }
follow-up-from-item = From { $meeting }, item { $number }: { $title }
follow-up-from-meeting = From { $meeting }
follow-up-due = Due { $date }
follow-up-answered-at = Answered { $date }
follow-up-listed-on = On the agenda:
follow-up-listing = { $meeting } { $date }, item { $number }
follow-up-field-text = What is to be followed up
follow-up-text-locked-hint = The question is quoted in approved minutes and cannot change. Owner, due date, status and answer can still change.
follow-up-field-owner = Owner
follow-up-owner-hint = A person or a part of the administration.
follow-up-field-due = Due date
follow-up-field-status = Status
follow-up-field-answer = Answer
follow-up-field-meeting = Belongs to the meeting
follow-up-meeting-none = No meeting
follow-up-delete = Delete follow-up item
follow-up-delete-confirm-title = Delete the follow-up item?
follow-up-delete-confirm-text = "{ $text }" will be deleted. This cannot be undone, but the deletion is kept in the log.
follow-up-delete-confirm = Delete
follow-up-deleted = The follow-up item has been deleted.
follow-up-new-title = New follow-up item
follow-up-new-hint = Create a follow-up item manually. A follow-up item from a decision is created from the agenda item.
follow-up-create = Create follow-up item
follow-up-created = The follow-up item has been created: { $text }
follow-up-offer-title = Add the item "Follow-up"?
follow-up-offer-text = { $count ->
    [one] The committee has one follow-up item that is not closed. Put it on the agenda as the item "Opfølgning"?
   *[other] The committee has { $count } follow-up items that are not closed. Put them on the agenda as the item "Opfølgning"?
}
follow-up-offer-legend = Follow-up items for the agenda
follow-up-offer-accept = { $count ->
    [one] Add the item with one follow-up item
   *[other] Add the item with { $count } follow-up items
}
follow-up-offer-decline = No thanks
follow-up-offer-open = Add the item "Opfølgning" …
follow-up-offer-added = The item "Opfølgning" has been added to the agenda.
item-follow-ups-listed-title = Follow-up items on this item
item-follow-ups-answer-link = Answer and close the items in the follow-up list
item-follow-up-from-decision = Create a follow-up from the decision
item-follow-up-form-title = Follow-up from the decision
item-follow-up-created = The follow-up item has been created.
item-follow-ups-list-link = Go to the committee's follow-up

## Positions over time
positions-link = Positions over time
positions-title = Positions over time: { $committee }
positions-crumb = Positions over time
positions-intro = How the committee's positions on { $set } moved from meeting to meeting. Only positions shown to the committee count, and names only from meetings that showed positions with names.
positions-empty = The committee has no revealed positions on the six questions yet.
positions-occasions-title = Meetings with positions
positions-occasion = { $meeting }, { $date }, item { $number }
positions-occasion-named = (with names)
positions-legend-title = Named participants
positions-extreme-left = Extreme position 1 (0): { $text }
positions-extreme-right = Extreme position 2 (100): { $text }
positions-towards-right = towards extreme position 2
positions-towards-left = towards extreme position 1
positions-unchanged = unchanged
positions-none-for-question = No revealed positions on this question.
positions-room-once = The committee's median was { $median } ({ $date }); the question was shown at one meeting only.
positions-room-moved = The committee's median moved from { $from } ({ $fromDate }) to { $to } ({ $toDate }): { $direction }.
positions-person-moved = { $name } moved from { $from } to { $to }: { $direction }.
positions-person-once = { $name }: { $value } ({ $date }).
positions-figure-caption = One row per meeting. ◆ is the committee's median (joined from meeting to meeting), the hatched box is the interquartile range of the positions, and the numbered circles are named participants. A dashed line: no revealed positions.
positions-table-caption = Question { $number }: the figures behind the picture
positions-col-occasion = Meeting
positions-col-median = The committee's median
positions-col-middle = Interquartile range
positions-col-count = Positions
positions-col-skipped = No position
positions-none-cell = –

# Backups and recovery (issue 6)
home-backups = Backups
home-backups-hint = See the automatic backups, take one now, or restore one.
backups-title = Backups
backups-intro = Pejling takes a backup by itself when the program starts, before the database is updated to a new version, and when a meeting is closed. The ten newest are kept, and also the newest of every earlier month. When you restore, the current workspace is first saved as a backup.
backups-caption = Backups, newest first
backups-none = There are no backups yet.
backups-take-now = Take a backup now
backups-taken = The backup was taken ({ $time }).
backup-col-time = Time
backup-col-reason = Occasion
backup-col-size = Size
backup-col-action = Action
backup-newest = newest
backup-size = { $kb } kB
backup-restore = Restore
backup-restore-label = Restore the backup from { $time }
backup-restore-file = Restore from a file …
backup-restore-confirm-title = Restore the backup?
backup-restore-confirm-text = The workspace is replaced by the backup from { $time }. The current workspace is first saved as a backup, so you can go back to it.
backup-reason-start = The program started
backup-reason-before-migration = Before updating the database
backup-reason-meeting-closed = A meeting was closed
backup-reason-before-restore = Before a restore
backup-reason-manual = Taken manually
recovery-title = The workspace could not be opened
recovery-db-path = The database:
recovery-in-use-hint = Switch to the other Pejling window. If it is closed, start Pejling again.
recovery-kept-aside = The file is not overwritten: when you restore or start afresh, it is put aside with ".damaged-" and the time in its name, so it can be examined later.
recovery-newest-title = The newest good backup
recovery-newest-text = The newest backup that opens is from { $time }.
recovery-restore-newest = Restore the newest backup
recovery-no-backups = There are no backups that open.
recovery-all-title = All backups that open
recovery-other-title = Other options
recovery-start-fresh = Start with an empty workspace
recovery-start-fresh-confirm-title = Start with an empty workspace?
recovery-start-fresh-confirm-text = The file that could not be opened is put aside, not deleted. You begin with an empty workspace.
recovery-restored = The backup from { $time } was restored.
recovery-restored-file = The backup was restored.
recovery-started-fresh = An empty workspace was started; the old file was put aside.

# The walk's live session panel (participants' own devices)
live-panel-title = Participants' own devices
live-panel-intro = Start a live session so participants can follow the questions and take positions on their own phone or tablet. It is off until you start it, and only devices on the same network can reach it.
live-panel-start = Start live session
live-panel-stop = Stop live session
live-panel-started = The live session has started.
live-panel-stopped = The live session has stopped.
live-panel-qr = QR code for { $url }
live-panel-url = Address
live-panel-code = Join code
live-panel-participants = Participants
live-panel-joined = joined
live-panel-not-joined = not joined
live-panel-answered = has answered
live-panel-count = { $answered } of { $total } have answered the question.
live-panel-other-meeting = A live session is running for another meeting.
live-panel-release = Free the name
live-panel-released = { $name } can now choose their name again on another device.
live-panel-address = Network address
live-panel-address-hint = The participants' phones and tablets must be on the network this address belongs to – usually the meeting room's wireless network.
live-panel-address-default = { $name } – { $address } (default)
live-panel-address-option = { $name } – { $address }
live-panel-requests = Requests to take part
live-panel-no-requests = Nobody is waiting for approval.
live-panel-request = { $name } wants to take part
live-panel-request-device = { $device }, at { $time }
live-panel-approve = Approve
live-panel-refuse = Refuse
live-panel-block = Block the device
live-panel-approved = { $name } is now taking part.
live-panel-refused = The request from { $name } was refused.
live-panel-refuse-all = Refuse all ({ $count })
live-panel-refused-all = { $count } requests were refused.
live-panel-blocked = The device { $device } is blocked.
live-panel-joined-on = joined on { $device } at { $time }
live-panel-blocked-title = Blocked devices
live-panel-blocked-item = { $device }, blocked at { $time }
live-panel-admit-all = Every request is approved automatically. This is only safe on a closed network.
live-panel-code-personal = Personal code
live-panel-code-new = New personal code
live-panel-code-for = Personal code: { $code } – can be used once instead of your approval.
live-panel-code-given = Personal code for { $name }: { $code }.

# Meeting packages (.pejling files)
package-title = Meeting package
package-text = Take the meeting to another computer as one file: agenda, question sets, attendees and what has been noted. What is noted on the other computer can be merged back here afterwards.
package-include-closed = Include closed items
package-export = Export meeting package
package-import = Import meeting package
package-merge-link = Merge a meeting package
package-locked = The minutes are approved and locked; no meeting package can be made or merged.
package-cancelled = Cancelled. Nothing was changed.
package-saved = The meeting package is saved: { $path }
package-confirm-members = Import and change the committee's members as listed
package-confirm-members-hint = The changes to the members are logged under your name. Choose this only if the meeting package comes from the committee's own secretary.
package-imported = The meeting "{ $title }" was imported.
package-merge-title = Merge a meeting package
package-merge-intro = Choose the meeting package coming back from the other computer. Changes made only in the package are merged as they are. Where the same thing was changed in both places, you choose for each conflict which value holds.
package-back = Back to { $title }
package-pick = Choose meeting package …
package-reviewed = The meeting package was read: { $changes ->
    [one] 1 change
   *[other] { $changes } changes
} and { $conflicts ->
    [one] 1 conflict
   *[other] { $conflicts } conflicts
}.
package-merged = Merged: { $applied ->
    [one] 1 change
   *[other] { $applied } changes
}, { $resolved ->
    [one] 1 conflict
   *[other] { $resolved } conflicts
} resolved.
package-source-title = From
package-source = The meeting "{ $meeting }", exported by { $person } on { $machine } { $when }.
package-other-meeting = The meeting package belongs to the meeting "{ $title }", not to this meeting. It is merged into "{ $title }".
package-changes-title = Changes in the meeting package ({ $count })
package-no-changes = No changes made only in the meeting package.
package-mine = Here
package-theirs = The package
package-conflicts-title = Conflicts ({ $count })
package-no-conflicts = No conflicts.
package-unresolved = { $count ->
    [one] 1 conflict still needs a choice.
   *[other] { $count } conflicts still need a choice.
} Nothing is merged until all are resolved.
package-merge-submit = Merge
package-entity-note = Note
package-entity-position = Position
package-entity-question = Question to the administration
package-entity-attendance = Attendance
package-question = question { $id }
package-none = (none)
package-choice-mine = Keep the version here
package-choice-theirs = Use the package's
package-choice-both = Keep both
package-changed-by = Changed by { $person } { $when }

## Who is writing (the person at this machine; every change is recorded under them)
identity-group = Who is writing
identity-writing-as = You are writing as { $name } ({ $role })
identity-unknown = Who is writing? Not set
identity-set = Enter name
identity-change = Change
identity-name = Your name
identity-role = Your role
identity-save = Save
identity-saved = You are now writing as { $name } ({ $role }).
identity-first-title = Who works at this computer?
identity-first-text = Every change to agendas and minutes is logged with name and role. Enter your name and choose your role; you can always change it at the top of the page.


## Rammer og inspiration (the frameworks library)
fw-title = Frameworks and inspiration
home-frameworks-hint = Gentofte's DIS model and KL's barriers, recommendations and cases – for inspiration when the committee sets a direction.
fw-intro = Gentofte Municipality's DIS model, KL's inspiration catalogue on political participation in digitalisation and KL's analysis of how IT and digitalisation are organised. Use them when the committee sets a direction, prepares a theme meeting or follows up.
fw-translation-note = The Danish texts are quoted word for word from the sources, with obvious misprints corrected. The English texts are translations.
fw-filters = Find in the frameworks
fw-search-label = Search the frameworks
fw-search-hint = E.g. “bearing”, “risk” or “Odense”. Headings and text are searched, in Danish and English.
fw-filter-framework = Document
fw-filter-all-frameworks = All documents
fw-filter-kind = Subject
fw-kind-all = All subjects
fw-kind-principles = Principles
fw-kind-bearings = Bearings (pejlemærker)
fw-kind-barriers = Barriers
fw-kind-recommendations = Recommendations
fw-kind-cases = Cases from the municipalities
fw-kind-sparring = Sparringsrummet
fw-kind-tools = Direction, follow-up and tools
fw-kind-models = Models, phases and questions
fw-kind-organisation = Organising IT and digitalisation
fw-show-other = Also show the Danish original under the English translation
fw-other-label = Danish original
fw-print = Print
fw-clear = Clear search and filters
fw-count = { $shown } of { $total } passages shown.
fw-none = No passage matches “{ $query }”.
fw-none-filters = No passage fits the chosen document and subject.
fw-contents = Contents
fw-source = Source: { $source }
fw-where = Where in the source: { $where }
fw-good-advice = A good piece of advice from { $who }
fw-bad-advice = A bad piece of advice from { $who }

## The case library in a temamøde's agenda
case-picker-title = Start an item from a case
case-picker-hint = The item gets the case's headline, a summary and, for preparation, its ways to involve, what is difficult and the good and bad advice. The walk is set up with the six questions on political organisation. Read the cases in
case-picker-label = Case from KL's catalogue
case-picker-none = Choose a case
case-picker-add = Add an item from the case

## A committee's adopted principles and pejlemærker
adopted-title = The committee's principles and bearings
adopted-hint = Tick the principles and bearings (pejlemærker) from Gentofte Municipality's DIS model that the committee has adopted. The change is saved at once and logged. The texts are in
adopted-announce-on = Adopted: { $title }
adopted-announce-off = No longer adopted: { $title }
own-title = The committee's own principles and bearings
own-hint = Write the committee's own principles and bearings (pejlemærker) the same way as Gentofte's: a heading and a text. They apply to the committee once written, and the bearings can be chosen on agenda items. Everything saves itself and is logged.
own-kind-principle = Own principles
own-kind-bearing = Own bearings
own-none-principle = The committee has written no principles of its own.
own-none-bearing = The committee has written no bearings of its own.
own-new-principle = Heading of a new principle
own-new-bearing = Heading of a new bearing
own-add-principle = Add principle
own-add-bearing = Add bearing
own-field-title = Heading
own-field-text = Text
own-delete = Delete
own-delete-confirm-title = Delete the committee's own principle or bearing?
own-delete-confirm-text = "{ $title }" is removed from the committee's list. Agenda items weighed against it keep naming it, and the log keeps its text.
own-delete-confirm = Delete
own-added = Added: { $title }
own-deleted = Deleted: { $title }

## The pejlemærker an agenda item is weighed against
item-bearings-legend = Bearings (pejlemærker) the item is weighed against
item-bearings-hint = Choose among the bearings the committee has adopted or written itself. They are shown during the walk, on the room screen and in the agenda and minutes.
item-bearings-none = The committee has not adopted or written any bearings yet. That is done on the committee's page.
item-bearings-no-longer = no longer adopted by the committee
item-bearings-own = the committee's own
item-bearings-on = The item is now weighed against: { $title }
item-bearings-off = The item is no longer weighed against: { $title }
walk-bearings = Bearings for the item
room-bearings = Bearings (pejlemærker)

## KL's five recommendations on a project
project-reco-title = KL's five recommendations
project-reco-hint = Tick a recommendation when the project has followed it and write briefly how. The tick is saved at once, the note when you leave the field. The recommendations are in
project-reco-read = Read the recommendation
project-reco-note = Note on “{ $title }”
project-reco-saved = Saved: { $title }

## Bilag (attachments)
bilag-title = Attachments
bilag-hint = Attach with the button, or drag files onto the list. Attachments may be { $types } – at most { $max } MB each.
bilag-locked = The minutes are approved: the attachments are part of them and cannot be changed.
bilag-none = The item has no attachments.
bilag-attach = Attach file …
bilag-attaching = Attaching …
bilag-attached = { $count ->
    [one] One attachment was added.
   *[other] { $count } attachments were added.
}
bilag-too-large = "{ $file }" is too large. An attachment may be at most { $max } MB.
bilag-number = Attachment { $number }.
bilag-number-title = Attachment { $number }. { $title }
bilag-field-title = Title
bilag-field-document-number = Document number
bilag-field-document-number-hint = From the records system, e.g. 2188929 - EMN-2018-00874
bilag-field-closed = Closed attachment (left out of the public version)
bilag-show = Show
bilag-open-external = Open in program
bilag-move-up = Move up
bilag-move-down = Move down
bilag-remove = Remove
bilag-remove-confirm = Remove the attachment "{ $title }"?
bilag-removed = The attachment "{ $title }" was removed.
bilag-moved = "{ $title }" is now attachment { $number }.
bilag-size-kb = { $size } kB
bilag-size-mb = { $size } MB
bilag-pages = { $pages ->
    [one] 1 page
   *[other] { $pages } pages
}
bilag-type-pdf = PDF
bilag-type-docx = Word
bilag-type-xlsx = Excel
bilag-type-pptx = PowerPoint
bilag-type-png = PNG image
bilag-type-jpeg = JPEG image
bilag-page-of = Page { $page } of { $pages }: { $title }
bilag-pages-shown = Showing { $shown } of { $pages } pages
bilag-close-viewer = Close the view
bilag-show-failed = The attachment could not be shown. Try "Open in program".
export-combined-agenda = Combined agenda (PDF with attachments)
search-in-bilag = in attachment "{ $title }", page { $page }
package-entity-attachment = Attachment
# Two rounds, reasons, points, timeboxes.
rounds-title = First and second round
rounds-median-shift = The median moved { $shift } points: from { $before } to { $after }.
rounds-spread = Middle half before: { $q1a }–{ $q3a } (width { $iqra }); after: { $q1b }–{ $q3b } (width { $iqrb }).
rounds-moves = Each participant's move from the first to the second round
rounds-move = { $from } → { $to }
reasons-title = Reasons
position-round = { $round ->
    [2] Second round (after the discussion)
   *[other] First round
}
position-round-two-start = Start the second round
position-round-two-hint = The second round is taken after the discussion. The first round is kept, and everyone takes a hidden position again.
position-round-two-started = The second round has started. The positions of the first round are kept.
position-first-round-answered = First round: { $answered } answered.
position-reason = Reason for { $name }
position-reason-placeholder = Short reason (optional)
points-title = Points from the participants
points-hint = Participants send points from their phones. Show them on the room screen without names, merge duplicates, or make a point a question to the administration.
points-none = No points yet.
points-add = Add point
points-add-label = New point (written by the secretary)
points-show = Show on room screen
points-shown = Shown on room screen
points-hide = Take off room screen
points-merge = Merge with …
points-merge-label = Merge the point with
points-merge-none = Not merged
points-merged-into = Duplicate of: { $text }
points-duplicates = { $count ->
    [one] 1 sent the same
   *[other] { $count } sent the same
}
points-to-question = Make it a question to the administration
points-is-question = Is a question to the administration
points-delete = Delete
points-from = from { $name }
points-arrived = New point: { $text }
timebox-label = Timebox (minutes)
timebox-none = No timebox
timebox-remaining = { $minutes } min left
timebox-over = Time is up
timebox-planned-used = Time: { $planned } min planned, { $used } min used
timebox-used = Time used: { $used } min
reasons-title-first = Reasons in the first round
reasons-title-second = Reasons in the second round
positions-first-round = first round: { $median }
