"""Avery's calendar export (calendar.ics) and mailbox export (mail.mbox); written by generate.py via evidence.py.

calendar.ics looks like a Google Calendar export: CRLF line ends, lines folded at 75 octets (never inside a UTF-8
character), X-WR-CALNAME = the owner's address, VTIMEZONE blocks for America/Chicago and America/New_York,
single events in UTC, the recurring one in local time with RRULE and EXDATE.

mail.mbox looks like a Gmail Takeout export: a "From <thread id>@xxx <UTC date>" separator line, X-GM-THRID and
X-Gmail-Labels first, CRLF line ends, RFC 2047 display names, a body line that starts with "From " stored as
">From " (mboxo), and a blank line between messages.
"""

import base64
import datetime as dt
import email.header
import email.utils

from evidence import (COLD_SENDER, chicago_offset, ME_EMAIL, ME_NAME, NAME_ONLY, MENTEE, OPEN_HOUSE_GUESTS, REPLIER, THESIS,
                      local, path, stable_id)

# ----------------------------------------------------------------------------------------------------------------
# calendar.ics
# ----------------------------------------------------------------------------------------------------------------
VTIMEZONES = {
    "America/Chicago": ("-0600", "-0500", "CDT", "CST"),
    "America/New_York": ("-0500", "-0400", "EDT", "EST"),
}
STAMP = "20261120T060000Z"   # the export's DTSTAMP


def fold(line):
    """RFC 5545 3.1: at most 75 octets a line; continuation lines start with one space."""
    out, current, size = [], "", 0
    for ch in line:
        n = len(ch.encode("utf-8"))
        if size + n > 75:
            out.append(current)
            current, size = " ", 1
        current += ch
        size += n
    out.append(current)
    return out


def escape(text):
    return text.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def utc_stamp(moment):
    return moment.strftime("%Y%m%dT%H%M%SZ")


def parameter(value):
    """A parameter value, quoted when it holds ',', ';' or ':' (RFC 5545 3.2)."""
    return '"%s"' % value if any(c in value for c in ",;:") else value


def attendee(name, address, status="ACCEPTED", organizer=False):
    cn = parameter(name if name else address)
    return ("ATTENDEE;CUTYPE=INDIVIDUAL;ROLE=REQ-PARTICIPANT;PARTSTAT=%s;%sCN=%s;X-NUM-GUESTS=0:mailto:%s"
            % (status, "RSVP=TRUE;" if not organizer and status == "NEEDS-ACTION" else "", cn, address))


def event(uid, summary, start, end, organizer, attendees, description="", location="", status="CONFIRMED",
          extra=()):
    """One VEVENT; `start`/`end` are property lines' tails (';TZID=…:…' or ':…Z' or ';VALUE=DATE:…')."""
    lines = ["BEGIN:VEVENT", "DTSTART" + start, "DTEND" + end]
    lines += list(extra)
    lines += ["DTSTAMP:" + STAMP, "ORGANIZER;CN=%s:mailto:%s" % (parameter(organizer[0]), organizer[1]), "UID:%s@google.com" % uid]
    lines += [attendee(*a) for a in attendees]
    lines += ["CREATED:20260901T120000Z", "DESCRIPTION:" + escape(description), "LAST-MODIFIED:" + STAMP,
              "LOCATION:" + escape(location), "SEQUENCE:0", "STATUS:" + status, "SUMMARY:" + escape(summary),
              "TRANSP:OPAQUE", "END:VEVENT"]
    return lines


def in_utc(text, minutes):
    _, start = local(text)
    return ":" + utc_stamp(start), ":" + utc_stamp(start + dt.timedelta(minutes=minutes))


def open_house_guests(cast):
    """29 guests besides Avery: six Oduya, Lindgren & Sato people Avery knows, then students from other schools."""
    known = ["Dmitri Ellison", "Darius Ellison", "Ashley Khan", "Caleb Iyer", "Yvonne Hart", "Hassan Nash"]
    guests = []
    for name in known:
        p = cast[name]
        guests.append((p.full_name, p.li_email or "%s.%s@olslaw.example" % (p.first.lower(), p.last.lower())))
    schools = ["eastbrook", "stanselm", "northmere", "ridgeline"]
    firsts = ["Ada", "Bram", "Cleo", "Dov", "Esme", "Finn", "Gia", "Hal", "Ines", "Jude", "Kira", "Lev", "Mina",
              "Nils", "Opal", "Pax", "Quinn", "Rhea", "Soren", "Tova", "Ugo", "Veda", "Wynn"]
    for i, first in enumerate(firsts):
        guests.append(("", "%s.student%02d@%s.example" % (first.lower(), i + 1, schools[i % len(schools)])))
    assert len(guests) == OPEN_HOUSE_GUESTS - 1
    return guests


