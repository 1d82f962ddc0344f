#!/usr/bin/env python3
"""Generate Rapport's sample network: a fictional third-year law student and the legal world around them.

Usage:
    python3 Samples/generate.py            # (re)write every sample file next to this script, then check them
    python3 Samples/generate.py --check    # only check the files already on disk

The output is deterministic: every random choice comes from one `random.Random(SEED)` and no step iterates
over a set or depends on hash order, so running the script twice gives byte-identical files on any Python 3.8+.
Only the standard library is used (the checker also compares calendar.ics with `icalendar` when it is installed).

The story ("today" is 2026-11-20): Avery Lindqvist (id `me`) is a 3L at Halvorsen University School of Law,
aiming at intellectual-property and technology-transactions practice. Files written:

    LinkedInDataExport/Connections.csv
                       LinkedIn export (with LinkedIn's "Notes:" preamble), ~200 contacts at ~30 organizations
    people.csv         native people file: `me` plus ~300 prospects (alumni directory, firm attorney pages);
                       ~40 of them are the same people as LinkedIn connections (same name + organization, or,
                       for a few, only the same email)
    ties.csv           ~800 declared ties (colleague, former_colleague, classmate, mentor, friend, acquaintance,
                       family), arranged so that many IP partners are 2 or 3 hops from `me`
    interactions.csv   ~400 interactions of `me` from 2024-11 to 2026-11 (coffees, informational interviews,
                       events, emails, calls ...) with rapport ratings
    introductions.csv  ~25 introductions, some still unanswered

and, through evidence.py and calendar_mail.py (hand-written rows, no randomness), the rest of the LinkedIn
archive in LinkedInDataExport/, calendar.ics and mail.mbox; evidence_check.py checks those.

People are referenced by id when they have one (sometimes by email instead), else by email, else by exact full
name. The checker at the end (also run after generation) reads every file back with the `csv` module and asserts:
every reference resolves to exactly one person (by id, else email, else exact full name, over the people of
people.csv and Connections.csv merged by identity: email, then normalized full name + organization), the planned
overlaps merge and nothing else does, no self ties, no duplicate unordered tie pairs, dates and enumerations are
valid, and the warm paths to IP partners exist. Everything here is fictional: no real firms or people; e-mail
domains use the reserved `.example` top-level domain.
"""

import argparse
import collections
import csv
import datetime as dt
import io
import os
import random
import sys
import unicodedata

sys.dont_write_bytecode = True   # the helper modules below leave no __pycache__ in Samples/
import calendar_mail  # noqa: E402
import evidence  # noqa: E402
import evidence_check  # noqa: E402
from evidence import ARCHIVE  # noqa: E402

SEED = 20261120
TODAY = dt.date(2026, 11, 20)
FIRST_INTERACTION = dt.date(2024, 11, 1)
HERE = os.path.dirname(os.path.abspath(__file__))

LINKEDIN_PREAMBLE = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses are missing. '
    "You will only see email addresses for connections who have allowed their connections to see or download "
    "their email address using this setting https://www.linkedin.com/psettings/privacy/email. "
    'You can learn more here https://www.linkedin.com/help/linkedin/answer/261"\r\n'
    "\r\n"
)
LINKEDIN_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]
PEOPLE_HEADER = ["id", "first_name", "last_name", "email", "organization", "title", "sectors", "school", "location"]
TIES_HEADER = ["person_a", "person_b", "kind", "since"]
INTERACTIONS_HEADER = ["date", "person", "kind", "one_on_one", "minutes", "rapport", "initiated_by", "notes"]
INTRODUCTIONS_HEADER = ["date", "introducer", "person", "status"]

TIE_KINDS = ["colleague", "former_colleague", "classmate", "friend", "mentor", "acquaintance", "family"]
INTERACTION_KINDS = ["informational_interview", "coffee", "meeting", "call", "video_call", "email", "message",
                     "event", "referral", "thank_you"]
STATUSES = ["requested", "made", "met", "declined"]
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

LAW = "Halvorsen University School of Law"
COLLEGE = "Carroway College"
IP_AREAS = {"IP litigation", "patent prosecution", "trademarks", "copyright", "licensing"}
GOAL_AREAS = {"intellectual property", "technology transactions"}

# ----------------------------------------------------------------------------------------------------------------
# Organizations: (LinkedIn spelling, people.csv spelling, kind, e-mail domain, city, connections, prospects, focus)
# The people.csv spelling differs only in ways the organization key ignores (suffix, comma, case, "&" vs "and").
# ----------------------------------------------------------------------------------------------------------------
ORGS = [
    ("Wilson & Okafor LLP", "Wilson & Okafor", "firm", "wilsonokafor.example", "Chicago, IL", 14, 22,
     ["IP litigation", "patent prosecution", "trademarks", "copyright"]),
    ("Brandt, Castellano & Reyes LLP", "Brandt Castellano & Reyes LLP", "firm", "bcrlaw.example", "Chicago, IL", 14, 20,
     ["litigation", "corporate", "IP litigation", "employment", "antitrust", "tax"]),
    ("Marlowe Fitch P.C.", "Marlowe Fitch, PC", "firm", "marlowefitch.example", "Chicago, IL", 8, 16,
     ["IP litigation", "patent prosecution"]),
    ("Ashgrove, Pell & Whitcombe LLP", "Ashgrove, Pell & Whitcombe LLP", "firm", "apwlaw.example", "New York, NY",
     7, 15,
     ["corporate", "technology transactions", "venture capital", "tax"]),
    ("Kessler Vance LLC", "Kessler Vance", "firm", "kesslervance.example", "Chicago, IL", 5, 6,
     ["employment", "litigation"]),
    ("Thornbury & Quist LLP", "Thornbury and Quist LLP", "firm", "thornburyquist.example", "Minneapolis, MN", 6, 16,
     ["patent prosecution", "IP litigation", "licensing"]),
    ("Delacroix Hale P.C.", "Delacroix Hale P.C.", "firm", "delacroixhale.example", "Chicago, IL", 6, 8,
     ["litigation", "antitrust", "appellate"]),
    ("Oduya, Lindgren & Sato LLP", "Oduya, Lindgren & Sato", "firm", "olslaw.example", "San Francisco, CA", 7, 17,
     ["privacy", "technology transactions", "data security", "licensing"]),
    ("Ravenscroft Patent Group LLC", "Ravenscroft Patent Group", "firm", "ravenscroftpatent.example",
     "Chicago, IL", 4, 10,
     ["patent prosecution"]),
    ("Pemberton Alcott LLP", "Pemberton Alcott LLP", "firm", "pembertonalcott.example", "Chicago, IL", 5, 6,
     ["tax", "corporate"]),
    ("Greaves & Ibarra P.C.", "Greaves & Ibarra", "firm", "greavesibarra.example", "Chicago, IL", 5, 11,
     ["trademarks", "copyright", "licensing"]),
    ("Holloway Marsh LLP", "Holloway Marsh LLP", "firm", "hollowaymarsh.example", "Milwaukee, WI", 4, 5,
     ["litigation", "employment"]),
    ("Merriweather & Kaur LLP", "Merriweather and Kaur LLP", "firm", "merriweatherkaur.example", "Austin, TX", 4, 12,
     ["venture capital", "technology transactions", "corporate"]),
    ("Sterling Ashby & Moreau LLP", "Sterling Ashby & Moreau LLP", "firm", "sterlingashby.example",
     "New York, NY", 0, 16,
     ["IP litigation", "patent prosecution", "licensing"]),
    ("Fairbanks, Oyelaran & Quint P.C.", "Fairbanks, Oyelaran & Quint P.C.", "firm", "foqlaw.example",
     "Los Angeles, CA", 0, 12,
     ["trademarks", "copyright"]),
    ("Castellane Brooks LLP", "Castellane Brooks LLP", "firm", "castellanebrooks.example", "Seattle, WA", 0, 10,
     ["IP litigation", "antitrust"]),
    ("Lumenfold Inc.", "Lumenfold, Inc.", "inhouse", "lumenfold.example", "San Francisco, CA", 8, 9,
     ["technology transactions", "privacy", "licensing", "employment"]),
    ("Quillstack Technologies, Inc.", "Quillstack Technologies", "inhouse", "quillstack.example", "Chicago, IL", 10, 5,
     ["technology transactions", "licensing", "privacy", "trademarks"]),
    ("Brightwater Robotics Corp.", "Brightwater Robotics", "inhouse", "brightwater.example", "Pittsburgh, PA", 5, 4,
     ["patent prosecution", "technology transactions", "licensing"]),
    ("Cinderpath Software LLC", "Cinderpath Software", "inhouse", "cinderpath.example", "Austin, TX", 5, 4,
     ["technology transactions", "copyright", "employment"]),
    ("Nimbusreach Inc.", "Nimbusreach", "inhouse", "nimbusreach.example", "Seattle, WA", 4, 4,
     ["privacy", "technology transactions", "data security"]),
    ("Tessellate Health, Inc.", "Tessellate Health", "inhouse", "tessellate.example", "Chicago, IL", 4, 3,
     ["privacy", "data security", "technology transactions"]),
    ("Orrin Labs", "Orrin Labs", "inhouse", "orrinlabs.example", "Chicago, IL", 3, 3,
     ["technology transactions", "patent prosecution"]),
    ("United States District Court, District of Calloway", "United States District Court, District of Calloway",
     "court", "calloway.uscourts.example", "Chicago, IL", 6, 3, ["litigation", "IP litigation"]),
    ("Calloway Court of Appeals", "Calloway Court of Appeals", "court", "callowayappeals.example", "Springfield, IL",
     4, 2, ["appellate"]),
    ("Marrow County Circuit Court", "Marrow County Circuit Court", "court", "marrowcourts.example", "Chicago, IL", 4, 1,
     ["litigation"]),
    ("Eastside Legal Aid Clinic", "Eastside Legal Aid Clinic", "clinic", "eastsidelegalaid.example", "Chicago, IL",
     7, 4, ["public interest", "housing", "immigration"]),
    (LAW, LAW, "school", "halvorsen.example", "Chicago, IL", 30, 8, []),
    ("Vellmar Public Defender's Office", "Vellmar Public Defender's Office", "pd", "vellmarpd.example", "Chicago, IL",
     4, 3, ["criminal defense", "public interest"]),
    ("Foundry Row Ventures", "Foundry Row Ventures", "vc", "foundryrow.example", "Chicago, IL", 3, 2,
     ["venture capital"]),
    ("Pinecrest Consulting Group", "Pinecrest Consulting Group", "consulting", "pinecrest.example", "Chicago, IL",
     5, 0, []),
    (COLLEGE, COLLEGE, "college", "carroway.example", "Galesburg, IL", 2, 0, []),
    ("Calloway State Bar Association", "Calloway State Bar Association", "bar", "callowaybar.example", "Chicago, IL",
     3, 2, ["public interest"]),
]

