# Live session: the participants' page on their own phones and tablets, and the core's
# messages about the session. Danish first; en/live.ftl has the same keys.

live-page-title = Pejling – deltag i temamødet
live-join-heading = Deltag i temamødet
live-join-pick = Vælg dit navn
live-join-submit = Deltag
live-join-none-left = Alle deltagere har allerede tilsluttet sig. Spørg formanden, hvis dit navn mangler.
live-join-taken = Navnet er allerede valgt på en anden enhed. Vælg dit eget navn, eller spørg formanden.
live-join-not-participant = Det navn kan ikke vælges.
live-you-are = Du deltager som { $name }.
live-waiting = Venter på, at formanden går i gang med et punkt.
live-item = Punkt { $number }: { $title }
live-case = Sagen: { $technology }
live-your-position = Din placering
live-position-hint = Flyt skyderen mellem de to yderpositioner. Din placering gemmes automatisk.
live-extreme-left = Yderposition 1: { $text }
live-extreme-right = Yderposition 2: { $text }
live-save = Gem placering
live-saved = Din placering er gemt: { $value } af 100.
live-not-saved = Du har endnu ikke taget placering.
live-save-failed = Din placering blev ikke gemt. Prøv igen.
live-closed = Spørgsmålet er lukket for placeringer.
live-no-position = Drøft spørgsmålet i udvalget. Der skal ikke tages placering her.
live-answered = { $answered } af { $total } har svaret.
live-refresh = Opdater siden
live-not-found = Siden findes ikke. Scan QR-koden igen, eller spørg formanden.
live-unauthorized = Du er ikke tilsluttet mødet. Scan QR-koden igen.
live-forbidden = Du kan kun ændre din egen placering.
live-too-many = For mange forespørgsler. Vent et øjeblik, og prøv igen.
live-too-large = Forespørgslen er for stor.
live-bad-request = Forespørgslen kunne ikke læses.
cli-live-started = Livesession for møde { $meeting } på { $url } (deltagerkode { $code }). Stop med Ctrl+C.
cli-live-stopped = Livesessionen er stoppet.