def write_calendar(cast):
    me = (ME_EMAIL, ME_EMAIL)
    me_attending = (ME_EMAIL, ME_EMAIL, "ACCEPTED", True)

    def person(name, address=None):
        p = cast[name]
        return p.full_name, address or p.li_email

    zb = person(THESIS, "zachary.bishop@cinderpath.example")
    events = []
    for n, (when, minutes, summary, where) in enumerate([
            ("2026-09-25 08:30", 45, "Coffee: Avery / Zachary", "Dearborn Street Cafe, Chicago"),
            ("2026-10-09 11:00", 30, "Zachary Bishop and Avery Lindqvist", "Google Meet"),
            ("2026-10-23 10:30", 45, "Memo outline review with Zachary", "Google Meet"),
            ("2026-11-05 08:00", 45, "Coffee with Zachary (he is in town)", "Dearborn Street Cafe, Chicago")]):
        start, end = in_utc(when, minutes)
        events.append(event(stable_id("zb", str(n), length=26), summary, start, end, me,
                            [me_attending, zb + ("ACCEPTED",)],
                            "Join with Google Meet: https://meet.example/zbx-avry-%03d\nOr dial: +1 312-555-01%02d "
                            "PIN: 4417%02d#\nLearn more about Meet at: https://support.example/meet" % (n, n, n),
                            where))
    mentee = person(MENTEE)
    events.append(event(
        stable_id("mentoring", length=26), "IP Law Society peer mentoring: Avery / Oscar",
        ";TZID=America/Chicago:20260901T121500", ";TZID=America/Chicago:20260901T124500", me,
        [me_attending, mentee + ("ACCEPTED",)],
        "Weekly check-in: outlines, the writing competition, summer applications.", "Halvorsen Law, Room 310",
        extra=["RRULE:FREQ=WEEKLY;WKST=SU;UNTIL=20261208T181500Z;BYDAY=TU",
               "EXDATE;TZID=America/Chicago:20261013T121500",
               "EXDATE;TZID=America/Chicago:20261124T121500"]))
    jiwoo = ("Jiwoo Park", cast["지우 박"].li_email)
    start, end = in_utc("2026-10-07 15:00", 45)
    events.append(event(stable_id("jiwoo", length=26), "Coffee with Jiwoo", start, end, me,
                        [me_attending, jiwoo + ("ACCEPTED",)], "", "Law school cafe"))
    claire = person("Claire Rao")
    events.append(event(stable_id("claire", length=26), "Video call: Claire Rao / Avery Lindqvist",
                        ";TZID=America/New_York:20261020T160000", ";TZID=America/New_York:20261020T163000",
                        claire, [claire + ("ACCEPTED", True), (ME_EMAIL, ME_EMAIL, "ACCEPTED")],
                        "Claire's Zoom room: https://zoom.example/j/5550142", "Zoom"))
    siobhan = (cast[NAME_ONLY].full_name, "siobhan.nibhriain@olslaw.example")
    start, end = in_utc("2026-09-16 12:00", 30)
    events.append(event(stable_id("siobhan", length=26), "Catch-up: Siobhán Ní Bhriain and Avery Lindqvist",
                        start, end, siobhan, [siobhan + ("ACCEPTED", True), (ME_EMAIL, ME_EMAIL, "ACCEPTED")],
                        "Quick catch-up on the offer timeline and the privacy group's 2027 plans.", "Google Meet"))
    paige = person("Paige Morales", "paige.morales@bcrlaw.example")
    start, end = in_utc("2026-10-01 16:00", 30)
    events.append(event(stable_id("paige", length=26), "Brandt IP group: coffee chat", start, end, paige,
                        [paige + ("ACCEPTED", True), (ME_EMAIL, ME_EMAIL, "DECLINED")], "", "Brandt, 40th floor"))
    jose = person("José Núñez", "jose.nunez@greavesibarra.example")
    start, end = in_utc("2026-10-21 11:30", 30)
    events.append(event(stable_id("jose", length=26), "Coffee with José before the brand-protection lunch",
                        start, end, jose, [jose + ("ACCEPTED", True), (ME_EMAIL, ME_EMAIL, "ACCEPTED")], "",
                        "Greaves & Ibarra lobby", status="CANCELLED"))
    rafael = person("Rafael D'Angelo", "rafael.dangelo@bcrlaw.example")
    events.append(event(stable_id("moot", length=26), "Moot court finals (Rafael judging)",
                        ";VALUE=DATE:20261106", ";VALUE=DATE:20261107", me, [me_attending, rafael + ("ACCEPTED",)],
                        "", "Moot Courtroom"))
    recruiting = ("Oduya, Lindgren & Sato Recruiting", "recruiting@olslaw.example")
    start, end = in_utc("2026-10-08 18:00", 120)
    guests = [(ME_EMAIL, ME_EMAIL, "ACCEPTED")] + [g + ("ACCEPTED",) for g in open_house_guests(cast)]
    events.append(event(stable_id("open-house", length=26), "Oduya, Lindgren & Sato: Chicago open house", start,
                        end, recruiting, guests, "Meet our Chicago office. Drinks and small plates.",
                        "Oduya, Lindgren & Sato LLP, 300 N LaSalle, Chicago"))
    start, end = in_utc("2026-11-16 19:00", 120)
    events.append(event(stable_id("outline", length=26), "Outline: Patent Law", start, end, me, [],
                        "Chapters 4 to 6.", "Library"))
    lines = ["BEGIN:VCALENDAR", "PRODID:-//Google Inc//Google Calendar 70.9054//EN", "VERSION:2.0",
             "CALSCALE:GREGORIAN", "METHOD:PUBLISH", "X-WR-CALNAME:" + ME_EMAIL, "X-WR-TIMEZONE:America/Chicago"]
    for tzid, (standard, daylight, dname, sname) in VTIMEZONES.items():
        lines += ["BEGIN:VTIMEZONE", "TZID:" + tzid, "X-LIC-LOCATION:" + tzid,
                  "BEGIN:DAYLIGHT", "TZOFFSETFROM:" + standard, "TZOFFSETTO:" + daylight, "TZNAME:" + dname,
                  "DTSTART:19700308T020000", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU", "END:DAYLIGHT",
                  "BEGIN:STANDARD", "TZOFFSETFROM:" + daylight, "TZOFFSETTO:" + standard, "TZNAME:" + sname,
                  "DTSTART:19701101T020000", "RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU", "END:STANDARD",
                  "END:VTIMEZONE"]
    for e in events:
        lines += e
    lines.append("END:VCALENDAR")
    with open(path("calendar.ics"), "wb") as f:
        for line in lines:
            for part in fold(line):
                f.write(part.encode("utf-8") + b"\r\n")