LAW_SCHOOLS = [LAW] * 6 + ["Eastbrook University College of Law", "Saint Anselm's School of Law",
                           "Calloway State University Law School", "Northmere Law School",
                           "Ridgeline University School of Law"]
COLLEGES = [COLLEGE, "Bellhaven University", "Westmarch State University", "Lakeshore Institute of Technology",
            "Calloway State University", "Orland College", "Tamsin University"]

FIRST_NAMES = """Aaron Abigail Adaeze Aditya Aisha Alejandro Alice Amara Amir Ana Andrew Anjali Arjun Ashley Beatriz
Benjamin Bianca Caleb Camila Carlos Caroline Cecilia Chidi Chris Claire Daniel Daniela Darius David Deborah Deepa
Diego Dmitri Eamon Elena Elijah Elise Emeka Emily Esther Ethan Fatima Felix Gabriel Grace Hannah Harper Hassan Helen
Hiroshi Imani Isaac Isabel Ivan Jacob Jamal Janelle Jasmine Javier Jeremy Joanna Jonah Julia Kai Kamala Karim Keisha
Kenji Kevin Kwame Laila Lauren Leah Leon Lucia Luis Madeline Malik Marco Maria Mateo Maya Megan Mei Miriam Mohammed
Nadia Naomi Nathan Nia Nikhil Noah Olivia Omar Oscar Paolo Priya Quentin Rachel Rahul Rebecca Reza Rosa Ruth Samuel
Sara Sean Sofia Sunita Tariq Teresa Thomas Tobias Uma Valentina Victor Wei Xavier Yara Yusuf Zainab Zachary Lena
Miles Nora Owen Paige Ravi Selena Trevor Vivian Wendell Yvonne Hugo Ingrid Jonas Kofi Lorenzo Marisol Niamh Petra
Rowan Simone Tamar Ulrich Vera Wren""".split()

LAST_NAMES = """Abbott Acheampong Adeyemi Agarwal Alvarez Amato Andersen Arroyo Bachman Banerjee Barlow Becker Bello
Bergstrom Bishop Blackwood Bonner Brennan Brooks Calloway Campos Carmichael Castillo Chaudhry Chen Cho Cohen Collins
Costa Crane Cruz Dalton Das Delgado Dixon Donovan Dubois Duarte Eastman Edwards Ellison Espinoza Farah Ferreira Fischer
Fitzgerald Flores Foster Fujimoto Gallagher Garcia Garrison Gentry Goldberg Gomez Gonzaga Greenberg Gupta Haddad
Halvorsen Hammond Hart Hayes Hernandez Hoffman Holt Huang Ibrahim Ingram Iyer Jacobs Jensen Jimenez Johansson Joshi
Kaplan Keller Kennedy Khan Kim Kowalski Kramer Kumar Lam Landry Larsen Lee Levin Lindberg Lopez Lowell Lozano Lund
Madsen Mahoney Malhotra Marsh Martins Mbeki Mendoza Mercer Meyer Mirza Mitchell Morales Moreno Murphy Nakamura Nash
Navarro Nguyen Novak Nwosu Ochoa Okonjo Olsen Ortega Osei Owens Pace Padilla Park Patel Pereira Petrov Pham Porter
Quinn Rahman Ramos Rao Reddy Reid Rhodes Rivera Rosen Rossi Russo Salazar Sandoval Santos Schmidt Shah Shapiro Silva
Singh Soto Sullivan Suzuki Tanaka Thakur Torres Tran Tucker Underwood Valdez Vargas Vasquez Vega Wagner Walsh Wang
Warner Weiss Whitfield Wu Yamamoto Yang Yilmaz Young Zamora Zhang Ziegler Mbatha Okoro Sorensen Varga Horvath
Lindqvist Castro Bauer""".split()

# Hand-placed people: the three strong relationships and the names that exercise apostrophes, accents, commas and
# non-Latin scripts. Fields: key, first, last, org index (into ORGS), role, in LinkedIn?, in people.csv?, extras.
# role is one of the keys of ROLE_TITLES below.
SPECIAL = [
    # the mentor professor (same name + organization in both files)
    dict(key="mentor", first="Eleanor", last="Achterberg", org=LAW, role="professor", li=True, pp=True,
         sectors=["intellectual property", "copyright", "technology transactions"],
         title="Professor of Law", position="Professor of Law, Intellectual Property & Technology Law"),
    # the former internship supervisor (1L summer 2025): LinkedIn says "Kate", the firm page "Katherine"; only the
    # e-mail links the two rows
    dict(key="supervisor", first="Kate", last="Moravec", pp_first="Katherine", org="Quillstack Technologies, Inc.",
         role="inhouse_counsel", li=True, pp=True, li_email=True, pp_email=True,
         email="katherine.moravec@quillstack.example",
         sectors=["intellectual property", "technology transactions", "licensing"],
         title="Senior Product Counsel", position="Senior Product Counsel, IP & Licensing"),
    # the college classmate now at a firm
    dict(key="classmate", first="Rafael", last="D'Angelo", org="Brandt, Castellano & Reyes LLP", role="associate",
         li=True, pp=True, sectors=["IP litigation", "intellectual property"], title="Associate",
         position="Associate, IP Litigation", schools=[LAW, COLLEGE], class_year=2024),
    dict(key="oneil", first="Patrick", last="O'Neil", org="Wilson & Okafor LLP", role="partner", li=False, pp=True,
         sectors=["intellectual property", "IP litigation", "patent prosecution"], title="Partner"),
    dict(key="okafor", first="Adaeze", last="Okafor", org="Wilson & Okafor LLP", role="partner", li=False, pp=True,
         sectors=["intellectual property", "trademarks", "copyright"], title="Managing Partner"),
    dict(key="nunez", first="José", last="Núñez", org="Greaves & Ibarra P.C.", role="senior_associate", li=True,
         pp=False, li_email=False, position="Senior Associate, Trademarks & Copyright"),
    dict(key="muller", first="Zoë", last="Müller", org="Tessellate Health, Inc.", role="inhouse_counsel", li=False,
         pp=True, sectors=["privacy", "data security"], title="Privacy Counsel"),
    dict(key="lefevre", first="François", last="Lefèvre", org="Sterling Ashby & Moreau LLP", role="partner", li=False,
         pp=True, sectors=["intellectual property", "IP litigation", "licensing"], title="Partner"),
    dict(key="washington", first="Marcus", last="Washington, Jr.",
         org="United States District Court, District of Calloway", role="clerk", li=True, pp=False, li_email=False,
         position="Judicial Law Clerk to the Hon. Miriam Costa"),
    dict(key="ashford", first="Theodore", last="Ashford, III", org="Pemberton Alcott LLP", role="partner", li=False,
         pp=True, sectors=["tax", "corporate"], title="Partner"),
    dict(key="nibhriain", first="Siobhán", last="Ní Bhriain", org="Oduya, Lindgren & Sato LLP", role="associate",
         li=True, pp=False, li_email=False, position="Associate | Privacy & Cybersecurity"),
    dict(key="astrom", first="Björn", last="Åström", org="Thornbury & Quist LLP", role="patent_agent", li=False,
         pp=True, sectors=["intellectual property", "patent prosecution"], title="Patent Agent"),
    dict(key="benard", first="Chloé", last="Bénard", org="Eastside Legal Aid Clinic", role="staff_attorney", li=True,
         pp=False, li_email=False, position="Staff Attorney, Housing Unit"),
    dict(key="career", first="Renée", last="Dubois-Kaplan", org=LAW, role="career", li=True, pp=True,
         title="Assistant Dean for Career Development", position="Assistant Dean for Career Development"),
    dict(key="chen", first="静", last="陈", org="Oduya, Lindgren & Sato LLP", role="counsel", li=False, pp=True,
         sectors=["intellectual property", "technology transactions", "privacy"], title="Counsel",
         email="jing.chen@olslaw.example", pp_email=True, schools=["Ridgeline University School of Law"]),
    dict(key="yamada", first="花子", last="山田", org="Ravenscroft Patent Group LLC", role="partner", li=False, pp=True,
         sectors=["intellectual property", "patent prosecution"], title="Partner",
         email="hanako.yamada@ravenscroftpatent.example", pp_email=True),
    dict(key="park", first="지우", last="박", org=LAW, role="student", li=True, pp=False, li_email=True,
         email="jiwoo.park@halvorsen.example", slug="jiwoo-park", position="J.D. Candidate, Class of 2027"),
    dict(key="sokolova", first="Анна", last="Соколова", org="Merriweather & Kaur LLP", role="associate", li=False,
         pp=True, sectors=["venture capital", "technology transactions"], title="Associate"),
]
SLUGS = {"chen": "jing-chen", "yamada": "hanako-yamada", "sokolova": "anna-sokolova"}

