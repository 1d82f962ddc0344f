"""Checks the evidence files on disk (run by generate.py, also with --check), independent of the writers.

Every file is read back with Python's own parsers: `csv` (strict) for the LinkedIn archive, `mailbox` and `email`
for mail.mbox, and for calendar.ics a hand check of the RFC 5545 layout plus, when it is importable, the
`icalendar` package (with `dateutil` for the recurrence) compared against the hand reading. Each person the files
name must be a known one (a Connections.csv profile URL, name or e-mail) or one of the strangers the story plans.
The report ends with what the rules of Docs/Formats.md should make of the files, computed here by hand.
"""

import collections
import csv
import datetime as dt
import email.header
import email.utils
import io
import mailbox
import re

from evidence import (ARCHIVE, AS_OF, COLD_SENDER, EDUCATION_HEADER, EMAILS_HEADER, ENDORSEMENTS_HEADER,
                      GROUP_SIZE, INVITATIONS_HEADER, ME_EMAIL, ME_NAME, ME_PERSONAL, ME_URL, MENTEE,
                      MESSAGES_HEADER, NAME_ONLY, OPEN_HOUSE_GUESTS, PENDING_INVITEE, POSITIONS_HEADER,
                      PROFILE_HEADER, RECOMMENDATIONS_HEADER, RECRUITER, REPLIER, SKILLS_HEADER, SPAMMER, THESIS,
                      chicago_offset, path)

CROWD = 20   # more attendees or recipients than this is a crowd, not a relationship


class EvidenceCheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise EvidenceCheckFailed(message)


def read(name, header):
    with open(path(ARCHIVE, name), encoding="utf-8", newline="") as f:
        raw = f.read()
    expect(not raw.startswith("\ufeff") and "\r" not in raw.replace("\r\n", ""), name + ": encoding or line ends")
    rows = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
    expect(rows[0] == header, "%s: header %r" % (name, rows[0]))
    for i, r in enumerate(rows[1:], 2):
        expect(len(r) == len(header), "%s:%d: %d fields" % (name, i, len(r)))
    return raw, [dict(zip(header, r)) for r in rows[1:]]


class Known:
    """Connections.csv and people.csv: who a name, URL or e-mail in the evidence may be."""

    def __init__(self):
        from generate import org_key, person_key   # the identity keys of generate.py's checker
        with open(path(ARCHIVE, "Connections.csv"), encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))[4:]
        self.url = {r[2]: r[0] + " " + r[1] for r in rows}
        self.names = collections.Counter(r[0] + " " + r[1] for r in rows)
        self.email = {r[3].lower(): r[0] + " " + r[1] for r in rows if r[3]}
        linked = {(person_key(r[0] + " " + r[1]), org_key(r[4])) for r in rows if r[4]}
        with open(path("people.csv"), encoding="utf-8", newline="") as f:
            for r in csv.DictReader(f):
                name = r["first_name"] + " " + r["last_name"]
                # a people.csv row that merges with a connection (same e-mail, or name + organization) is
                # the same person, not a second one with that name
                if r["email"].lower() not in self.email and (person_key(name), org_key(r["organization"])) \
                        not in linked:
                    self.names[name] += 1
                if r["email"]:
                    self.email.setdefault(r["email"].lower(), name)

    def by_url(self, url, name, where, strangers=()):
        if url == ME_URL:
            expect(name == ME_NAME, "%s: %r with Avery's URL" % (where, name))
            return ME_NAME
        if (name, url) in strangers:
            expect(url not in self.url and self.names[name] == 0, "%s: stranger %r is known" % (where, name))
            return name
        expect(self.url.get(url) == name, "%s: %r is not the connection at %s" % (where, name, url))
        return name

    def unique_name(self, name, where):
        expect(self.names[name] == 1, "%s: %r names %d people" % (where, name, self.names[name]))


