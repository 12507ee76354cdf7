# Live session: the participants' page on their own phones and tablets, and the core's
# messages about the session. Danish first; da/live.ftl has the same keys.

live-page-title = Pejling – join the theme meeting
live-join-heading = Join the theme meeting
live-join-pick = Choose your name
live-join-submit = Join
live-join-none-left = Every participant has already joined. Ask the chair if your name is missing.
live-join-taken = That name has already been chosen on another device. Choose your own name, or ask the chair.
live-join-not-participant = That name cannot be chosen.
live-you-are = You take part as { $name }.
live-waiting = Waiting for the chair to start an agenda item.
live-item = Item { $number }: { $title }
live-case = The case: { $technology }
live-your-position = Your position
live-position-hint = Move the slider between the two extreme positions. Your position is saved automatically.
live-extreme-left = Extreme position 1: { $text }
live-extreme-right = Extreme position 2: { $text }
live-save = Save position
live-saved = Your position is saved: { $value } of 100.
live-not-saved = You have not taken a position yet.
live-save-failed = Your position was not saved. Please try again.
live-closed = The question is closed for positions.
live-no-position = Discuss the question in the committee. No position is taken here.
live-answered = { $answered } of { $total } have answered.
live-refresh = Refresh the page
live-not-found = The page does not exist. Scan the QR code again, or ask the chair.
live-unauthorized = You have not joined the meeting. Scan the QR code again.
live-forbidden = You can only change your own position.
live-too-many = Too many requests. Wait a moment and try again.
live-too-large = The request is too large.
live-bad-request = The request could not be read.
cli-live-started = Live session for meeting { $meeting } at { $url } (join code { $code }). Stop with Ctrl+C.
cli-live-stopped = The live session has stopped.