# Role -> (people.csv title choices, LinkedIn position templates). "{area}" is one of the person's sectors.
ROLE_TITLES = {
    "partner": (["Partner"] * 6 + ["Equity Partner", "Managing Partner"],
                ["Partner", "Partner, {area}", "Partner | {area}", "Partner at the firm"]),
    "counsel": (["Counsel", "Of Counsel", "Special Counsel"], ["Counsel", "Of Counsel, {area}"]),
    "senior_associate": (["Senior Associate"], ["Senior Associate", "Senior Associate, {area}"]),
    "associate": (["Associate"], ["Associate", "Associate, {area}", "Associate Attorney", "{area} Associate"]),
    "patent_agent": (["Patent Agent", "Technical Specialist"], ["Patent Agent", "Registered Patent Agent"]),
    "recruiter": (["Legal Recruiting Manager", "Director of Legal Recruiting"],
                  ["Legal Recruiting Manager", "Director of Attorney Recruiting & Development"]),
    "paralegal": (["Paralegal", "Senior Paralegal"], ["Paralegal", "Senior Paralegal, {area}"]),
    "summer": (["Summer Associate"], ["Summer Associate", "2026 Summer Associate"]),
    "general_counsel": (["General Counsel", "Deputy General Counsel", "Chief Legal Officer"],
                        ["General Counsel", "Deputy General Counsel", "VP, Legal & General Counsel"]),
    "inhouse_counsel": (["Product Counsel", "Senior Product Counsel", "Commercial Counsel", "IP Counsel",
                         "Privacy Counsel", "Corporate Counsel"],
                        ["Product Counsel", "Senior Product Counsel", "Commercial Counsel, {area}", "IP Counsel",
                         "Corporate Counsel"]),
    "legal_ops": (["Legal Operations Manager", "Contracts Manager"], ["Legal Operations", "Contracts Manager"]),
    "judge": (["District Judge", "Judge", "Magistrate Judge"], ["District Judge", "Judge", "Magistrate Judge"]),
    "clerk": (["Judicial Law Clerk", "Career Law Clerk"], ["Judicial Law Clerk", "Law Clerk", "Career Law Clerk"]),
    "staff_attorney": (["Staff Attorney", "Managing Attorney"], ["Staff Attorney", "Managing Attorney"]),
    "director": (["Executive Director"], ["Executive Director"]),
    "professor": (["Professor of Law", "Associate Professor of Law", "Clinical Professor of Law"],
                  ["Professor of Law", "Associate Professor of Law", "Clinical Professor of Law, {area}"]),
    "career": (["Director of Career Development", "Career Counselor", "Employer Relations Manager"],
               ["Director of Career Development", "Career Counselor", "Employer Relations Manager"]),
    "student": (["J.D. Candidate"], ["J.D. Candidate, Class of 2027", "J.D. Candidate, Class of 2028",
                                     "J.D. Candidate, Class of 2027 | IP Law Society",
                                     "Articles Editor, Halvorsen Law Review"]),
    "public_defender": (["Assistant Public Defender"], ["Assistant Public Defender"]),
    "vc": (["Partner", "Principal", "Associate"], ["Principal", "Investment Associate", "Partner"]),
    "consultant": (["Consultant"], ["Consultant", "Senior Analyst", "Engagement Manager"]),
    "advisor": (["Prelaw Advisor"], ["Prelaw Advisor", "Associate Director of Admissions"]),
    "bar_staff": (["Director of Member Services", "Program Manager"],
                  ["Director of Member Services", "Young Lawyers Division Program Manager"]),
}

# Role mixes per organization kind: (role, weight) for LinkedIn connections and for people.csv prospects.
MIX_LI = {
    "firm": [("associate", 40), ("senior_associate", 14), ("partner", 14), ("summer", 10), ("recruiter", 9),
             ("paralegal", 7), ("counsel", 6)],
    "inhouse": [("inhouse_counsel", 50), ("general_counsel", 10), ("legal_ops", 15), ("paralegal", 10),
                ("associate", 0)],
    "court": [("clerk", 70), ("judge", 15), ("staff_attorney", 15)],
    "clinic": [("staff_attorney", 70), ("director", 10), ("paralegal", 20)],
    "school": [("student", 55), ("professor", 30), ("career", 15)],
    "pd": [("public_defender", 100)],
    "vc": [("vc", 100)],
    "consulting": [("consultant", 100)],
    "college": [("advisor", 100)],
    "bar": [("bar_staff", 100)],
}
MIX_PP = {
    "firm": [("partner", 32), ("counsel", 10), ("senior_associate", 16), ("associate", 36), ("patent_agent", 6)],
    "inhouse": [("inhouse_counsel", 60), ("general_counsel", 25), ("legal_ops", 15)],
    "court": [("clerk", 50), ("judge", 30), ("staff_attorney", 20)],
    "clinic": [("staff_attorney", 80), ("director", 20)],
    "school": [("professor", 75), ("career", 25)],
    "pd": [("public_defender", 100)],
    "vc": [("vc", 100)],
    "bar": [("bar_staff", 100)],
}
LAWYER_ROLES = {"partner", "counsel", "senior_associate", "associate", "patent_agent", "general_counsel",
                "inhouse_counsel", "judge", "clerk", "staff_attorney", "director", "professor", "public_defender"}
# (earliest, latest) law-school class year by role, for lawyers.
CLASS_YEARS = {"partner": (1994, 2013), "counsel": (1998, 2014), "senior_associate": (2014, 2019),
               "associate": (2019, 2025), "patent_agent": (2010, 2024), "general_counsel": (1996, 2012),
               "inhouse_counsel": (2008, 2022), "judge": (1988, 2005), "clerk": (2024, 2026),
               "staff_attorney": (2010, 2024), "director": (1998, 2010), "professor": (1990, 2012),
               "public_defender": (2012, 2024)}


# ----------------------------------------------------------------------------------------------------------------
# Normalization, shared by the generator and the checker. It mirrors `NameKey` in Sources/Rapport/Model.
# ----------------------------------------------------------------------------------------------------------------
LEGAL_SUFFIXES = {"inc", "incorporated", "llc", "llp", "lllp", "pllc", "ltd", "limited", "corp", "corporation",
                  "gmbh", "ag", "plc", "pc", "pa", "lp", "sa", "sarl", "bv", "nv", "pty", "co", "company", "kg",
                  "srl", "spa", "ab", "as", "oy"}


def tokens(text):
    """Case-folded words without diacritics; '&' is 'and'; '.' and apostrophes join; other punctuation splits."""
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)).lower()
    words, current = [], ""
    for ch in folded:
        if ch == "&":
            if current:
                words.append(current)
                current = ""
            words.append("and")
        elif ch in ".'\u2019":
            continue
        elif ch.isalnum():
            current += ch
        elif current:
            words.append(current)
            current = ""
    if current:
        words.append(current)
    return words


def org_key(name):
    words = tokens(name)
    while len(words) > 1 and words[-1] in LEGAL_SUFFIXES:
        last = words.pop()
        if len(words) > 1 and words[-1] == "and" and last in ("co", "company"):
            words.pop()
    return " ".join(words)


def person_key(name):
    return " ".join(tokens(name))


def ascii_slug(text):
    folded = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    out = []
    for ch in folded.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


def li_date(day):
    return "%02d %s %d" % (day.day, MONTHS[day.month - 1], day.year)


# ----------------------------------------------------------------------------------------------------------------
# Generation
# ----------------------------------------------------------------------------------------------------------------
class Person:
    """One fictional person; `li` / `pp` say in which file(s) they appear."""

    def __init__(self, **kw):
        self.__dict__.update(kw)

    @property
    def full_name(self):
        return self.first + " " + self.last


