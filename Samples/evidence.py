"""Avery's evidence: the LinkedIn data archive, a calendar export and a mailbox export (part of generate.py).

`write(generator)` writes, next to this script:

    LinkedInDataExport/   the unzipped LinkedIn archive: Connections.csv (written by generate.py), messages.csv,
                          Invitations.csv, Recommendations_Received.csv, Recommendations_Given.csv,
                          Endorsement_Received_Info.csv, Profile.csv, Positions.csv, Education.csv,
                          Email Addresses.csv and Skills.csv (which Rapport ignores)
    calendar.ics          a Google Calendar export (RFC 5545) of avery.lindqvist@halvorsen.example
    mail.mbox             a Gmail Takeout mbox: headers and short bodies

`check()` reads them back with Python's own parsers (csv; mailbox and email; icalendar when it is importable,
and always a hand check of the .ics) and asserts that every person named in them is the same person as in
Connections.csv and people.csv (same name, e-mail or profile URL), or one of the few strangers the story plans.

The story, on top of generate.py's: Zachary Bishop (IP Counsel at Cinderpath Software, a Halvorsen Law alum) is a
LinkedIn connection Avery never logged anything with. After the IP Law Society alumni panel (2026-09-24) they
message one-on-one, meet four times (two coffees, two video calls) and e-mail each way. Oscar Santos, a 2L, meets
Avery every week (a recurring peer-mentoring call). The crowd is evidence too, of the wrong kind: a 40-person
IP Law Society group chat and a 30-guest firm open house. Nothing here uses randomness: every row is written out,
so generate.py's random stream and its five CSV files are unchanged.
"""

import base64
import csv
import datetime as dt
import hashlib
import os

HERE = os.path.dirname(os.path.abspath(__file__))
ARCHIVE = "LinkedInDataExport"
AS_OF = dt.date(2026, 11, 20)

ME_NAME = "Avery Lindqvist"
ME_EMAIL = "avery.lindqvist@halvorsen.example"
ME_PERSONAL = "avery.lindqvist@mail.example"
ME_URL = "https://www.linkedin.com/in/avery-lindqvist-7c21e9"

MESSAGES_HEADER = ["CONVERSATION ID", "CONVERSATION TITLE", "FROM", "SENDER PROFILE URL", "TO",
                   "RECIPIENT PROFILE URLS", "DATE", "SUBJECT", "CONTENT", "FOLDER", "IS MESSAGE DRAFT"]
INVITATIONS_HEADER = ["From", "To", "Sent At", "Message", "Direction", "inviterProfileUrl", "inviteeProfileUrl"]
RECOMMENDATIONS_HEADER = ["First Name", "Last Name", "Company", "Job Title", "Text", "Creation Date", "Status"]
ENDORSEMENTS_HEADER = ["Endorsement Date", "Skill Name", "Endorser First Name", "Endorser Last Name",
                       "Endorser Public Url", "Endorsement Status"]
PROFILE_HEADER = ["First Name", "Last Name", "Maiden Name", "Address", "Birth Date", "Headline", "Summary",
                  "Industry", "Zip Code", "Geo Location", "Twitter Handles", "Websites", "Instant Messengers"]
POSITIONS_HEADER = ["Company Name", "Title", "Description", "Location", "Started On", "Finished On"]
EDUCATION_HEADER = ["School Name", "Start Date", "End Date", "Notes", "Degree Name", "Activities"]
EMAILS_HEADER = ["Email Address", "Confirmed", "Primary", "Updated On"]
SKILLS_HEADER = ["Name"]

# The people of the story, by their LinkedIn name (First Name + " " + Last Name in Connections.csv).
THESIS = "Zachary Bishop"            # LinkedIn connection only; messages, meets and mails one-on-one
MENTEE = "Oscar Santos"              # LinkedIn connection with an e-mail; the weekly recurring call
REQUESTER = "Sara Padilla"           # wrote a message request, then invited Avery with a note
NAME_ONLY = "Siobhán Ní Bhriain"     # LinkedIn connection without an e-mail; mails with an RFC 2047 name
GROUP_SIZE = 40                      # the IP Law Society group chat, Avery included
OPEN_HOUSE_GUESTS = 30               # attendees of the open house, Avery included
# Strangers (in no contact file). Only the two-way one may become a new person.
RECRUITER = ("Trent Halvard", "https://www.linkedin.com/in/trent-halvard-lexbridge")
SPAMMER = ("Bar Prep Deals", "https://www.linkedin.com/in/bar-prep-deals-0x9f")
PENDING_INVITEE = ("Lucinda Marwick", "https://www.linkedin.com/in/lucinda-marwick-castellane")
REPLIER = ("Marguerite Okwuosa", "m.okwuosa@hartleyip.example")
COLD_SENDER = ("Dale Pruitt", "dale.pruitt@legalstaffpro.example")


