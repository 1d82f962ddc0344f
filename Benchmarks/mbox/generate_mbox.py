#!/usr/bin/env python3
"""Writes a realistic fictional mbox for the mailbox reader's benchmark and oracle test.

The mailbox belongs to Avery Quinn <avery.quinn@example.com> (the Samples' fictional user) and looks
like a Gmail Takeout export: Gmail's delivery headers (Received, DKIM, ARC), X-Gmail-Labels, folded
To/Cc lines, RFC 2047 names (UTF-8 B and Q, ISO-8859-1, adjacent encoded words), quoted names with
commas, groups, assorted RFC 5322 date forms, mail both ways, group mail, mailing-list and noreply
mail, a few messages without a Message-ID. Bodies are a few KB of text with mboxrd-quoted `>From `
lines; about a quarter carry a base64 attachment, a few a large one. Every address is under the
reserved example.com/.org/.net domains (RFC 2606).

Usage:
  generate_mbox.py --out FILE --messages N [--seed S] [--crlf] [--small-attachments]
  generate_mbox.py --out FILE --size-mb M  [--seed S]      (stops after M MiB)
"""
import argparse
import base64
import random

ME = ("Avery Quinn", "avery.quinn@example.com")

# (display name as it appears in the header, address). Some names are RFC 2047-encoded,
# some quoted with commas, some raw ASCII.
PEOPLE = [
    ('"Lefèvre, Zoë"', "zoe.lefevre@example.org"),
    ("=?UTF-8?B?Wm/DqyBMZWbDqHZyZQ==?=", "zoe@example.net"),
    ("=?UTF-8?Q?Bj=C3=B6rn_=C3=85str=C3=B6m?=", "bjorn.astrom@example.org"),
    ("=?ISO-8859-1?Q?Jos=E9_Mu=F1oz?=", "jose.munoz@example.com"),
    ("=?UTF-8?B?5p2O?= =?UTF-8?B?5piO?=", "li.ming@example.net"),
    ("=?utf-8?q?Ma=C3=AFa?= =?utf-8?q?_Dubois?=", "maia.dubois@example.org"),
    ("Priya Raman", "priya.raman@example.com"),
    ('"Okafor, Chidi (Legal)"', "chidi.okafor@example.org"),
    ("Dana Whitfield", "Dana.Whitfield@Example.com"),
    ("Marcus O'Neill", "marcus.oneill@example.net"),
    ("Sofia Castellanos", "sofia.castellanos@example.org"),
    ("=?iso-8859-1?b?SvxyZ2VuIE38bGxlcg==?=", "juergen.mueller@example.net"),
    ("Hana Kobayashi", "hana.kobayashi@example.com"),
    ('"Dr. Amara Nwosu"', "amara.nwosu@example.org"),
    ("Tomás Ferreira", "tomas.ferreira@example.net"),
    ("Eli Brandt", "eli.brandt@example.com"),
    ("Noor Haddad", "noor.haddad@example.org"),
    ("Grace Liu", "grace.liu@example.net"),
    ("=?UTF-8?Q?Ren=C3=A9e_Fontaine?=", "renee.fontaine@example.com"),
    ("Samuel Adeyemi", "samuel.adeyemi@example.org"),
]
CROWD = [("Colleague %d" % i, "colleague%02d@example.com" % i) for i in range(40)]
LISTS = [
    ("IP Law Study Group", "iplaw@lists.example.org", "<iplaw.lists.example.org>"),
    ("Alumni Weekly", "news@alumni.example.edu", None),
]
NOREPLY = [
    ("Career Portal", "noreply@careers.example.com"),
    ("Calendar", "calendar-notification@example.com"),
    ("Mail Delivery Subsystem", "mailer-daemon@example.net"),
    ("Events", "notifications@events.example.org"),
]
WORDS = (
    "thanks for taking the time to talk yesterday about the clinic I really appreciated your advice on "
    "patent prosecution and the summer associate programme would you have twenty minutes next week "
    "for a quick call the firm is hiring in the Boston office and I mentioned your name to the partner "
    "let me know what works best for you happy to meet for coffee near the courthouse cheers"
).split()
DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def mailbox(person):
    name, address = person
    return "%s <%s>" % (name, address) if name else address