class Generator:
    def __init__(self):
        self.rng = random.Random(SEED)
        self.orgs = {o[0]: dict(name=o[0], pp_name=o[1], kind=o[2], domain=o[3], city=o[4], n_li=o[5], n_pp=o[6],
                                focus=o[7]) for o in ORGS}
        self.people = []
        self.name_keys = set()
        self.emails = set()
        self.slugs = set()

    # -- helpers -------------------------------------------------------------------------------------------------
    def weighted(self, pairs):
        total = sum(w for _, w in pairs)
        x = self.rng.uniform(0, total)
        for value, weight in pairs:
            x -= weight
            if x <= 0 and weight > 0:
                return value
        return pairs[-1][0]

    def day_between(self, start, end):
        span = (end - start).days
        return start + dt.timedelta(days=self.rng.randint(0, max(span, 0)))

    def fresh_name(self):
        while True:
            first = self.rng.choice(FIRST_NAMES)
            last = self.rng.choice(LAST_NAMES)
            if self.rng.random() < 0.04:
                last = last + "-" + self.rng.choice(LAST_NAMES)
            key = person_key(first + " " + last)
            if key not in self.name_keys and last not in ("Halvorsen", "Lindqvist"):
                self.name_keys.add(key)
                return first, last

    def claim(self, email):
        assert email not in self.emails, email
        self.emails.add(email)
        return email

    def sectors_for(self, org, role):
        focus = org["focus"]
        if role == "patent_agent":
            return ["intellectual property", "patent prosecution"]
        if role in ("recruiter", "legal_ops", "career", "advisor", "bar_staff", "consultant", "summer", "student"):
            return []
        if role == "professor":
            pool = ["intellectual property", "copyright", "technology transactions", "privacy", "antitrust", "tax",
                    "corporate", "employment", "litigation", "public interest", "patent prosecution", "appellate"]
            chosen = self.rng.sample(pool, self.rng.choice([1, 2, 2, 3]))
        elif not focus:
            return []
        else:
            chosen = self.rng.sample(focus, min(len(focus), self.rng.choice([1, 1, 2, 2, 3])))
        if any(s in IP_AREAS for s in chosen) and "intellectual property" not in chosen:
            chosen.insert(0, "intellectual property")
        return chosen

    def schools_for(self, role, class_year):
        if role in LAWYER_ROLES:
            schools = [self.rng.choice(LAW_SCHOOLS)]
            if self.rng.random() < 0.55:
                schools.append(self.rng.choice(COLLEGES))
            return schools
        if role in ("student", "summer"):
            return [LAW, self.rng.choice(COLLEGES)]
        return [self.rng.choice(COLLEGES)] if self.rng.random() < 0.6 else []

    def make(self, org_name, role, li, pp, special=None):
        org = self.orgs[org_name] if org_name else None
        s = special or {}
        if "first" in s:
            first, last = s["first"], s["last"]
            key = person_key(first + " " + last)
            assert key not in self.name_keys, key
            self.name_keys.add(key)
        else:
            first, last = self.fresh_name()
        kind = org["kind"] if org else None
        sectors = s.get("sectors") or (self.sectors_for(org, role) if org else [])
        years = CLASS_YEARS.get(role)
        if "class_year" in s:
            class_year = s["class_year"]
        elif role in ("student", "summer"):
            class_year = self.rng.choice([2027, 2027, 2028])
        elif years:
            class_year = self.rng.randint(*years)
        else:
            class_year = None
        schools = s.get("schools") or self.schools_for(role, class_year)
        titles, positions = ROLE_TITLES[role]
        title = s.get("title") or self.rng.choice(titles)
        area = sectors[-1] if sectors else "Legal"
        if "position" in s:
            position = s["position"]
        else:
            position = self.rng.choice(positions).replace("{area}", area[0].upper() + area[1:])
            if position.startswith("Partner") and title in ("Managing Partner", "Equity Partner"):
                position = title
            if role == "student":
                position = "J.D. Candidate, Class of %d" % class_year + self.rng.choice(
                    ["", "", " | IP Law Society", " | Articles Editor, Halvorsen Law Review"])
        city = org["city"] if org else "Chicago, IL"
        if self.rng.random() < 0.07:
            city = self.rng.choice(["Chicago, IL", "New York, NY", "Washington, DC", "Denver, CO", "Boston, MA"])
        start_year = (class_year or 2015) + (0 if role in ("clerk", "student", "summer") else self.rng.randint(0, 6))
        p = Person(key=s.get("key", "x%03d" % len(self.people)), first=first, last=last,
                   pp_first=s.get("pp_first", first), org=org, org_name=org_name, kind=kind, role=role,
                   title=title, position=position, sectors=sectors, schools=schools, class_year=class_year,
                   city=city, li=li, pp=pp, start_year=min(start_year, 2026), id=None, li_email="", pp_email="",
                   connected=None, overlap=None, prior_org=None)
        email = s.get("email")
        work = org and "%s.%s@%s" % (ascii_slug(first).replace("-", ""), ascii_slug(last).replace("-", ""),
                                     org["domain"])
        if pp:
            if s.get("pp_email") or (email is None and self.rng.random() < 0.7 and work):
                p.pp_email = email or work
        if li:
            # li_email=False in SPECIAL: no address, so the other files must use the exact (accented) name
            if s.get("li_email") or (email is None and "li_email" not in s and self.rng.random() < 0.12):
                if email:
                    p.li_email = email
                elif self.rng.random() < 0.5 and work:
                    p.li_email = work
                else:
                    p.li_email = "%s%s%d@mail.example" % (ascii_slug(first).replace("-", ""),
                                                          ascii_slug(last).replace("-", "")[:6],
                                                          self.rng.randint(1, 99))
        for e in sorted({p.li_email, p.pp_email} - {""}):
            self.claim(e)
        slug_base = s.get("slug") or SLUGS.get(s.get("key", "")) or ascii_slug(first + " " + last)
        while True:
            slug = "%s-%06x" % (slug_base, self.rng.randrange(16 ** 6))
            if slug not in self.slugs:
                self.slugs.add(slug)
                break
        p.url = "https://www.linkedin.com/in/" + slug
        self.people.append(p)
        return p

    # -- people --------------------------------------------------------------------------------------------------
    def build_people(self):
        counts_li = collections.Counter()
        counts_pp = collections.Counter()
        for s in SPECIAL:
            p = self.make(s["org"], s["role"], s["li"], s["pp"], special=s)
            p.special = s["key"]
            counts_li[s["org"]] += 1 if s["li"] else 0
            counts_pp[s["org"]] += 1 if s["pp"] and not s["li"] else 0
        for name, org in self.orgs.items():
            for _ in range(max(0, org["n_li"] - counts_li[name])):
                self.make(name, self.weighted(MIX_LI[org["kind"]]), True, False)
            for _ in range(max(0, org["n_pp"] - counts_pp[name])):
                role = self.weighted(MIX_PP[org["kind"]])
                if role == "patent_agent" and "patent prosecution" not in org["focus"]:
                    role = "associate"
                self.make(name, role, False, True)
        # four LinkedIn connections with an empty Company and Position (between jobs, or never filled it in)
        for _ in range(4):
            p = self.make(None, "consultant", True, False)
            p.position = ""
        # overlaps: 40 LinkedIn connections also appear in people.csv (alumni directory / firm pages)
        already = [p for p in self.people if p.li and p.pp]
        candidates = [p for p in self.people if p.li and not p.pp and p.org and
                      p.kind in ("firm", "inhouse", "court", "clinic", "school") and
                      p.role not in ("student", "summer", "paralegal") and not hasattr(p, "special")]
        self.rng.shuffle(candidates)
        chosen = candidates[:40 - len(already)]
        nicknames = {"Daniel": "Dan", "Benjamin": "Ben", "Elizabeth": "Liz", "Samuel": "Sam", "Andrew": "Andy",
                     "Jacob": "Jake", "Nathan": "Nate", "Rebecca": "Becca", "Thomas": "Tom", "Zachary": "Zach",
                     "Abigail": "Abby", "Christopher": "Chris", "Madeline": "Maddie", "Jeremy": "Jerry",
                     "Isabel": "Izzy", "Victor": "Vic", "Joanna": "Jo", "Alejandro": "Alex", "Valentina": "Val"}
        nick_ok = [p for p in chosen if p.first in nicknames and
                   person_key(nicknames[p.first] + " " + p.last) not in self.name_keys][:3]
        movers = [p for p in chosen if p.kind == "firm" and p not in nick_ok][:2]
        for p in chosen:
            p.pp = True
            nick = nicknames.get(p.first)
            if p in nick_ok:
                # LinkedIn shows the nickname; the firm page the full first name; the shared e-mail links them
                self.name_keys.add(person_key(nick + " " + p.last))
                p.pp_first, p.first = p.first, nick
                p.overlap = "email"
            elif p in movers:
                # moved firms: LinkedIn still shows the old firm, people.csv the new one; linked by e-mail
                new_org = self.rng.choice([o for o in self.orgs.values() if o["kind"] == "firm" and o is not p.org])
                p.li_org_name = p.org_name
                p.prior_org = p.org
                p.org, p.org_name = new_org, new_org["name"]
                p.overlap = "email"
            else:
                p.overlap = "name"
                if p.li_email and p.pp_email and p.li_email != p.pp_email:
                    self.emails.discard(p.li_email)   # never two different addresses for one name + organization
                    p.li_email = ""
                if p.pp_email and self.rng.random() < 0.25:
                    p.li_email = p.pp_email      # same address on both sides: linked by e-mail and by name
                continue
            for e in (p.li_email, p.pp_email):
                self.emails.discard(e)
            p.li_email = p.pp_email = self.claim("%s.%s@%s" % (ascii_slug(p.pp_first).replace("-", ""),
                                                                 ascii_slug(p.last).replace("-", ""),
                                                                 p.org["domain"]))
        for p in already:
            p.overlap = "email" if p.first != p.pp_first else "name"
        planned = [p.overlap for p in self.people if p.overlap]
        assert len(planned) == 40 and planned.count("email") >= 3, planned
        # former employers for some lawyers (for former_colleague ties)
        firms = [o for o in self.orgs.values() if o["kind"] in ("firm", "inhouse", "court")]
        for p in self.people:
            if p.prior_org is None and p.role in LAWYER_ROLES and p.role not in ("clerk",) and \
                    self.rng.random() < 0.14:
                p.prior_org = self.rng.choice([o for o in firms if o is not p.org])
        # ids for people.csv, in a shuffled (directory-like) order
        pp_people = [p for p in self.people if p.pp]
        self.rng.shuffle(pp_people)
        for i, p in enumerate(pp_people, 1):
            p.id = "p%03d" % i
        self.by_key = {p.key: p for p in self.people}

    def ref(self, p):
        """How ties/interactions/introductions name a person: id (sometimes e-mail), else e-mail, else full name."""
        if p == "me":
            return "me"
        if p.id:
            if p.pp_email and self.rng.random() < 0.1:
                return p.pp_email
            return p.id
        if p.li_email:
            return p.li_email
        return p.full_name

    # -- ties ----------------------------------------------------------------------------------------------------
    def build_ties(self):
        rng = self.rng
        self.ties = collections.OrderedDict()   # (a.key, b.key) sorted -> (a, b, kind, since)

        def add(a, b, kind, since):
            if a is b:
                return False
            ka = "me" if a == "me" else a.key
            kb = "me" if b == "me" else b.key
            pair = (min(ka, kb), max(ka, kb))
            if pair in self.ties:
                return False
            if since is not None and since > TODAY - dt.timedelta(days=1):
                since = TODAY - dt.timedelta(days=rng.randint(1, 60))
            self.ties[pair] = (a, b, kind, since)
            return True

        def since_after(year, latest=TODAY):
            start = dt.date(max(2005, min(year, latest.year)), 1, 15)
            return self.day_between(start, latest - dt.timedelta(days=3)) if rng.random() > 0.05 else None

        # me: the three strong relationships, and one law-school friend
        by_key = self.by_key
        add("me", by_key["mentor"], "mentor", dt.date(2024, 9, 18))
        add("me", by_key["supervisor"], "former_colleague", dt.date(2025, 6, 2))
        add("me", by_key["classmate"], "friend", dt.date(2017, 9, 4))
        add("me", by_key["park"], "classmate", dt.date(2024, 8, 19))

        by_org = collections.OrderedDict()
        for p in self.people:
            if p.org:
                by_org.setdefault(p.org["name"], []).append(p)
        # colleagues within organizations
        for name, members in by_org.items():
            members = [p for p in members if p.role not in ("student", "summer")]
            if len(members) < 2:
                continue
            n = int(round(0.7 * len(members)))
            for _ in range(n):
                a, b = rng.sample(members, 2)
                add(a, b, "colleague", since_after(max(a.start_year, b.start_year)))
        # mentors: partners/counsel mentor associates in a shared practice area
        for name, members in by_org.items():
            seniors = [p for p in members if p.role in ("partner", "counsel", "general_counsel", "judge")]
            juniors = [p for p in members if p.role in ("associate", "senior_associate", "inhouse_counsel", "clerk",
                                                        "patent_agent", "summer")]
            for j in juniors:
                if seniors and rng.random() < 0.3:
                    shared = [s for s in seniors if set(s.sectors) & set(j.sectors)] or seniors
                    add(rng.choice(shared), j, "mentor", since_after(j.start_year))
        professors = [p for p in self.people if p.role == "professor"]
        alumni = [p for p in self.people if LAW in p.schools and p.role in LAWYER_ROLES and p.role != "professor"]
        for prof in professors:
            for mentee in rng.sample(alumni, min(len(alumni), rng.randint(2, 4))):
                add(prof, mentee, "mentor", since_after(mentee.class_year - 3 if mentee.class_year else 2015))
        # classmates: same law school within a year, or same college
        cohorts = collections.OrderedDict()
        for p in self.people:
            if p.class_year and p.schools:
                cohorts.setdefault((p.schools[0], p.class_year), []).append(p)
        keys = list(cohorts)
        for key in keys:
            school, year = key
            group = list(cohorts[key]) + list(cohorts.get((school, year + 1), []))
            if len(group) < 2:
                continue
            for _ in range(int(round(0.3 * len(group)))):
                a, b = rng.sample(group, 2)
                add(a, b, "classmate", dt.date(max(year - 3, 1985), 8, rng.randint(18, 28)))
        college = collections.OrderedDict()
        for p in self.people:
            for s in p.schools[1:]:
                college.setdefault(s, []).append(p)
        for s, group in college.items():
            for _ in range(len(group) // 4):
                a, b = rng.sample(group, 2)
                if a.class_year and b.class_year and abs(a.class_year - b.class_year) <= 2:
                    add(a, b, "classmate", dt.date(min(a.class_year, b.class_year) - 7, 9, rng.randint(1, 10)))
        # former colleagues: people whose previous employer is another organization of the sample
        for p in self.people:
            if p.prior_org is not None:
                # someone already at the previous employer before p moved on
                others = [q for q in by_org.get(p.prior_org["name"], []) if q.start_year < p.start_year - 1 and
                          q.role in LAWYER_ROLES and q.role != "clerk"]
                for q in rng.sample(others, min(len(others), rng.randint(1, 2))):
                    overlap_start = max(q.start_year, p.start_year - 5, 2005)
                    add(p, q, "former_colleague",
                        self.day_between(dt.date(overlap_start, 1, 10), dt.date(p.start_year - 1, 12, 20)))
        # friends and acquaintances across organizations, mostly within a city
        lawyers = [p for p in self.people if p.org]
        for kind, count in (("friend", 68), ("acquaintance", 75), ("family", 4)):
            made = 0
            while made < count:
                a = rng.choice(lawyers)
                same_city = [q for q in lawyers if q.city == a.city and q.org is not a.org]
                b = rng.choice(same_city if same_city and rng.random() < 0.8 else lawyers)
                if add(a, b, kind, since_after(2008 if kind != "family" else 1995)):
                    made += 1
        self.ensure_warm_paths()

    def graph(self):
        adj = collections.defaultdict(list)
        for p in self.people:
            if p.li:
                adj["me"].append(p.key)
                adj[p.key].append("me")
        for (ka, kb) in self.ties:
            adj[ka].append(kb)
            adj[kb].append(ka)
        return adj

    def distances(self):
        adj = self.graph()
        dist = {"me": 0}
        queue = collections.deque(["me"])
        while queue:
            u = queue.popleft()
            for v in adj[u]:
                if v not in dist:
                    dist[v] = dist[u] + 1
                    queue.append(v)
        return dist

    def ensure_warm_paths(self):
        """Most IP partners who are not connections get a 2-hop or 3-hop warm path; a few stay out of reach."""
        rng = self.rng
        targets = [p for p in self.people if is_ip_partner(p.title, p.sectors) and not p.li]
        for t in targets:
            dist = self.distances()
            d = dist.get(t.key)
            if d in (2, 3):
                continue
            r = rng.random()
            if r < 0.5:
                pool = [p for p in self.people if p.li and p.org and p.role in LAWYER_ROLES]
            elif r < 0.9:
                pool = [p for p in self.people if dist.get(p.key) == 2 and p.role in LAWYER_ROLES]
            else:
                continue
            same = [p for p in pool if p.org is t.org]
            q = rng.choice(same or pool)
            if q.org is t.org:
                kind = "colleague"
            elif set(q.schools) & set(t.schools):
                kind = "classmate"
            else:
                kind = rng.choice(["former_colleague", "acquaintance", "friend"])
            self.ties[(min(q.key, t.key), max(q.key, t.key))] = (q, t, kind, self.day_between(
                dt.date(max(2008, q.start_year, t.start_year), 1, 1), dt.date(2026, 9, 30)))

    # -- interactions --------------------------------------------------------------------------------------------
    def build_interactions(self):
        rng = self.rng
        rows = []
        seen = set()

        def log(day, p, kind, minutes=None, rapport=None, by=None, note="", group=False):
            if day >= TODAY or day < FIRST_INTERACTION:
                return
            k = (day, p.key, kind)
            if k in seen:
                return
            seen.add(k)
            rows.append(dict(date=day, person=p, kind=kind, one_on_one=not group, minutes=minutes,
                             rapport=rapport, initiated_by=by, notes=note))

        def when(start, end):
            return self.day_between(start, min(end, TODAY - dt.timedelta(days=1)))

        bk = self.by_key
        # 1. the mentor professor: office hours, coffees, e-mails, a reference call, over the whole two years
        mentor = bk["mentor"]
        mentor_notes = {
            "meeting": ["Office hours: talked through my note topic (fair use, text-and-data mining).",
                        "Meeting about the summer search,\nshe offered to call two partners she knows.",
                        "Research assistant check-in; she'll cite my memo in her article, with credit.",
                        "Asked whether to take Patent Law or Licensing first. Advice: both, but Licensing "
                        "\"teaches you to read a deal\"."],
            "coffee": ["Coffee after IP Survey; she suggested I read \"the Bowman line of cases\" before the seminar.",
                       "Coffee: long talk about clerking vs. going straight to a firm.",
                       "Coffee ☕ and a reading list for the spring, mostly licensing."],
            "email": ["Sent my draft outline, got comments back the same night.",
                      "Thanked her for the recommendation letter.", "She forwarded a CLE invite, \"worth going\"."],
            "call": ["Call before my callback interview, she walked me through likely questions.",
                     "Quick call about the RA schedule, and the seminar paper."],
        }
        d = dt.date(2024, 11, 6)
        while d < TODAY:
            kind = rng.choice(["meeting", "coffee", "email", "coffee", "meeting", "call"])
            minutes = {"meeting": 45, "coffee": 50, "email": None, "call": 25}[kind]
            if minutes:
                minutes += rng.choice([-10, -5, 0, 0, 5, 10, 15])
            log(d, mentor, kind, minutes, rng.choice([5, 5, 4]) if kind != "email" else rng.choice([None, 5, 4]),
                rng.choice(["me", "me", "them"]), rng.choice(mentor_notes[kind]))
            d += dt.timedelta(days=rng.randint(18, 40))
        log(dt.date(2025, 1, 22), mentor, "referral", None, 5, "them",
            "Referred me to Quillstack's legal team for the 1L summer internship.")
        # 2. the internship supervisor: interview, the summer, then keeping in touch
        sup = bk["supervisor"]
        log(dt.date(2025, 2, 4), sup, "informational_interview", 40, 4, "me",
            "First conversation about in-house tech transactions; she said the team \"hires for judgment, not "
            "clause libraries\".")
        log(dt.date(2025, 2, 6), sup, "thank_you", None, None, "me", "Thank-you note after the interview.")
        for day, note in [(dt.date(2025, 6, 2), "Internship day one: intro meeting, goals for the summer."),
                          (dt.date(2025, 6, 27), "Weekly 1:1 - reviewed my first SaaS order-form markup."),
                          (dt.date(2025, 7, 18), "1:1: feedback on the open-source licensing audit, \"solid, "
                                                 "tighten the summary\"."),
                          (dt.date(2025, 8, 8), "Mid-summer review, she'll be a reference."),
                          (dt.date(2025, 8, 22), "Last-day lunch with the legal team; exit conversation.")]:
            log(day, sup, "meeting", rng.choice([30, 45, 60]), rng.choice([4, 5, 5]), "them", note)
        for day in [dt.date(2025, 10, 14), dt.date(2026, 1, 9), dt.date(2026, 3, 26), dt.date(2026, 6, 11),
                    dt.date(2026, 9, 3), dt.date(2026, 10, 29)]:
            kind = rng.choice(["coffee", "video_call", "email", "call"])
            notes = {"coffee": "Coffee near the Loop office, talked AI-assisted contract review, and my 2L summer.",
                     "video_call": "Catch-up on video; she asked about OCI results.",
                     "email": "Sent her my writing sample, she sent edits.",
                     "call": "She called about a new IP Counsel opening, \"apply before it's posted\"."}
            log(day, sup, kind, None if kind == "email" else rng.choice([25, 30, 45]),
                rng.choice([4, 5]), rng.choice(["me", "them"]), notes[kind])
        log(dt.date(2026, 2, 17), sup, "referral", None, 5, "them",
            "Recommended me to Oduya, Lindgren & Sato's recruiting team for the 2L summer. 🎉")
        # 3. the college classmate now at a firm
        mate = bk["classmate"]
        d = dt.date(2024, 11, 15)
        while d < TODAY:
            kind = rng.choice(["coffee", "message", "call", "coffee", "video_call"])
            notes = {"coffee": ["Coffee, Rafa's take on associate life: \"billables, then everything else\".",
                                "Drinks after his trial wrapped - he won, big relief.",
                                "Brunch, talked about whether Brandt's IP group is growing."],
                     "message": ["Texted about the Brandt OCI reception.",
                                 "He sent the summer associate class list,\nwith notes on who does IP work."],
                     "call": ["Call: mock interview practice.", "Long call about his move to the IP group."],
                     "video_call": ["Video call, he reviewed my cover letter line by line."]}
            log(d, mate, kind, None if kind == "message" else rng.choice([30, 45, 60, 90]),
                rng.choice([5, 5, 4]), rng.choice(["me", "them"]), rng.choice(notes[kind]))
            d += dt.timedelta(days=rng.randint(30, 60))
        # 4. events: group, unrated
        events = [(dt.date(2024, 11, 14), "Halvorsen IP Law Society fall mixer", ["school", "firm"]),
                  (dt.date(2024, 12, 10), "Calloway State Bar young lawyers' holiday reception", ["firm", "bar"]),
                  (dt.date(2025, 1, 29), "Halvorsen Law spring career fair", ["firm", "inhouse"]),
                  (dt.date(2025, 3, 21), "Tech Transactions Symposium, panel on SaaS & AI licensing",
                   ["inhouse", "firm"]),
                  (dt.date(2025, 4, 17), "Patent bar lunch, \"What examiners wish you knew\"", ["firm"]),
                  (dt.date(2025, 10, 9), "Pro bono night at Eastside Legal Aid", ["clinic", "firm", "pd"]),
                  (dt.date(2025, 11, 6), "Women in IP panel & reception", ["firm", "inhouse"]),
                  (dt.date(2026, 1, 28), "Halvorsen Law career fair", ["firm", "inhouse", "court"]),
                  (dt.date(2026, 2, 19), "Privacy Law Summit, Chicago", ["inhouse", "firm"]),
                  (dt.date(2026, 4, 16), "Foundry Row demo day, startup legal clinic", ["vc", "inhouse"]),
                  (dt.date(2026, 8, 6), "OCI reception, Brandt, Castellano & Reyes", ["firm"]),
                  (dt.date(2026, 9, 24), "IP Law Society alumni panel", ["firm", "school", "court"]),
                  (dt.date(2026, 10, 15), "Fall bar association mixer", ["firm", "bar", "court"])]
        for day, title, kinds in events:
            pool = [p for p in self.people if p.org and p.kind in kinds and (p.li or rng.random() < 0.15)]
            for p in rng.sample(pool, min(len(pool), rng.randint(5, 9))):
                log(day, p, "event", rng.choice([90, 120, 120, 150]), None, None,
                    title if rng.random() < 0.7 else title + "; exchanged cards", group=True)
        # 5. informational interviews with connections, each with a thank-you, some with a later follow-up
        quotes = ["take the patent bar before you graduate", "learn to read a term sheet", "clerk if you can",
                  "write short memos", "pick a technology and go deep", "never skip the thank-you note",
                  "ask for the deal docs, not the training", "find a partner who gives feedback"]
        lawyers_li = [p for p in self.people if p.li and p.role in LAWYER_ROLES and p.kind in ("firm", "inhouse",
                                                                                                "court")]
        rng.shuffle(lawyers_li)
        ii_people = [p for p in lawyers_li if not hasattr(p, "special")][:34]
        for p in ii_people:
            day = when(dt.date(2024, 11, 20), dt.date(2026, 11, 10))
            area = p.sectors[0] if p.sectors else "litigation"
            note = rng.choice([
                "Informational interview about %s practice; advice: \"%s\"." % (area, rng.choice(quotes)),
                "Asked about the path to %s, %s said \"%s\"." % (p.org["name"], p.first, rng.choice(quotes)),
                "Zoom chat on %s work, billing, and summer hiring." % area,
                "Walked through a typical week. Follow up in the spring,\nsend the resume in PDF.",
            ])
            kind = "informational_interview"
            log(day, p, kind, rng.choice([20, 30, 30, 45]), rng.choice([2, 3, 3, 4, 4, 5]),
                "me" if rng.random() < 0.85 else "them", note)
            log(day + dt.timedelta(days=rng.randint(0, 2)), p, "thank_you", None, None, "me",
                rng.choice(["Thank-you email.", "Thank-you note, mentioned the \"%s\" advice." % rng.choice(quotes),
                            ""]))
            if rng.random() < 0.45:
                log(day + dt.timedelta(days=rng.randint(40, 200)), p, rng.choice(["email", "message", "coffee"]),
                    None, rng.choice([None, 3, 4]), rng.choice(["me", "them"]),
                    rng.choice(["Follow-up: shared my note on SEP licensing.", "Checked in after exams.",
                                "They asked how OCI went, offered to pass my resume along."]))
        # 6. medium ties: a handful of people seen several times
        medium = [p for p in lawyers_li if p not in ii_people][:12] + [bk["career"], bk["nunez"], bk["park"]]
        for p in medium:
            day = when(dt.date(2024, 11, 10), dt.date(2025, 9, 1))
            for _ in range(rng.randint(2, 5)):
                kind = rng.choice(["coffee", "call", "email", "video_call", "meeting", "message"])
                notes = {"coffee": ["Coffee, talked about the move in-house.", "Coffee, \"call me anytime\".",
                                    "Met at the courthouse café, 20 minutes between hearings."],
                         "call": ["Catch-up call, shared OCI strategy.", ""],
                         "email": ["Email about a CLE on open-source compliance.", "Sent my resume for a read."],
                         "video_call": ["Resume review over video, three concrete edits.", ""],
                         "meeting": ["Career advice, resume review.", "Met after class, talked practice areas."],
                         "message": ["Message thread about bar prep courses.", ""]}
                log(day, p, kind, None if kind in ("email", "message") else rng.choice([20, 30, 45, 60]),
                    rng.choice([3, 3, 4, 4, 5]), rng.choice(["me", "them"]), rng.choice(notes[kind]))
                day += dt.timedelta(days=rng.randint(30, 150))
        # 7. weak ties: one e-mail or message each, some calls
        taken = {p.key for p in ii_people + medium}
        weak = [p for p in self.people if p.li and p.key not in taken and not hasattr(p, "special")]
        rng.shuffle(weak)
        for p in weak[:105]:
            kind = rng.choice(["email", "email", "message", "message", "call", "video_call"])
            day = when(FIRST_INTERACTION, TODAY)
            log(day, p, kind, rng.choice([15, 20, 30]) if kind in ("call", "video_call") else None,
                rng.choice([None, None, 2, 3]) if kind in ("email", "message") else rng.choice([2, 3, 3, 4]),
                "me" if rng.random() < 0.7 else "them",
                rng.choice({"email": ["Cold email re: summer openings; short, friendly reply.",
                                      "Asked about the firm's IP group; no openings.", ""],
                            "message": ["LinkedIn message after the panel.", "Congratulated them on the new role.",
                                        "Message: \"happy to chat after trial, ping me in March\"", ""],
                            "call": ["Quick call, mostly logistics.", ""],
                            "video_call": ["Short video chat about their practice, 15 minutes of questions.",
                                           ""]}[kind]))
        self.interactions = rows

    # -- introductions -------------------------------------------------------------------------------------------
    def build_introductions(self):
        """~25 introductions from people `me` knows to people they know; 'met' ones lead to an interview."""
        rng = self.rng
        dist = self.distances()
        adj = self.graph()
        introducers = [self.by_key[k] for k in ("mentor", "supervisor", "classmate", "career")]
        introducers += [p for p in self.people if p.li and p.role in LAWYER_ROLES and
                        any(dist.get(q) == 2 for q in adj[p.key])][:40]
        plan = (["met"] * 9 + ["made"] * 6 + ["declined"] * 3 + ["requested"] * 7)
        rows = []
        used = set()
        stale = [dt.date(2026, 10, 27), dt.date(2026, 11, 6)]
        i = 0
        for status in plan:
            for _ in range(200):
                intro = introducers[i % 4] if rng.random() < 0.4 else rng.choice(introducers)
                i += 1
                targets = [self.by_key[q] for q in adj[intro.key] if q != "me" and dist.get(q) == 2 and
                           q not in used and self.by_key[q].role in LAWYER_ROLES]
                ip_targets = [t for t in targets if set(t.sectors) & (GOAL_AREAS | IP_AREAS)]
                if ip_targets or targets:
                    break
            else:
                raise RuntimeError("no introduction target found for status %s" % status)
            target = rng.choice(ip_targets or targets)
            used.add(target.key)
            if status == "requested":
                day = stale.pop(0) if stale else when_recent(rng)
            elif status == "met":
                day = self.day_between(dt.date(2025, 1, 5), dt.date(2026, 9, 30))
            else:
                day = self.day_between(dt.date(2025, 1, 5), dt.date(2026, 11, 1))
            rows.append(dict(date=day, introducer=intro, person=target, status=status))
            if status == "met":
                meet = day + dt.timedelta(days=rng.randint(5, 25))
                self.interactions.append(dict(
                    date=meet, person=target, kind="informational_interview", one_on_one=True,
                    minutes=rng.choice([30, 30, 45]), rapport=rng.choice([3, 4, 4, 5]), initiated_by="me",
                    notes="Introduced by %s. Talked %s; they offered to review my resume." %
                          (intro.full_name, target.sectors[0] if target.sectors else "practice")))
                self.interactions.append(dict(
                    date=meet + dt.timedelta(days=1), person=target, kind="thank_you", one_on_one=True,
                    minutes=None, rapport=None, initiated_by="me", notes="Thank-you email, cc'd the introducer."))
        rows.sort(key=lambda r: (r["date"], r["person"].key))
        self.introductions = rows

    def adjust_connected_on(self):
        """Connected On: college friends years ago, others around when `me` first met them, never after today."""
        rng = self.rng
        first_seen = {}
        for r in self.interactions:
            k = r["person"].key
            first_seen[k] = min(first_seen.get(k, r["date"]), r["date"])
        for p in self.people:
            if not p.li:
                continue
            if p.kind == "college" or p.key == "classmate" or (p.kind == "consulting"):
                base = self.day_between(dt.date(2016, 9, 1), dt.date(2021, 5, 30))
            elif p.kind == "school":
                base = self.day_between(dt.date(2024, 8, 19), dt.date(2026, 11, 18))
            elif p.key == "supervisor" or (p.org and p.org["name"] == "Quillstack Technologies, Inc."):
                base = self.day_between(dt.date(2025, 2, 4), dt.date(2025, 8, 29))
            else:
                base = self.day_between(dt.date(2021, 6, 1), dt.date(2026, 11, 19))
            if p.key in first_seen:
                met = first_seen[p.key] + dt.timedelta(days=rng.randint(0, 4))
                base = min(base, met)
            p.connected = min(base, TODAY - dt.timedelta(days=1))

    # -- writing -------------------------------------------------------------------------------------------------
    def write(self):
        people = sorted((p for p in self.people if p.li), key=lambda p: (-p.connected.toordinal(), p.url))
        os.makedirs(os.path.join(HERE, ARCHIVE), exist_ok=True)
        with open(os.path.join(HERE, ARCHIVE, "Connections.csv"), "w", encoding="utf-8", newline="") as f:
            f.write(LINKEDIN_PREAMBLE)
            w = csv.writer(f, lineterminator="\r\n")
            w.writerow(LINKEDIN_HEADER)
            for p in people:
                company = getattr(p, "li_org_name", p.org_name) or ""
                w.writerow([p.first, p.last, p.url, p.li_email, company, p.position, li_date(p.connected)])
        me = ["me", "Avery", "Lindqvist", "avery.lindqvist@halvorsen.example", LAW, "J.D. Candidate, Class of 2027",
              "intellectual property;technology transactions", LAW + ";" + COLLEGE, "Chicago, IL"]
        rows = [me]
        for p in sorted((p for p in self.people if p.pp), key=lambda p: p.id):
            org_name = p.org["pp_name"] if p.org else ""
            rows.append([p.id, p.pp_first, p.last, p.pp_email, org_name, p.title, ";".join(p.sectors),
                         ";".join(p.schools), p.city])
        write_csv("people.csv", PEOPLE_HEADER, rows)
        ties = []
        for a, b, kind, since in self.ties.values():
            ties.append([self.ref(a), self.ref(b), kind, since.isoformat() if since else ""])
        write_csv("ties.csv", TIES_HEADER, ties)
        inter = sorted(self.interactions, key=lambda r: (r["date"], r["person"].key, r["kind"]))
        rows = []
        for r in inter:
            rows.append([r["date"].isoformat(), self.ref(r["person"]), r["kind"],
                         "true" if r["one_on_one"] else "false",
                         "" if r["minutes"] is None else str(r["minutes"]),
                         "" if r["rapport"] is None else str(r["rapport"]),
                         r["initiated_by"] or "", r["notes"]])
        write_csv("interactions.csv", INTERACTIONS_HEADER, rows)
        write_csv("introductions.csv", INTRODUCTIONS_HEADER,
                  [[r["date"].isoformat(), self.ref(r["introducer"]), self.ref(r["person"]), r["status"]]
                   for r in self.introductions])


def when_recent(rng):
    return TODAY - dt.timedelta(days=rng.randint(1, 6))


def is_ip_partner(title, sectors):
    return "Partner" in (title or "") and bool(set(sectors) & (GOAL_AREAS | IP_AREAS))


def write_csv(name, header, rows):
    with open(os.path.join(HERE, name), "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\r\n")
        w.writerow(header)
        w.writerows(rows)


# ----------------------------------------------------------------------------------------------------------------
# Checker: reads the files back, independent of the generator's in-memory state
# ----------------------------------------------------------------------------------------------------------------
class CheckFailed(Exception):
    pass


def expect(condition, message):
    if not condition:
        raise CheckFailed(message)


def read_csv(name):
    with open(os.path.join(HERE, name), encoding="utf-8", newline="") as f:
        raw = f.read()
    rows = list(csv.reader(io.StringIO(raw, newline=""), strict=True))
    return raw, rows


def parse_date(text, where):
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise CheckFailed("%s: bad date %r" % (where, text))


def check():
    report = []
    # -- Connections.csv: preamble, header, rows -----------------------------------------------------------------
    raw, rows = read_csv(os.path.join(ARCHIVE, "Connections.csv"))
    expect(raw.startswith(LINKEDIN_PREAMBLE), "Connections.csv: LinkedIn preamble differs")
    expect(rows[0] == ["Notes:"] and rows[2] == [] and rows[3] == LINKEDIN_HEADER, "Connections.csv: layout")
    li_rows = rows[4:]
    for i, r in enumerate(li_rows):
        expect(len(r) == 7, "Connections.csv row %d has %d fields" % (i + 5, len(r)))
        dt.datetime.strptime(r[6], "%d %b %Y")
        expect(dt.datetime.strptime(r[6], "%d %b %Y").date() <= TODAY, "connected after today")
    # -- people.csv --------------------------------------------------------------------------------------------
    _, prow = read_csv("people.csv")
    expect(prow[0] == PEOPLE_HEADER, "people.csv header")
    pp_rows = prow[1:]
    for r in pp_rows:
        expect(len(r) == 9, "people.csv: row %r" % r[:1])
    ids = [r[0] for r in pp_rows]
    expect(len(set(ids)) == len(ids), "duplicate ids")
    expect(pp_rows[0][0] == "me" and pp_rows[0][6] == "intellectual property;technology transactions", "me row")
    # -- identity resolution: e-mail, then normalized full name + organization ---------------------------------
    records = []   # (source, row index, first, last, email, org)
    for i, r in enumerate(pp_rows):
        records.append(("people", i, r[1], r[2], r[3].strip().lower(), r[4]))
    for i, r in enumerate(li_rows):
        records.append(("linkedin", i, r[0], r[1], r[3].strip().lower(), r[4]))
    parent = list(range(len(records)))

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    by_email, by_name_org = {}, {}
    merged_by = collections.Counter()
    for n, rec in enumerate(records):
        links = []
        if rec[4]:
            if rec[4] in by_email:
                links.append(("email", by_email[rec[4]]))
            by_email.setdefault(rec[4], n)
        if rec[5]:
            key = (person_key(rec[2] + " " + rec[3]), org_key(rec[5]))
            if key in by_name_org:
                links.append(("name", by_name_org[key]))
            by_name_org.setdefault(key, n)
        for how, other in links:
            if find(other) != find(n):
                parent[find(n)] = find(other)
                merged_by[how] += 1
    entities = collections.defaultdict(list)
    for n in range(len(records)):
        entities[find(n)].append(n)
    for members in entities.values():
        sources = sorted(records[m][0] for m in members)
        expect(sources in (["people"], ["linkedin"], ["linkedin", "people"]),
               "unexpected merge: %r" % [records[m][2:] for m in members])
    overlaps = [m for m in entities.values() if len(m) == 2]
    email_only = 0
    for m in overlaps:
        a, b = records[m[0]], records[m[1]]
        if (person_key(a[2] + " " + a[3]), org_key(a[5])) != (person_key(b[2] + " " + b[3]), org_key(b[5])):
            email_only += 1
    expect(35 <= len(overlaps) <= 45, "overlap count %d" % len(overlaps))
    expect(email_only >= 3, "e-mail-only overlaps %d" % email_only)
    report.append("identity: %d people.csv rows + %d LinkedIn rows -> %d people; %d overlaps (%d only by e-mail)"
                  % (len(pp_rows), len(li_rows), len(entities), len(overlaps), email_only))
    # -- reference resolution: id, else e-mail, else exact full name ------------------------------------------
    id_index = {r[0]: find(i) for i, r in enumerate(pp_rows)}
    email_index = collections.defaultdict(set)
    name_index = collections.defaultdict(set)
    folded_index = collections.defaultdict(set)
    for n, rec in enumerate(records):
        if rec[4]:
            email_index[rec[4]].add(find(n))
        full = (rec[2] + " " + rec[3]).strip()
        name_index[full].add(find(n))
        folded_index[person_key(full)].add(find(n))
    name_refs = set()

    def resolve(ref, where):
        expect(ref == ref.strip() and ref, "%s: empty or padded reference %r" % (where, ref))
        if ref in id_index:
            return id_index[ref]
        if ref.lower() in email_index:
            found = email_index[ref.lower()]
            expect(len(found) == 1, "%s: e-mail %r matches %d people" % (where, ref, len(found)))
            return next(iter(found))
        found = name_index.get(ref, set())
        expect(len(found) == 1, "%s: name %r matches %d people" % (where, ref, len(found)))
        expect(len(folded_index[person_key(ref)]) == 1, "%s: name %r is ambiguous once folded" % (where, ref))
        name_refs.add(ref)
        return next(iter(found))

    me = id_index["me"]
    # -- ties ----------------------------------------------------------------------------------------------------
    _, trows = read_csv("ties.csv")
    expect(trows[0] == TIES_HEADER, "ties.csv header")
    pairs = set()
    adj = collections.defaultdict(set)
    for n, r in enumerate(li_rows):
        adj[me].add(find(len(pp_rows) + n))
        adj[find(len(pp_rows) + n)].add(me)
    kinds = collections.Counter()
    for line, r in enumerate(trows[1:], 2):
        where = "ties.csv:%d" % line
        expect(len(r) == 4, where + ": field count")
        a, b = resolve(r[0], where), resolve(r[1], where)
        expect(a != b, where + ": self tie")
        pair = (min(a, b), max(a, b))
        expect(pair not in pairs, where + ": duplicate tie")
        pairs.add(pair)
        expect(r[2] in TIE_KINDS, where + ": kind")
        kinds[r[2]] += 1
        if r[3]:
            expect(parse_date(r[3], where) < TODAY, where + ": since in the future")
        adj[a].add(b)
        adj[b].add(a)
    report.append("ties: %d rows (%s)" % (len(trows) - 1, ", ".join("%s %d" % kv for kv in sorted(kinds.items()))))
    # -- warm paths to IP partners -------------------------------------------------------------------------------
    dist = {me: 0}
    queue = collections.deque([me])
    while queue:
        u = queue.popleft()
        for v in sorted(adj[u]):
            if v not in dist:
                dist[v] = dist[u] + 1
                queue.append(v)
    hops = collections.Counter()
    for i, r in enumerate(pp_rows):
        if is_ip_partner(r[5], r[6].split(";")):
            hops[dist.get(find(i), "none")] += 1
    expect(hops[2] >= 15 and hops[3] >= 5, "warm paths to IP partners: %r" % hops)
    report.append("IP partners by hops from me: " + ", ".join("%s: %d" % (k, hops[k]) for k in
                                                              sorted(hops, key=str)))
    # -- interactions --------------------------------------------------------------------------------------------
    _, irows = read_csv("interactions.csv")
    expect(irows[0] == INTERACTIONS_HEADER, "interactions.csv header")
    seen = set()
    per_person = collections.Counter()
    ikinds = collections.Counter()
    for line, r in enumerate(irows[1:], 2):
        where = "interactions.csv:%d" % line
        expect(len(r) == 8, where + ": field count")
        day = parse_date(r[0], where)
        expect(dt.date(2024, 11, 1) <= day < TODAY, where + ": date out of range")
        who = resolve(r[1], where)
        expect(who != me, where + ": interaction with me")
        expect(r[2] in INTERACTION_KINDS, where + ": kind")
        expect(r[3] in ("true", "false"), where + ": one_on_one")
        expect(r[4] == "" or int(r[4]) > 0, where + ": minutes")
        expect(r[5] == "" or r[5] in "12345", where + ": rapport")
        expect(r[6] in ("", "me", "them"), where + ": initiated_by")
        if r[2] == "event":
            expect(r[3] == "false" and r[5] == "", where + ": events are group and unrated")
        key = (day, who, r[2])
        expect(key not in seen, where + ": duplicate interaction")
        seen.add(key)
        per_person[who] += 1
        ikinds[r[2]] += 1
    notes = [r[7] for r in irows[1:]]
    expect(any("\n" in t for t in notes) and any('"' in t for t in notes) and any("," in t for t in notes),
           "notes need line breaks, quotes and commas")
    expect(any(ord(c) >= 0x1F300 for t in notes for c in t), "no emoji in notes")
    strong = sum(1 for c in per_person.values() if c >= 10)
    expect(strong >= 3, "strong relationships: %d" % strong)
    report.append("interactions: %d rows (%s); %d people with 10+ interactions"
                  % (len(irows) - 1, ", ".join("%s %d" % kv for kv in sorted(ikinds.items())), strong))
    # -- introductions -------------------------------------------------------------------------------------------
    _, nrows = read_csv("introductions.csv")
    expect(nrows[0] == INTRODUCTIONS_HEADER, "introductions.csv header")
    statuses = collections.Counter()
    stale = 0
    for line, r in enumerate(nrows[1:], 2):
        where = "introductions.csv:%d" % line
        day = parse_date(r[0], where)
        expect(day < TODAY, where + ": date")
        a, b = resolve(r[1], where), resolve(r[2], where)
        expect(a != b and me not in (a, b), where + ": introducer/person")
        expect(r[3] in STATUSES, where + ": status")
        statuses[r[3]] += 1
        if r[3] == "requested" and (TODAY - day).days > 7:
            stale += 1
    expect(stale >= 2 and all(statuses[s] for s in STATUSES), "introductions: %r, stale %d" % (statuses, stale))
    report.append("introductions: %d rows (%s; %d requested more than 7 days ago)"
                  % (len(nrows) - 1, ", ".join("%s %d" % kv for kv in sorted(statuses.items())), stale))
    # -- names that exercise the readers -----------------------------------------------------------------------
    names = [r[1] + " " + r[2] for r in pp_rows] + [r[0] + " " + r[1] for r in li_rows]
    expect(any("'" in n for n in names), "apostrophe names")
    expect(any(any(unicodedata.combining(c) for c in unicodedata.normalize("NFD", n)) for n in names), "accents")
    expect(any("," in n for n in names), "comma in a name")
    expect(sum(1 for n in names if any(ord(c) > 0x2FF and c.isalpha() for c in n)) >= 3, "non-Latin names")
    expect(any("," in r[4] for r in li_rows), "quoted company names")
    report.append("full-name references: %d distinct, each unique in the union of both files" % len(name_refs))
    return report


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only check the files on disk")
    args = parser.parse_args()
    if not args.check:
        g = Generator()
        g.build_people()
        g.build_ties()
        g.build_interactions()
        g.build_introductions()
        g.adjust_connected_on()
        g.write()
        cast = evidence.write_archive(g)
        calendar_mail.write_calendar(cast)
        calendar_mail.write_mail(cast)
    try:
        for line in check() + evidence_check.check():
            print(line)
    except (CheckFailed, evidence_check.EvidenceCheckFailed) as e:
        print("check failed: %s" % e, file=sys.stderr)
        return 1
    print("all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