def path(*parts):
    return os.path.join(HERE, *parts)


def chicago_offset(moment):
    """UTC offset in hours of America/Chicago at a naive local time (US rules since 2007)."""
    year = moment.year
    march = dt.datetime(year, 3, 8, 2) + dt.timedelta(days=(6 - dt.date(year, 3, 8).weekday()) % 7)
    november = dt.datetime(year, 11, 1, 2) + dt.timedelta(days=(6 - dt.date(year, 11, 1).weekday()) % 7)
    return -5 if march <= moment < november else -6


def local(text):
    """'2026-09-25 08:30' in Chicago -> (naive local datetime, aware UTC datetime)."""
    moment = dt.datetime.strptime(text, "%Y-%m-%d %H:%M")
    utc = (moment - dt.timedelta(hours=chicago_offset(moment))).replace(tzinfo=dt.timezone.utc)
    return moment, utc


def stable_id(*parts, length=16):
    return hashlib.sha256("|".join(parts).encode("utf-8")).hexdigest()[:length]


def conversation_id(seed):
    h = hashlib.sha256(seed.encode("utf-8")).hexdigest()
    uuid = "%s-%s-%s-%s-%s" % (h[:8], h[8:12], h[12:16], h[16:20], h[20:32])
    return "2-" + base64.b64encode((uuid + "_010").encode("ascii")).decode("ascii")