def folded(name, people):
    """An address header folded after each comma, as mail clients write long lists."""
    return name + ": " + ",\n\t".join(mailbox(p) for p in people)


def date_header(rng, i):
    year = rng.choice([2023, 2024, 2025])
    month = rng.randrange(12)
    day = rng.randint(1, 28)
    hh, mm, ss = rng.randrange(24), rng.randrange(60), rng.randrange(60)
    form = i % 10
    if form == 0:  # no day of week, named zone
        return "%d %s %d %02d:%02d:%02d %s" % (day, MONTHS[month], year, hh, mm, ss, rng.choice(["EST", "PDT", "GMT"]))
    if form == 1:  # two-digit year, no seconds
        return "%s, %02d %s %02d %02d:%02d %s" % (DAYS[i % 7], day, MONTHS[month], year % 100, hh, mm, "+0100")
    if form == 2:  # comment after the zone
        return "%s, %d %s %d %02d:%02d:%02d -0700 (PDT)" % (DAYS[i % 7], day, MONTHS[month], year, hh, mm, ss)
    zone = rng.choice(["+0000", "-0500", "+0200", "+0530", "-0800", "+0900"])
    return "%s, %d %s %d %02d:%02d:%02d %s" % (DAYS[i % 7], day, MONTHS[month], year, hh, mm, ss, zone)


def delivery_headers(rng, i):
    hops = []
    for h in range(rng.randint(2, 4)):
        hops.append(
            "Received: from mail-%d.example.net (mail-%d.example.net [192.0.2.%d])\n"
            "        by mx.example.com with ESMTPS id %x\n"
            "        for <avery.quinn@example.com>; Mon, 3 Jun 2024 10:0%d:00 -0700 (PDT)"
            % (h, h, rng.randrange(255), rng.getrandbits(64), h)
        )
    signature = base64.b64encode(rng.randbytes(180)).decode()
    return "\n".join(hops) + (
        "\nARC-Seal: i=1; a=rsa-sha256; t=17%08d; cv=none;\n        d=example.net; s=arc-20160816;\n        b=%s"
        "\nDKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed;\n        d=example.org; s=20230601;\n        bh=%s;\n        b=%s"
        % (i, signature[:120], signature[120:164], signature)
    )


def body_text(rng, paragraphs):
    lines = []
    for _ in range(paragraphs):
        words = [rng.choice(WORDS) for _ in range(rng.randint(40, 90))]
        line = []
        for w in words:
            line.append(w)
            if sum(len(x) + 1 for x in line) > 68:
                lines.append(" ".join(line))
                line = []
        lines.append(" ".join(line))
        if rng.random() < 0.15:
            lines.append(">From the notes I took: the deadline is Friday.")  # mboxrd-quoted "From "
        lines.append("")
    return "\n".join(lines)


def attachment(rng, size):
    data = base64.b64encode(rng.randbytes(size)).decode()
    return "\n".join(data[k:k + 76] for k in range(0, len(data), 76))