# ----------------------------------------------------------------------------------------------------------------
# mail.mbox
# ----------------------------------------------------------------------------------------------------------------
def address(name, addr, encoding=None):
    """'Name <addr>', the name RFC 2047-encoded (Q or B) when asked or when it is not ASCII."""
    if not name:
        return addr
    if encoding is None and name.isascii():
        return email.utils.formataddr((name, addr))
    header = email.header.Header(name, "utf-8")
    if encoding == "B" or encoding is None:
        encoded = "=?utf-8?b?%s?=" % base64.b64encode(name.encode("utf-8")).decode("ascii")
    else:
        encoded = "=?UTF-8?Q?%s?=" % "".join(
            c if c.isascii() and c.isalnum() else ("_" if c == " " else "".join("=%02X" % b for b in
                                                                              c.encode("utf-8"))) for c in name)
    assert str(email.header.make_header(email.header.decode_header(encoded))) == str(header)
    return "%s <%s>" % (encoded, addr)


def write_mail(cast):
    me = address(ME_NAME, ME_EMAIL)
    zb = address(cast[THESIS].full_name, "zachary.bishop@cinderpath.example")
    siobhan_q = address(cast[NAME_ONLY].full_name, "siobhan.nibhriain@olslaw.example", "Q")
    siobhan_b = address(cast[NAME_ONLY].full_name, "siobhan.nibhriain@olslaw.example", "B")
    kate = address("Katherine Moravec", cast["Kate Moravec"].li_email)
    jiwoo = address("Jiwoo Park", cast["지우 박"].li_email)
    oscar = address(cast[MENTEE].full_name, cast[MENTEE].li_email)
    replier = address(*REPLIER)
    cold = address(*COLD_SENDER)
    newsletter = address("IP Law Weekly", "editors@iplawweekly.example")
    portal = address("Halvorsen Career Services", "no-reply@careers.halvorsen.example")
    dean = address("Renée Dubois-Kaplan", "renee.dubois-kaplan@halvorsen.example")
    class_list = [address(p.full_name, "%s.%s@halvorsen.example" % (p.first.lower(), p.last.lower()))
                  for p in cast.group()[:24] if p.first.isascii() and p.last.isascii()][:22] + [me]
    sent, inbox = "Sent", "Inbox,Opened,Category Personal"
    # (thread, local time, from, to, cc, subject, labels, body, extra headers)
    mails = [
        ("zb-memo", "2026-10-16 21:14", me, [zb], [], "Memo outline, as promised", sent,
         "Hi Zachary,\n\nAttached is the outline we talked about. Thank you again for the call.\n\nAvery", []),
        ("zb-memo", "2026-10-17 09:02", zb, [me], [], "Re: Memo outline, as promised", inbox,
         "Avery, this is strong. Two notes in the margin. Let's go through them on the 23rd.\n\nZ.", []),
        ("zb-fellowship", "2026-11-13 10:40", zb, [me], [], "Cinderpath 2027 legal fellowship", inbox,
         "Hi Avery,\n\nThe fellowship is posted. I'd be glad to pass your application to the hiring lead.\n\n"
         "Zachary", []),
        ("zb-fellowship", "2026-11-13 12:05", me, [zb], [], "Re: Cinderpath 2027 legal fellowship", sent,
         "Thank you! I'll apply this week and send you the confirmation.\n\nAvery", []),
        ("siobhan-offer", "2026-09-14 17:22", siobhan_q, [me], [], "Offer timeline", inbox,
         "Hi Avery,\n\nThe offer letters go out next week. Do you have time for a quick call on Wednesday?\n\n"
         "Siobhán", []),
        ("siobhan-offer", "2026-09-14 19:03", me, [siobhan_b], [], "Re: Offer timeline", sent,
         "Yes, Wednesday at noon works. Thank you!\n\nAvery", []),
        ("siobhan-accept", "2026-10-27 08:45", me, [siobhan_b], [], "Offer accepted", sent,
         "Siobhán, I accepted the offer this morning. Thank you for all your help this summer.\n\nAvery", []),
        ("siobhan-accept", "2026-10-27 11:31", siobhan_q, [me], [], "Re: Offer accepted", inbox,
         "Wonderful news! Welcome to the privacy group, for real this time.\n\nS.", []),
        ("kate-reference", "2026-11-09 18:20", me, [kate], [], "Reference for the Cinderpath fellowship?", sent,
         "Hi Kate,\n\nWould you be a reference for Cinderpath's 2027 legal fellowship?\n\nAvery", []),
        ("kate-reference", "2026-11-10 07:55", kate, [me], [], "Re: Reference for the Cinderpath fellowship?", inbox,
         "Of course. Give them my number.\n\nKate", []),
        ("study-group", "2026-10-01 20:10", me, [jiwoo], [oscar], "Patent Law study group", sent,
         "Thursday at 6 in the library? I'll bring the practice exam.\n\nAvery", []),
        ("study-group", "2026-10-01 21:33", jiwoo, [me], [oscar], "Re: Patent Law study group", inbox,
         "Works for me. Oscar, can you book the room?\n\nJiwoo", []),
        ("okwuosa", "2026-10-05 10:15", me, [replier], [], "Question about in-house patent work", sent,
         "Dear Ms. Okwuosa,\n\nI found your name in the bar association's IP section directory. Could I ask you "
         "two questions about moving from a firm to an in-house patent team?\n\nAvery Lindqvist", []),
        ("okwuosa", "2026-10-06 16:48", replier, [me], [], "Re: Question about in-house patent work", inbox,
         "Hi Avery,\n\nOf course, ask away.\nFrom what I've seen, the move is easier after three years.\n\n"
         "Marguerite", []),
        ("okwuosa", "2026-10-07 09:30", me, [replier], [], "Re: Question about in-house patent work", sent,
         "Thank you! Did you keep prosecuting patents after the move?\n\nAvery", []),
        ("okwuosa", "2026-10-09 13:12", replier, [me], [], "Re: Question about in-house patent work", inbox,
         "Yes, about half my time. Happy to talk by phone next month.\n\nMarguerite", []),
        ("pruitt-1", "2026-08-12 08:01", cold, [me], [], "Contract attorney roles", inbox,
         "Hi Avery, we staff contract attorneys for document review. Reply to hear more.\n\nDale", []),
        ("pruitt-2", "2026-09-09 08:03", cold, [me], [], "Following up: contract attorney roles", inbox,
         "Just bumping this to the top of your inbox.\n\nDale", []),
        ("newsletter-1", "2026-10-19 06:00", newsletter, [me], [], "IP Law Weekly: fair use after Warhol",
         "Inbox,Category Updates,Opened", "This week: fair use, trade dress, and a patent-eligibility roundup.",
         ["List-Id: IP Law Weekly <weekly.iplawweekly.example>",
          "List-Unsubscribe: <mailto:unsubscribe@iplawweekly.example>", "Precedence: bulk"]),
        ("newsletter-2", "2026-11-16 06:00", newsletter, [me], [], "IP Law Weekly: the AI training-data cases",
         "Inbox,Category Updates", "This week: three courts on AI training data.",
         ["List-Id: IP Law Weekly <weekly.iplawweekly.example>",
          "List-Unsubscribe: <mailto:unsubscribe@iplawweekly.example>", "Precedence: bulk"]),
        ("portal", "2026-08-03 07:30", portal, [me], [], "Your OCI interview schedule was updated",
         "Inbox,Category Updates,Opened", "Your schedule has changed. Sign in to see it.", []),
        ("dean", "2026-09-02 12:00", dean, class_list, [], "3L job-search check-ins", inbox,
         "Dear 3Ls,\n\nSign up for a 20-minute check-in with the career office this month.\n\nDean Dubois-Kaplan",
         []),
    ]
    ids, threads, out = {}, {}, []
    for n, (thread, when, sender, to, cc, subject, labels, body, extra) in enumerate(mails):
        moment, utc = local(when)
        thrid = threads.setdefault(thread, str(1812000000000000000 + int(stable_id(thread, length=12), 16) %
                                               10 ** 15))
        domain = email.utils.parseaddr(sender)[1].split("@")[1]
        message_id = "<%s@mail.%s>" % (stable_id("mail", str(n), length=24), domain)
        headers = ["X-GM-THRID: " + thrid, "X-Gmail-Labels: " + labels]
        if labels != sent:
            headers += ["Delivered-To: " + ME_EMAIL,
                        "Received: by 2002:a05:7300:8e91 with SMTP id k17csp412;",
                        "        " + email.utils.format_datetime(utc)]
        headers += ["MIME-Version: 1.0",
                    "Date: " + email.utils.format_datetime(moment.replace(
                        tzinfo=dt.timezone(dt.timedelta(hours=chicago_offset(moment))))),
                    "Message-ID: " + message_id]
        if thread in ids:
            headers += ["In-Reply-To: " + ids[thread], "References: " + ids[thread]]
        ids.setdefault(thread, message_id)
        headers += ["Subject: " + subject, "From: " + sender, fold_addresses("To", to)]
        if cc:
            headers.append(fold_addresses("Cc", cc))
        headers += extra
        headers += ['Content-Type: text/plain; charset="UTF-8"', "Content-Transfer-Encoding: 8bit"]
        lines = ["From %s@xxx %s" % (thrid, utc.strftime("%a %b %d %H:%M:%S +0000 %Y"))] + headers + [""]
        lines += [(">" + l if l.startswith("From ") else l) for l in body.split("\n")]
        out.append("\r\n".join(lines) + "\r\n")
    with open(path("mail.mbox"), "wb") as f:
        f.write("\r\n".join(out).encode("utf-8"))


def fold_addresses(name, addresses):
    """'To: a, b, …' folded after commas at 78 characters (RFC 5322 2.2.3)."""
    lines, current = [], name + ": "
    for i, a in enumerate(addresses):
        piece = a + ("," if i < len(addresses) - 1 else "")
        if len(current) + len(piece) > 78 and current.strip() != name + ":":
            lines.append(current.rstrip())
            current = " "
        current += piece + " "
    lines.append(current.rstrip())
    return "\r\n".join(lines)