def write_rows(name, header, rows, quote_all=False):
    with open(path(ARCHIVE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n", quoting=csv.QUOTE_ALL if quote_all else csv.QUOTE_MINIMAL)
        w.writerow(header)
        w.writerows(rows)


# ----------------------------------------------------------------------------------------------------------------
# LinkedIn archive
# ----------------------------------------------------------------------------------------------------------------
class Cast:
    """The generator's LinkedIn connections by full name, with the checks the story relies on."""

    def __init__(self, generator):
        self.by_name = {}
        for p in generator.people:
            if p.li:
                assert p.full_name not in self.by_name, p.full_name
                self.by_name[p.full_name] = p
        logged = {r["person"].key for r in generator.interactions}
        for name in (THESIS, MENTEE):
            p = self.by_name[name]
            assert not p.pp and p.key not in logged, "%s must be a LinkedIn-only contact with no history" % name
        assert self.by_name[MENTEE].li_email and not self.by_name[NAME_ONLY].li_email
        self.generator = generator

    def __getitem__(self, name):
        return self.by_name[name]

    def group(self):
        """The 39 others of the group chat: Halvorsen connections, then summer associates, by profile URL."""
        left_out = {"mentor", "park"} | {self[n].key for n in (THESIS, MENTEE, REQUESTER, NAME_ONLY)}
        school = sorted((p for p in self.by_name.values() if p.org and p.org["name"] == "Halvorsen University "
                         "School of Law" and p.key not in left_out), key=lambda p: p.url)
        summer = sorted((p for p in self.by_name.values() if p.role == "summer"), key=lambda p: p.url)
        return (school + summer)[:GROUP_SIZE - 1]


def message_rows(cast):
    """messages.csv: one-on-one conversations, a recruiter's one-way stream, the group chat and the skips."""
    me = (ME_NAME, ME_URL)

    def who(name):
        p = cast[name]
        return (p.full_name, p.url)

    conversations = []   # (id, title, [(utc, sender, recipients, subject, content, folder, draft)])

    def talk(seed, other, lines, title="", subject=""):
        rows = []
        for when, from_me, content in lines:
            sender, recipients = (me, [other]) if from_me else (other, [me])
            rows.append((when, sender, recipients, subject, content, "INBOX", "No"))
        conversations.append((conversation_id(seed), title, rows))

    zb = who(THESIS)
    talk("zachary", zb, [
        ("2026-09-24 23:41:07", True, "Thank you for speaking on the alumni panel tonight. Your point about reading "
                                      "the open-source licence before the term sheet stuck with me. Would you have "
                                      "20 minutes for coffee before you fly back?"),
        ("2026-09-25 01:12:44", False, "Happy to. The cafe on Dearborn at 8:30? My flight is at noon."),
        ("2026-09-25 01:15:02", True, "Perfect, see you there."),
        ("2026-09-26 15:03:19", False, "Great to meet you, Avery.\nThe two articles I mentioned:\n"
                                       "- the one on SEP licensing\n- the one on AI training-data clauses\n"
                                       "Tell me what you think of the second."),
        ("2026-09-28 18:20:51", True, "Read both. The second changed how I would mark up a data licence: I would "
                                      "ask for the provenance warranty first."),
        ("2026-10-08 16:45:30", False, "Free tomorrow at 11 for a call? I can walk you through a real open-source "
                                       "audit, redacted."),
        ("2026-10-08 17:02:12", True, "Yes, thank you! Sending an invite."),
        ("2026-10-22 20:10:05", True, "Could we continue tomorrow? I drafted the memo outline you suggested."),
        ("2026-10-22 21:30:48", False, "Yes, 10:30 works."),
        ("2026-11-12 14:22:37", False, "Our team may open a 2027 legal fellowship. I'll e-mail you the details when "
                                       "it is posted."),
        ("2026-11-12 15:01:09", True, "That would be wonderful. Thank you for thinking of me."),
    ])
    sara = who(REQUESTER)
    talk("sara", sara, [
        ("2026-10-20 02:14:55", False, "Hi Avery, I'm a 2L and I'd like to join the IP Law Society writing "
                                       "competition. Is the deadline firm?"),
        ("2026-10-20 13:40:21", True, "Message request accepted"),
        ("2026-10-20 13:44:09", True, "Hi Sara! It is firm, November 15. Happy to read a draft outline."),
        ("2026-10-20 15:02:33", False, "Thank you so much, I'll send it this weekend."),
    ])
    jose = who("José Núñez")
    talk("jose", jose, [
        ("2026-10-02 19:26:40", False, "Saw your post on trademark clearance. Greaves & Ibarra is hosting a brand-"
                                       "protection lunch on the 21st; want to grab coffee first?"),
        ("2026-10-03 00:08:13", True, "I'd love to. Does 11:30 on the 21st work?"),
        ("2026-10-03 01:55:46", False, "It does. I'll send an invite."),
    ])
    recruiter = RECRUITER
    conversations.append((conversation_id("recruiter"), "", [
        ("2026-06-03 14:05:00", recruiter, [me], "IP associate roles in Chicago",
         "Hi Avery, I place IP associates with Chicago firms. Open to a quick call about 2027 start dates?",
         "INBOX", "No"),
        ("2026-08-19 14:12:31", recruiter, [me], "Following up",
         "Following up on my note in June. Two patent-litigation groups are hiring.", "INBOX", "No"),
        ("2026-10-28 15:47:02", recruiter, [me], "New opening: patent litigation",
         "A new opening came in this morning,\nfirst-year associate, patent litigation.\nInterested?",
         "INBOX", "No"),
    ]))
    group = [me] + [(p.full_name, p.url) for p in cast.group()]
    assert len(group) == GROUP_SIZE
    authors = [group[i] for i in (3, 7, 11, 15, 19, 23, 27, 31, 35, 38, 1, 5)]
    chat = [
        ("2026-08-25 16:00:12", 0, "Welcome back, everyone! Board meeting Thursday at 12:15 in Room 204."),
        ("2026-08-25 16:31:40", 1, "I'll bring the sign-up sheets."),
        ("2026-08-27 13:05:55", 2, "Pizza is ordered."),
        ("2026-09-02 18:22:09", None, "Reminder: the alumni panel is September 24, 6 pm, Moot Courtroom."),
        ("2026-09-10 21:48:31", 3, "Who is moderating the panel?"),
        ("2026-09-10 22:03:17", None, "I am, with Professor Foster."),
        ("2026-09-17 15:11:50", 4, "Room change: the panel moves to the Atrium."),
        ("2026-09-24 20:40:02", 5, "Thanks to all the panelists!"),
        ("2026-09-24 21:02:48", 6, "Great turnout tonight."),
        ("2026-09-30 14:30:19", 7, "Writing competition rules are posted on the board."),
        ("2026-10-06 17:45:33", 8, "Is anyone going to the Oduya, Lindgren & Sato open house on the 8th?"),
        ("2026-10-06 18:02:10", 9, "Yes, see you there."),
        ("2026-10-06 18:09:41", 10, "Me too."),
        ("2026-10-15 16:20:05", 11, "Outline bank for Patent Law is in the shared drive."),
        ("2026-10-22 19:58:27", 0, "Elections for next year's board:\n1. nominations until Nov 6\n"
                                   "2. vote on Nov 13"),
        ("2026-10-29 15:10:44", 2, "Thank you for the outlines!"),
        ("2026-11-06 23:59:00", 1, "Nominations are closed."),
        ("2026-11-13 20:15:38", None, "Results are in; congratulations to the new board."),
        ("2026-11-18 17:33:21", 4, "End-of-semester social on December 4."),
    ]
    rows = []
    for when, author, content in chat:
        sender = me if author is None else authors[author]
        rows.append((when, sender, [p for p in group if p != sender], "", content, "INBOX", "No"))
    conversations.append((conversation_id("ipls-group"), "Halvorsen IP Law Society 2026-27", rows))
    diego = who("Diego Reid")
    conversations.append((conversation_id("diego-draft"), "", [
        ("2026-11-18 03:12:45", me, [diego], "",
         "Dear Mr. Reid, I am a 3L at Halvorsen and would value 20 minutes of your advice on patent prosecution.",
         "INBOX", "Yes"),
    ]))
    conversations.append((conversation_id("spam"), "", [
        ("2026-07-14 09:00:00", SPAMMER, [me], "", "PASS THE BAR GUARANTEED!!! 90% off today only.", "SPAM", "No"),
    ]))
    out = []
    conversations.sort(key=lambda c: max(r[0] for r in c[2]), reverse=True)
    for cid, title, messages in conversations:
        for when, sender, recipients, subject, content, folder, draft in sorted(messages, key=lambda r: r[0],
                                                                                 reverse=True):
            out.append([cid, title, sender[0], sender[1], ", ".join(r[0] for r in recipients),
                        ",".join(r[1] for r in recipients), when + " UTC", subject, content, folder, draft])
    return out


def clock12(day_time, pad):
    """'2026-10-21 19:42' -> '10/21/26, 7:42 PM' (Invitations.csv) or, padded, '10/21/26, 07:42 PM'
    (Recommendations_*.csv)."""
    moment = dt.datetime.strptime(day_time, "%Y-%m-%d %H:%M")
    hour = moment.hour % 12 or 12
    text = ("%02d/%02d/%02d, %02d:%02d %s" if pad else "%d/%d/%02d, %d:%02d %s") % (
        moment.month, moment.day, moment.year % 100, hour, moment.minute, "AM" if moment.hour < 12 else "PM")
    return text


def invitation(day_time, inviter, invitee, message, direction):
    return [inviter[0], invitee[0], clock12(day_time, pad=False), message, direction, inviter[1], invitee[1]]


def li_timestamp(day_time):
    return clock12(day_time, pad=True)


def write_archive(generator):
    cast = Cast(generator)
    os.makedirs(path(ARCHIVE), exist_ok=True)
    write_rows("messages.csv", MESSAGES_HEADER, message_rows(cast), quote_all=True)
    me = (ME_NAME, ME_URL)

    def who(name):
        return (cast[name].full_name, cast[name].url)

    write_rows("Invitations.csv", INVITATIONS_HEADER, [
        invitation("2026-11-16 18:05", me, PENDING_INVITEE, "", "OUTGOING"),
        invitation("2026-10-21 19:42", who(REQUESTER), me, "Hi Avery, thanks again for the help with the writing "
                   "competition. I'd be glad to stay in touch.", "INCOMING"),
        invitation("2026-10-19 08:15", who("Elise Shah"), me, "", "INCOMING"),
        invitation("2026-10-13 21:30", me, who("Oscar Landry"), "Hi Oscar, great meeting you at the privacy and tech "
                   "mixer. I'd love to hear more about Cinderpath's contract playbook.", "OUTGOING"),
        invitation("2025-04-22 21:14", who(THESIS), me, "Fellow Halvorsen alum here. I enjoyed your question at the "
                   "Tech Transactions Symposium; happy to connect.", "INCOMING"),
    ])
    write_rows("Recommendations_Received.csv", RECOMMENDATIONS_HEADER, [
        ["Eleanor", "Achterberg", "Halvorsen University School of Law", "Professor of Law",
         "Avery was my research assistant for two years. Careful, fast and generous with colleagues.\n"
         "I recommend Avery without reservation for any IP or technology-transactions role.",
         li_timestamp("2026-05-14 10:02"), "VISIBLE"],
        ["Imani", "Rhodes", "Pinecrest Consulting Group", "Engagement Manager",
         "Avery ran our client data workstream for a year and made every deadline. We will miss Avery's clear "
         "writing.", li_timestamp("2024-07-30 16:45"), "VISIBLE"],
    ])
    write_rows("Recommendations_Given.csv", RECOMMENDATIONS_HEADER, [
        ["Mei", "Reid", "Pinecrest Consulting Group", "Consultant",
         "Mei is the analyst I would want on any deadline: thorough, calm and kind.",
         li_timestamp("2024-08-02 11:20"), "VISIBLE"],
    ])
    endorsements = [("2025-04-11 17:20:03", "Intellectual Property", "Eleanor Achterberg"),
                    ("2025-11-02 22:41:19", "Legal Research", "Rafael D'Angelo"),
                    ("2026-03-14 18:02:11", "Legal Writing", "지우 박"),
                    ("2026-05-03 15:37:48", "Contract Drafting", "Elena Greenberg"),
                    ("2026-10-02 20:11:05", "Intellectual Property", MENTEE),
                    ("2026-10-24 16:58:30", "Licensing", THESIS)]
    rows = []
    for when, skill, name in sorted(endorsements, reverse=True):
        p = cast[name]
        rows.append([when.replace("-", "/") + " UTC", skill, p.first, p.last,
                     p.url.replace("https://", ""), "ACCEPTED"])
    write_rows("Endorsement_Received_Info.csv", ENDORSEMENTS_HEADER, rows)
    write_rows("Profile.csv", PROFILE_HEADER, [[
        "Avery", "Lindqvist", "", "", "",
        "J.D. Candidate 2027, Halvorsen Law | Intellectual property and technology transactions",
        "3L interested in IP licensing, open-source compliance and technology transactions. Before law school, "
        "a business analyst at Pinecrest Consulting Group.",
        "Law Practice", "60611", "Chicago, Illinois, United States", "", "", ""]])
    write_rows("Positions.csv", POSITIONS_HEADER, [
        ["Oduya, Lindgren & Sato LLP", "Summer Associate",
         "Privacy and technology-transactions rotations.\nDrafted a SaaS data-processing addendum.",
         "Chicago, Illinois, United States", "May 2026", "Aug 2026"],
        ["Quillstack Technologies, Inc.", "Legal Intern", "Open-source licensing audit; SaaS order-form markups.",
         "Chicago, Illinois, United States", "Jun 2025", "Aug 2025"],
        ["Pinecrest Consulting Group", "Business Analyst", "Client data and operations workstreams.",
         "Chicago, Illinois, United States", "Jul 2021", "Jul 2024"],
    ])
    write_rows("Education.csv", EDUCATION_HEADER, [
        ["Halvorsen University School of Law", "2024", "2027", "", "Juris Doctor - JD",
         "IP Law Society (Vice President), Halvorsen Law Review"],
        ["Carroway College", "2017", "2021", "", "Bachelor of Arts - BA", "Mock Trial"],
    ])
    write_rows("Email Addresses.csv", EMAILS_HEADER, [
        [ME_EMAIL, "Yes", "Yes", "Not Available"],
        [ME_PERSONAL, "Yes", "No", "Not Available"],
    ])
    write_rows("Skills.csv", SKILLS_HEADER, [[s] for s in (
        "Intellectual Property", "Legal Research", "Legal Writing", "Licensing", "Contract Drafting",
        "Technology Transactions", "Open Source Compliance")])
    return cast