def check_messages(known, report):
    raw, rows = read("messages.csv", MESSAGES_HEADER)
    again = io.StringIO(newline="")
    csv.writer(again, lineterminator="\n", quoting=csv.QUOTE_ALL).writerows(
        [MESSAGES_HEADER] + [[r[h] for h in MESSAGES_HEADER] for r in rows])
    expect(again.getvalue() == raw, "messages.csv: every field quoted, as in a 2026 export")
    strangers = [RECRUITER, SPAMMER]
    conversations = collections.OrderedDict()
    skipped = collections.Counter()
    one_on_one = collections.Counter()
    from_them = collections.Counter()
    in_group = collections.Counter()
    for line, r in enumerate(rows, 2):
        where = "messages.csv:%d" % line
        expect(re.fullmatch(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC", r["DATE"]), where + ": DATE")
        expect(dt.date.fromisoformat(r["DATE"][:10]) <= AS_OF, where + ": after today")
        sender = known.by_url(r["SENDER PROFILE URL"], r["FROM"], where, strangers)
        urls = r["RECIPIENT PROFILE URLS"].split(",")
        names = r["TO"].split(", ")
        expect(len(urls) == len(names) and sender not in names, where + ": recipients")
        recipients = [known.by_url(u, n, where, strangers) for u, n in zip(urls, names)]
        parties = frozenset([sender] + recipients)
        expect(ME_NAME in parties, where + ": Avery is not in the conversation")
        conversations.setdefault(r["CONVERSATION ID"], set()).add(parties)
        if r["IS MESSAGE DRAFT"] == "Yes":
            skipped["draft"] += 1
        elif r["FOLDER"] == "SPAM":
            skipped["spam"] += 1
        elif r["CONTENT"] == "Message request accepted":
            skipped["system message"] += 1
        elif len(parties) == 2:
            other = next(iter(parties - {ME_NAME}))
            one_on_one[other] += 1
            from_them[other] += sender != ME_NAME
        elif sender != ME_NAME:
            in_group[sender] += 1     # a group message is evidence with its sender only
        else:
            skipped["own message to a group"] += 1
        expect(r["IS MESSAGE DRAFT"] in ("Yes", "No") and r["FOLDER"] in ("INBOX", "SPAM"), where + ": flags")
    sizes = collections.Counter()
    for cid, parties in conversations.items():
        expect(len(parties) == 1, "messages.csv: conversation %s changes participants" % cid)
        sizes[len(next(iter(parties)))] += 1
    expect(sizes[GROUP_SIZE] == 1 and set(sizes) == {2, GROUP_SIZE}, "conversation sizes %r" % sizes)
    expect(any("\n" in r["CONTENT"] for r in rows), "messages.csv: no multi-line CONTENT")
    expect(skipped == {"draft": 1, "spam": 1, "system message": 1, "own message to a group": 3},
           "messages.csv: skips %r" % skipped)
    expect(one_on_one[THESIS] >= 10 and 0 < from_them[THESIS] < one_on_one[THESIS], "thesis conversation")
    expect(from_them[RECRUITER[0]] == one_on_one[RECRUITER[0]] > 1, "the recruiter stream is one-way")
    expect(len(in_group) == 12 and max(in_group.values()) <= 3, "group chat %r" % in_group)
    report.append("messages.csv: %d rows, %d conversations (%d one-on-one, 1 group of %d); skipped %s"
                  % (len(rows), len(conversations), sizes[2], GROUP_SIZE,
                     ", ".join("%d %s" % (n, k) for k, n in sorted(skipped.items()))))
    report.append("  one-on-one messages: " + ", ".join("%s %d (%d from them)" % (p, one_on_one[p], from_them[p])
                                                        for p in sorted(one_on_one)))
    return in_group


def check_archive(known, report):
    in_group = check_messages(known, report)
    _, rows = read("Invitations.csv", INVITATIONS_HEADER)
    for line, r in enumerate(rows, 2):
        where = "Invitations.csv:%d" % line
        expect(re.fullmatch(r"\d{1,2}/\d{1,2}/\d\d, \d{1,2}:\d\d [AP]M", r["Sent At"]), where + ": Sent At")
        mine, theirs = (("From", "inviterProfileUrl"), ("To", "inviteeProfileUrl"))[::1 if r["Direction"] ==
                                                                                      "OUTGOING" else -1]
        expect(r["Direction"] in ("INCOMING", "OUTGOING") and r[mine[0]] == ME_NAME and r[mine[1]] == ME_URL, where)
        known.by_url(r[theirs[1]], r[theirs[0]], where, [PENDING_INVITEE])
    directions = collections.Counter((r["Direction"], bool(r["Message"])) for r in rows)
    expect(directions[("INCOMING", True)] and directions[("INCOMING", False)] and
           directions[("OUTGOING", True)] and directions[("OUTGOING", False)], "invitation mix %r" % directions)
    for name in ("Recommendations_Received.csv", "Recommendations_Given.csv"):
        _, recs = read(name, RECOMMENDATIONS_HEADER)
        for line, r in enumerate(recs, 2):
            known.unique_name(r["First Name"] + " " + r["Last Name"], "%s:%d" % (name, line))
            expect(re.fullmatch(r"\d\d/\d\d/\d\d, \d\d:\d\d [AP]M", r["Creation Date"]), name + ": Creation Date")
    _, ends = read("Endorsement_Received_Info.csv", ENDORSEMENTS_HEADER)
    for line, r in enumerate(ends, 2):
        where = "Endorsement_Received_Info.csv:%d" % line
        expect(re.fullmatch(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d UTC", r["Endorsement Date"]), where + ": date")
        expect(r["Endorser Public Url"].startswith("www.linkedin.com/in/"), where + ": URL without a scheme")
        known.by_url("https://" + r["Endorser Public Url"], r["Endorser First Name"] + " " + r["Endorser Last Name"],
                     where)
    _, profile = read("Profile.csv", PROFILE_HEADER)
    expect(len(profile) == 1 and profile[0]["First Name"] + " " + profile[0]["Last Name"] == ME_NAME, "Profile.csv")
    _, positions = read("Positions.csv", POSITIONS_HEADER)
    _, schools = read("Education.csv", EDUCATION_HEADER)
    for r in positions:
        for key in ("Started On", "Finished On"):
            dt.datetime.strptime(r[key], "%b %Y")
    expect([r["School Name"] for r in schools] == ["Halvorsen University School of Law", "Carroway College"],
           "Education.csv schools")
    _, emails = read("Email Addresses.csv", EMAILS_HEADER)
    expect([(r["Email Address"], r["Primary"]) for r in emails] == [(ME_EMAIL, "Yes"), (ME_PERSONAL, "No")],
           "Email Addresses.csv")
    read("Skills.csv", SKILLS_HEADER)
    report.append("LinkedIn archive: %d invitations, %d endorsements, %d positions, %d schools; Skills.csv is "
                  "ignored" % (len(rows), len(ends), len(positions), len(schools)))
    return in_group


def unfold(raw):
    """Physical lines (checked) -> logical content lines of calendar.ics."""
    expect(raw.endswith(b"\r\n") and b"\n" not in raw.replace(b"\r\n", b""), "calendar.ics: CRLF line ends")
    physical = raw[:-2].split(b"\r\n")
    expect(all(len(p) <= 75 for p in physical), "calendar.ics: a line longer than 75 octets")
    logical = []
    for p in physical:
        if p.startswith(b" "):
            logical[-1] += p[1:]
        else:
            logical.append(p)
    expect(len(logical) < len(physical), "calendar.ics: no folded line")
    return [line.decode("utf-8") for line in logical]


def local_day(value):
    """The calendar's (X-WR-TIMEZONE America/Chicago) day of a DATE-TIME value, UTC ('…Z') or local."""
    moment = dt.datetime.strptime(value[:15], "%Y%m%dT%H%M%S")
    if value.endswith("Z"):
        moment += dt.timedelta(hours=chicago_offset(moment - dt.timedelta(hours=5)))
    return moment.date()


def weekly(start, until, exdates):
    """The occurrences of FREQ=WEEKLY on DTSTART's weekday, through UNTIL, minus EXDATE, up to AS_OF."""
    days, day = [], start
    while day <= until and day <= AS_OF:
        if day not in exdates:
            days.append(day)
        day += dt.timedelta(days=7)
    return days


def content_line(line):
    """name;param=value;param="quoted, value":value -> (name, {param: value}, value) (RFC 5545 3.1)."""
    match = re.match(r'([A-Za-z0-9-]+)((?:;[A-Za-z0-9-]+=(?:"[^"]*"|[^";:,]*))*):(.*)\Z', line, re.S)
    expect(match, "calendar.ics: not a content line: %r" % line[:40])
    params = dict((k, v.strip('"')) for k, v in re.findall(r';([A-Za-z0-9-]+)=("[^"]*"|[^";:,]*)', match.group(2)))
    return match.group(1), params, match.group(3)


def read_events(lines):
    """Hand reading: every VEVENT as a dict of property name -> [(parameters, value)]."""
    events, stack, current = [], [], None
    tzids = set()
    for line in lines:
        key, params, value = content_line(line)
        if key == "BEGIN":
            stack.append(value)
            if value == "VEVENT":
                current = collections.defaultdict(list)
        elif key == "END":
            expect(stack and stack.pop() == value, "calendar.ics: END:%s does not close" % value)
            if value == "VEVENT":
                events.append(current)
                current = None
        elif current is not None:
            current[key].append((params, value))
        elif key == "TZID":
            tzids.add(value)
        elif key == "X-WR-CALNAME":
            expect(value == ME_EMAIL, "calendar.ics: X-WR-CALNAME")
    expect(not stack, "calendar.ics: unclosed component")
    for e in events:
        for prop in ("UID", "DTSTAMP", "DTSTART", "DTEND"):
            expect(len(e[prop]) == 1, "calendar.ics: %s in %r" % (prop, e["UID"]))
        for prop in ("DTSTART", "DTEND", "EXDATE"):
            for params, _ in e[prop]:
                expect(params.get("TZID", "America/Chicago") in tzids, "calendar.ics: TZID without VTIMEZONE")
    expect(tzids == {"America/Chicago", "America/New_York"}, "calendar.ics: VTIMEZONEs %r" % tzids)
    return events


def check_calendar(known, report):
    with open(path("calendar.ics"), "rb") as f:
        raw = f.read()
    events = read_events(unfold(raw))
    meetings = collections.Counter()
    minutes = collections.Counter()
    skipped = collections.Counter()
    occurrences = {}
    for e in events:
        uid = e["UID"][0][1]
        mine = [p for p, v in e["ATTENDEE"] if v.lower() == "mailto:" + ME_EMAIL]
        others = [(p.get("CN", ""), v[len("mailto:"):]) for p, v in e["ATTENDEE"]
                  if v.lower() != "mailto:" + ME_EMAIL]
        for _, addr in others:
            expect(addr.endswith(".example"), "calendar.ics: %s is not fictional" % addr)
        start = e["DTSTART"][0]
        if e["STATUS"][0][1] == "CANCELLED":
            skipped["cancelled"] += 1
        elif mine and mine[0]["PARTSTAT"] == "DECLINED":
            skipped["declined"] += 1
        elif start[0].get("VALUE") == "DATE":
            skipped["all-day"] += 1
        elif not others:
            skipped["no other attendee"] += 1
        elif len(others) + 1 > CROWD:
            skipped["more than %d attendees" % CROWD] += 1
            expect(len(others) + 1 == OPEN_HOUSE_GUESTS, "open house size")
        else:
            day = local_day(start[1])
            days = [day]
            if e["RRULE"]:
                rule = dict(part.split("=") for part in e["RRULE"][0][1].split(";"))
                until = dt.datetime.strptime(rule["UNTIL"][:8], "%Y%m%d").date()
                exdates = {dt.datetime.strptime(v[:8], "%Y%m%d").date() for _, v in e["EXDATE"]}
                days = weekly(day, until, exdates)
            occurrences[uid] = days
            length = (dt.datetime.strptime(e["DTEND"][0][1][:15], "%Y%m%dT%H%M%S") -
                      dt.datetime.strptime(start[1][:15], "%Y%m%dT%H%M%S")).seconds // 60
            for cn, addr in others:
                who = known.email.get(addr.lower())
                if who is None:
                    known.unique_name(cn, "calendar.ics %s: %s" % (uid, addr))
                    who = cn
                expect(len(others) == 1, "calendar.ics: a small group meeting is not planned")
                meetings[who] += len(days)
                minutes[who] += len(days) * length
    expect(meetings[THESIS] == 4 and meetings[MENTEE] >= 5, "calendar: %r" % meetings)
    expect(set(skipped) == {"cancelled", "declined", "all-day", "no other attendee", "more than 20 attendees"},
           "calendar skips %r" % skipped)
    checked = check_with_icalendar(raw, events, occurrences)
    report.append("calendar.ics: %d events; one-on-one meetings: %s; skipped %s%s" % (
        len(events), ", ".join("%s %d (%d min)" % (p, meetings[p], minutes[p]) for p in sorted(meetings)),
        ", ".join("%d %s" % (n, k) for k, n in sorted(skipped.items())), checked))


def check_with_icalendar(raw, events, occurrences):
    try:
        import icalendar
        from dateutil import rrule
    except ImportError:
        return " (icalendar not installed: hand check only)"
    calendar = icalendar.Calendar.from_ical(raw)
    parsed = {str(e["UID"]): e for e in calendar.walk("VEVENT")}
    expect(set(parsed) == {e["UID"][0][1] for e in events}, "icalendar reads other events")
    for e in events:
        theirs = parsed[e["UID"][0][1]].get("ATTENDEE", [])
        theirs = [theirs] if not isinstance(theirs, list) else theirs
        expect(sorted(str(a) for a in theirs) == sorted(v for _, v in e["ATTENDEE"]), "icalendar: attendees differ")
        expect(all(str(a.params.get("CN", "")) == p.get("CN", "") for a, (p, _) in
                   zip(sorted(theirs, key=str), sorted(e["ATTENDEE"], key=lambda x: x[1]))), "icalendar: CN differs")
    for uid, days in occurrences.items():
        event = parsed[uid]
        start = event.decoded("DTSTART")
        if "RRULE" not in event:
            expect(start.date() == days[0] if isinstance(start, dt.datetime) else False, "icalendar: DTSTART")
            continue
        rule = rrule.rrulestr(event["RRULE"].to_ical().decode(), dtstart=start)
        exdates = {d.dt for x in (event["EXDATE"] if isinstance(event["EXDATE"], list) else [event["EXDATE"]])
                   for d in x.dts}
        end = dt.datetime.combine(AS_OF, dt.time(23, 59), tzinfo=start.tzinfo)
        expected = [d.date() for d in rule.between(start, end, inc=True) if d not in exdates]
        expect(expected == days, "icalendar/dateutil expand the recurrence to %r, the hand check to %r"
               % (expected, days))
    return " (agrees with icalendar %s)" % icalendar.__version__


def decoded(value):
    return str(email.header.make_header(email.header.decode_header(value)))


def check_mail(known, report):
    box = mailbox.mbox(path("mail.mbox"), create=False)
    with open(path("mail.mbox"), "rb") as f:
        raw = f.read()
    expect(b"\r\n>From what I've seen" in raw, "mail.mbox: no >From-escaped body line")
    ids = set()
    sent = collections.Counter()
    received = collections.Counter()
    group = collections.Counter()
    skipped = collections.Counter()
    names = {}
    messages = list(box)
    for n, msg in enumerate(messages, 1):
        where = "mail.mbox message %d" % n
        separator = msg.get_from().rstrip("\r").split(" ")
        thread = msg["X-GM-THRID"]
        expect(separator[0] == thread + "@xxx" and msg["X-Gmail-Labels"], where + ": Takeout headers")
        when = email.utils.parsedate_to_datetime(msg["Date"]).astimezone(dt.timezone.utc)
        expect(" ".join(separator[1:]) == when.strftime("%a %b %d %H:%M:%S +0000 %Y"), where + ": From_ date")
        expect(when.date() <= AS_OF and msg["Message-ID"] not in ids, where + ": date or Message-ID")
        ids.add(msg["Message-ID"])
        sender_name, sender = email.utils.parseaddr(decoded(msg["From"]))
        parties = email.utils.getaddresses([decoded(v) for v in msg.get_all("To", []) + msg.get_all("Cc", [])])
        for name, addr in [(sender_name, sender)] + parties:
            expect(addr.endswith(".example"), where + ": %s is not fictional" % addr)
            names[addr.lower()] = name
        others = {a.lower() for _, a in [(sender_name, sender)] + parties} - {ME_EMAIL}
        if msg["List-Id"] or (msg["Precedence"] or "").lower() in ("bulk", "list"):
            skipped["bulk or list mail"] += 1
        elif (msg["Auto-Submitted"] or "no").lower() != "no":
            skipped["automatic mail"] += 1
        elif sender != ME_EMAIL and re.match(r"no-?reply@", sender):
            skipped["noreply sender"] += 1
        elif len(parties) > CROWD:
            skipped["more than %d recipients" % CROWD] += 1
        elif len(others) > 1:
            for a in others:
                group[a] += 1
        elif sender == ME_EMAIL:
            sent[others.pop()] += 1
        else:
            received[sender.lower()] += 1
    expect(names["siobhan.nibhriain@olslaw.example"] == NAME_ONLY and known.names[NAME_ONLY] == 1 and
           "siobhan.nibhriain@olslaw.example" not in known.email, "the RFC 2047 name matches by name only")
    replier, cold = REPLIER[1], COLD_SENDER[1]
    expect(sent[replier] == 2 == received[replier] and replier not in known.email and known.names[REPLIER[0]] == 0,
           "the stranger who replied twice")
    expect(received[cold] == 2 and not sent[cold] and cold not in known.email, "the sender who got no answer")
    expect(set(skipped) == {"bulk or list mail", "noreply sender", "more than 20 recipients"}, "mail skips")

    def who(addr):
        return known.email.get(addr) or names[addr]
    pairs = sorted(set(sent) | set(received), key=who)
    report.append("mail.mbox: %d messages; one-on-one (sent/received): %s; group: %d mails; skipped %s" % (
        len(messages), ", ".join("%s %d/%d" % (who(a), sent[a], received[a]) for a in pairs),
        max(group.values()), ", ".join("%d %s" % (n, k) for k, n in sorted(skipped.items()))))
    report.append("  matched by e-mail: %s; by name only: %s; new person (two-way, unknown): %s; not created "
                  "(one-way): %s" % (
                      ", ".join(sorted(who(a) for a in pairs if a in known.email)),
                      ", ".join(sorted(names[a] for a in pairs if a not in known.email and
                                       known.names[names[a]] == 1)),
                      REPLIER[0], COLD_SENDER[0]))


def check():
    """The report lines; raises EvidenceCheckFailed (a message naming the file) on the first failed check."""
    known = Known()
    report = []
    in_group = check_archive(known, report)
    check_calendar(known, report)
    check_mail(known, report)
    expect(not set(in_group) & {THESIS, MENTEE}, "the thesis contacts are not in the group chat")
    report.append("group chat: %d of the %d others wrote there, at most %d group messages each"
                  % (len(in_group), GROUP_SIZE - 1, max(in_group.values())))
    return report