def message(rng, i, crlf, small_attachments=False):
    kind = rng.random()
    labels = ["Opened"]
    extra = []
    people = PEOPLE
    if kind < 0.30:  # from Avery, one-on-one or a small group
        sender = ME
        to = rng.sample(people, 1 if rng.random() < 0.7 else rng.randint(2, 4))
        cc = rng.sample(people, 1) if rng.random() < 0.2 else []
        labels = ["Sent"]
    elif kind < 0.70:  # to Avery, alone or with others
        sender = rng.choice(people)
        to = [ME] + (rng.sample(people, rng.randint(1, 3)) if rng.random() < 0.3 else [])
        cc = []
        labels = ["Inbox", "Important", "Opened"]
    elif kind < 0.80:  # list mail
        name, address, list_id = rng.choice(LISTS)
        sender = (name, address)
        to = [ME]
        cc = []
        extra.append("List-Id: IP Law Study Group %s" % list_id if list_id else "Precedence: bulk")
        extra.append("List-Unsubscribe: <mailto:unsubscribe@lists.example.org>")
        labels = ["Category Updates"]
    elif kind < 0.87:  # noreply
        sender = rng.choice(NOREPLY)
        to = [ME]
        cc = []
        if rng.random() < 0.5:
            extra.append("Auto-Submitted: auto-generated")
    elif kind < 0.92:  # a crowd
        sender = rng.choice(people)
        to = [("", "undisclosed-recipients:;")] if rng.random() < 0.3 else [ME] + CROWD[: rng.randint(21, 40)]
        cc = []
    elif kind < 0.95:  # spam
        sender = ("Prize Desk", "winner@spam.example.net")
        to = [ME]
        cc = []
        labels = ["Spam"]
    else:  # between two other people (forwarded into the archive)
        sender = rng.choice(people)
        to = [rng.choice(people)]
        cc = []
        labels = ["Archived"]
    sep = "\r\n" if crlf else "\n"
    headers = [
        "From %s@xxx %s %s %02d %02d:%02d:%02d +0000 %d"
        % (rng.getrandbits(60), DAYS[i % 7], MONTHS[i % 12], i % 28 + 1, i % 24, i % 60, i % 60, 2024),
        "X-GM-THRID: %d" % rng.getrandbits(60),
        "X-Gmail-Labels: " + ",".join(labels),
        delivery_headers(rng, i),
        "MIME-Version: 1.0",
        "Date: " + date_header(rng, i),
    ]
    if i % 97 != 0:
        headers.append("Message-ID: <CA%x.%d@mail.example.com>" % (rng.getrandbits(64), i))
    headers.append("Subject: =?UTF-8?Q?Re=3A_coffee_next_week=3F?= #%d" % i)
    headers.append("From: " + mailbox(sender))
    if to[0][1].endswith(":;"):
        headers.append("To: undisclosed-recipients:;")
    else:
        headers.append(folded("To", to))
    if cc:
        headers.append(folded("Cc", cc))
    headers.extend(extra)
    size = rng.random()
    text = body_text(rng, rng.randint(2, 8))
    if size < 0.70:
        headers.append("Content-Type: text/plain; charset=UTF-8")
        body = text
    else:
        boundary = "000000000000%x" % rng.getrandbits(48)
        payload = rng.randint(8_000, 60_000) if size < 0.96 else rng.randint(200_000, 600_000)
        if small_attachments:  # the oracle test: the same shapes, a fraction of the bytes
            payload = payload // 50
        headers.append('Content-Type: multipart/mixed; boundary="%s"' % boundary)
        body = (
            "--%s\nContent-Type: text/plain; charset=UTF-8\n\n%s\n--%s\n"
            'Content-Type: application/pdf; name="notes.pdf"\nContent-Transfer-Encoding: base64\n'
            'Content-Disposition: attachment; filename="notes.pdf"\n\n%s\n--%s--\n'
            % (boundary, text, boundary, attachment(rng, payload), boundary)
        )
    text = "\n".join(headers) + "\n\n" + body + "\n\n"
    return text.replace("\n", sep).encode("utf-8")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--messages", type=int)
    parser.add_argument("--size-mb", type=int)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--crlf", action="store_true")
    parser.add_argument("--small-attachments", action="store_true", help="attachments of 0.2-12 KB")
    args = parser.parse_args()
    if (args.messages is None) == (args.size_mb is None):
        parser.error("give exactly one of --messages and --size-mb")
    rng = random.Random(args.seed)
    limit = args.size_mb * 1024 * 1024 if args.size_mb else None
    written = 0
    i = 0
    with open(args.out, "wb") as out:
        while (limit is None and i < args.messages) or (limit is not None and written < limit):
            chunk = message(rng, i, args.crlf, args.small_attachments)
            out.write(chunk)
            written += len(chunk)
            i += 1
    print("wrote %d messages, %d bytes to %s" % (i, written, args.out))


if __name__ == "__main__":
    main()
