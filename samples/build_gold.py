"""Build the bundled sample corpus (samples/inbox/) and its gold answers (samples/gold.jsonl).

Every site, person, organisation and article below is fictional and was written for this
project. The script is the single source of the corpus: each story is written once, with its
quotes marked inline, and rendered through its site's chrome into the dump format(s) the site
uses; the gold record is derived from the same source, so body, quotes and files cannot drift.

Run from the repo root: .venv/bin/python samples/build_gold.py
Output is deterministic (fixed random seed, gzip mtime 0): re-running reproduces every byte.

Story source markup, one paragraph per line:
  ``> text``      standfirst (kept)            ``## text``    crosshead (kept)
  ``* text``      list item (kept)             ``? text``     Q&A question (kept)
  ``~cap text``   picture caption (dropped)    ``~more text`` "Read more" line (dropped)
  ``~ad``         advertisement slot (dropped)
  ``{{Speaker::words}}`` quoted speech; the marks around it stay in the text, the words are the
  gold quote and Speaker its full name (or a description for an unnamed source).
  ``<<words>>``   an inline link in HTML pages, plain text in dumps.
"""

# ruff: noqa: E501 - story paragraphs are one source line each, as they are one line of the dumps

from __future__ import annotations

import gzip
import html
import json
import random
import re
import shutil
import textwrap
from dataclasses import dataclass, field, replace
from pathlib import Path

SAMPLES = Path(__file__).resolve().parent
INBOX = SAMPLES / "inbox"
GOLD = SAMPLES / "gold.jsonl"

QUOTE_MARKUP = re.compile(r"\{\{(.+?)::(.+?)\}\}")
LINK_MARKUP = re.compile(r"<<(.+?)>>")
BULLET = "  • "  # how the page renderer printed list items in the dumps


@dataclass
class Story:
    file: str
    title: str
    body: str  # source lines, markup above
    byline_line: str | None = None  # the byline as printed
    byline: list[str] = field(default_factory=list)
    date_lines: list[str] = field(default_factory=list)  # as printed
    published: str | None = None
    publisher: str | None = None
    kicker: str = "News"
    page_title: str | None = None  # HTML <title> / dump first line when it differs from the headline
    iso_published: str | None = None  # HTML machine-readable dates
    iso_modified: str | None = None
    citation: str | None = None  # archive citation line
    archive_id: str | None = None
    print_twice: bool = False  # the dump repeats the article after the chrome, as some scrapers saw it
    duplicate_of: str | None = None

    def lines(self) -> list[str]:
        return [line.strip() for line in self.body.strip().splitlines() if line.strip()]


# ---------------------------------------------------------------- markup helpers


def plain(text: str) -> str:
    return LINK_MARKUP.sub(r"\1", QUOTE_MARKUP.sub(r"\2", text))


def kind_of(line: str) -> tuple[str, str]:
    for prefix, kind in (("~cap ", "caption"), ("~more ", "more"), ("> ", "standfirst"), ("## ", "crosshead"),
                         ("* ", "item"), ("? ", "question")):
        if line.startswith(prefix):
            return kind, line[len(prefix):]
    if line == "~ad":
        return "ad", ""
    return "para", line


def gold_record(story: Story, *, html_page: bool) -> dict:
    paragraphs, quotes = [], []
    for line in story.lines():
        kind, text = kind_of(line)
        if kind in ("caption", "more", "ad"):
            continue
        paragraphs.append(" ".join(plain(text).split()) if html_page else plain(text))
        quotes.extend({"speaker": m.group(1), "text": m.group(2)} for m in QUOTE_MARKUP.finditer(text))
    return {
        "file": story.file,
        "is_article": True,
        "title": story.title,
        "byline": story.byline,
        "published": story.published,
        "publisher": story.publisher,
        "body": "\n\n".join(paragraphs),
        "quotes": quotes,
        "duplicate_of": story.duplicate_of,
    }


def not_article(name: str) -> dict:
    return {"file": name, "is_article": False, "title": None, "byline": [], "published": None,
            "publisher": None, "body": "", "quotes": [], "duplicate_of": None}


def html_inline(text: str, link_base: str) -> str:
    """Escape a source paragraph for HTML, turning <<words>> into links."""
    parts = LINK_MARKUP.split(QUOTE_MARKUP.sub(r"\2", text))
    out = []
    for i, part in enumerate(parts):
        escaped = html.escape(part, quote=False)
        if i % 2:
            slug = re.sub(r"[^a-z0-9]+", "-", part.lower()).strip("-")
            out.append(f'<a href="{link_base}/topic/{slug}">{escaped}</a>')
        else:
            out.append(escaped)
    return "".join(out)


def teaser_standfirst(text: str, cut: int = 88) -> str:
    """Cut a standfirst at a word boundary the way teaser widgets do, ending in '...'."""
    short = text[:cut].rsplit(" ", 1)[0].rstrip(",;:")
    return short + "..."


# ================================================================ GP WEEKLY (text dumps, blank-line blocks)

GPW_TEASERS = [
    ("Stethoscope on a desk", "Rural practices face £38m shortfall under revised funding formula",
     "Rural GP practices in England could lose a combined £38m a year under a revised funding formula due to "
     "take effect in April"),
    ("Pharmacist checking a prescription", "Pharmacists to review care home prescriptions in 12-month pilot",
     "Clinical pharmacists will carry out structured medication reviews for every care home resident in three "
     "areas of northern England"),
    ("Syringes on a tray", "Flu vaccine uptake among over-65s falls for second year",
     "Flu vaccine uptake among people aged 65 and over fell for the second winter running, according to "
     "provisional figures"),
    ("Minister at a podium", "Minister promises ‘no more top-down reorganisations’ of primary care",
     "The health minister has pledged that primary care networks will be given at least five years to bed in "
     "before any further structural change"),
    ("Empty waiting room", "Half of practices in parts of the north apply to close their lists",
     "More than half of practices in some northern areas have applied to close their lists to new patients over "
     "the past year, figures show"),
]
GPW_MOST_READ = [
    "GP partners’ pay falls in real terms for the fifth year running",
    "Locum fee cap ‘will push sessional GPs out of the profession’",
    "Ten red flags in the child with a limp",
    "Revalidation: what you need to know this year",
    "Q&A: ‘The phone line can no longer be the only front door’",
]
GPW_HEAD = [
    "This site is intended for healthcare professionals only",
    "We use cookies to make our website work and to understand how you use it. By continuing to browse you "
    "agree to our use of cookies. Find out more",
    "Accept and close",
    "Serving general practice since 1972",
    "Read the latest digital edition",
    "Sign in | Register",
    "News | Clinical | Practice business | Careers | Opinion | Events",
]
GPW_RATING = [
    "Rate this article",
    "Click to rate",
    "\n".join(f"{BULLET}{n} star{'s' if n > 1 else ''} out of 5" for n in range(1, 6)),
    "0 out of 5 stars",
]
GPW_REGISTER = [
    "Not registered yet?",
    "Register now for free access to all our news, clinical content and daily email bulletins",
    "Register",
    "Already have an account?",
    "Sign in",
]
GPW_FOOT = [
    "Follow us on Twitter and LinkedIn",
    "Terms and conditions | Privacy policy | Cookie policy | Contact us | Advertise with us",
    "Copyright © 2019. All rights reserved. Registered in England and Wales No. 04417203.",
]


def gpw_just_published(exclude_title: str | None) -> list[str]:
    blocks = ["Just published"]
    for alt, headline, standfirst in GPW_TEASERS:
        if headline != exclude_title:
            blocks += [alt, headline, teaser_standfirst(standfirst)]
    return blocks


def gpw_most_read() -> list[str]:
    return ["Most read", "\n".join(f"{BULLET}{headline}" for headline in GPW_MOST_READ)]


def gpw_article_blocks(story: Story) -> list[str]:
    blocks = [story.title]
    if story.byline_line:
        blocks.append(story.byline_line)
    blocks += story.date_lines
    for line in story.lines():
        kind, text = kind_of(line)
        text = plain(text)
        if kind == "caption":
            blocks.append(f"{text} {text}")  # the scraper caught image alt text and caption together
        elif kind == "more":
            blocks.append(f"Read more: {text}")
        elif kind == "ad":
            blocks.append("Advertisement")
        elif kind == "item":
            blocks.append(BULLET + text)
        else:
            blocks.append(text)
    return blocks


def gpw_render(story: Story) -> str:
    blocks = GPW_HEAD + gpw_article_blocks(story) + GPW_RATING
    blocks += ["Share this article", "Email | Twitter | LinkedIn | Print", "Have your say",
               "Comment below and let us know your views"]
    blocks += GPW_REGISTER + gpw_just_published(story.title) + gpw_most_read()
    if story.print_twice:
        blocks += gpw_article_blocks(story)
    blocks += GPW_FOOT
    return "\n\n".join(blocks) + "\n"


GPW_STORIES = [
    Story(
        file="gpweekly-001-funding-formula.txt",
        title="Rural practices face £38m shortfall under revised funding formula",
        byline_line="By Sarah Whitlock", byline=["Sarah Whitlock"],
        date_lines=["Published 4 March 2019", "Updated 6 March 2019"], published="2019-03-04",
        body="""
> Exclusive Practices serving scattered rural populations stand to lose most under the new allocation model
Rural GP practices in England could lose a combined £38m a year under a revised funding formula due to take effect in April, according to modelling shared with this publication.
The analysis, carried out by the Rural General Practice Alliance, suggests that almost 600 practices with list sizes below 5,000 patients would see their core payments fall, with some losing more than £60,000 a year.
The revised formula, drawn up by the National Primary Care Funding Board, reduces the weighting given to the so-called ‘rurality adjustment’ and increases the weight given to deprivation in towns and cities.
Dr Helen Marchbank, chair of the alliance, said: ‘{{Helen Marchbank::We do not object to money following need. What we object to is a formula that pretends a 40-minute drive to a housebound patient costs the same as a five-minute walk.}}’
She warned of a ‘{{Helen Marchbank::perfect storm}}’ for practices that were already struggling to recruit, adding that two practices in her own area had handed back their contracts in the past 18 months.
~cap Dr Helen Marchbank: ‘a formula that pretends distance costs nothing’
## Recruitment pressures
The board’s consultation document states that the changes are intended to make allocations ‘more responsive to current population need’ and that transitional protection will limit any practice’s losses to 3% in the first year.
But the alliance says the protection will expire after two years, leaving the smallest practices exposed just as many of their partners approach retirement.
Dr Gareth Pennock, a partner in a four-doctor dispensing practice in the North Pennines, said the practice had already cut the opening hours of its branch surgery.
‘{{Gareth Pennock::If we lose another £40,000 the branch will close, and those patients will face a 25-mile round trip to see anyone,}}’ he said. ‘{{Gareth Pennock::Nobody who drew up this formula has ever tried to catch a bus out of our valley on a Sunday.}}’
~more Dispensing fee cut delayed until October
Professor Anil Deshpande, who chairs the funding board, defended the changes. He said the existing formula had ‘{{Anil Deshpande::drifted badly out of date}}’ and had not been revised in more than a decade.
‘{{Anil Deshpande::We have looked very carefully at the evidence on rural costs. The honest answer is that the old adjustment overcompensated some practices and undercompensated others, and we are trying to correct that fairly.}}’
A health department spokesperson said: ‘{{health department spokesperson::No practice will see a sudden drop in income. Transitional arrangements are in place and we will keep the impact under review.}}’
The consultation closes on 29 March 2019, and the board is expected to publish its final decision in May.
""",
    ),
    Story(
        file="gpweekly-002-locum-cap.txt",
        title="Locum fee cap ‘will push sessional GPs out of the profession’",
        byline_line="By Tom Adeyemi and Priya Raman", byline=["Tom Adeyemi", "Priya Raman"],
        date_lines=["Published 11 March 2019"], published="2019-03-11",
        body="""
Plans to cap the rates that practices can pay locum GPs at £80 an hour risk driving hundreds of sessional doctors out of general practice, leaders have warned.
The cap, proposed in a workforce paper published by the Primary Care Workforce Taskforce last week, would apply to every practice receiving money from the new recruitment and retention scheme.
The paper says the measure is needed to end “unsustainable bidding wars” between neighbouring practices, particularly in the run-up to winter.
Dr Nadia Fairclough, chair of the National Association of Sessional Doctors, said the proposal had been drawn up “{{Nadia Fairclough::without a single conversation with the people it affects}}”.
“{{Nadia Fairclough::Locums are not the cause of the workforce crisis – we are how practices survive it,}}” she said. “{{Nadia Fairclough::If you cap our rates at £80 an hour while indemnity, pension contributions and travel all come out of that figure, a lot of my members will simply stop doing sessions.}}”
A survey of 1,140 sessional GPs carried out by the association found that 41% would reduce the number of sessions they work if the cap were introduced, and 12% said they would leave general practice altogether.
## Practices divided
Practice partners are split on the plan. Dr Simon Achebe, a partner at a seven-doctor practice in Castlebridge, said his practice had paid up to £110 an hour to cover sessions last December.
“{{Simon Achebe::It is a market that has stopped working for anyone except the agencies,}}” Dr Achebe said. “{{Simon Achebe::I have sympathy with locums, but we cannot keep paying winter rates all year round.}}”
Others fear the cap will simply move the problem elsewhere. Dr Ruth Elgood, a GP in Marlow Vale, said: “{{Ruth Elgood::If the scheme practices cannot pay more than £80, the locums will work for the practices that are outside it. Those of us in the scheme will end up with empty rotas.}}”
The taskforce said it would publish an impact assessment before the summer and would keep the level of the cap under review.
A spokesman for the taskforce added: “{{taskforce spokesman::We want every practice to be able to afford the cover it needs. At the moment the practices with the deepest pockets win and the rest go without.}}”
The consultation on the workforce paper runs until 22 April.
""",
    ),
    Story(
        file="gpweekly-003-qa-front-door.txt",
        title="Q&A: ‘The phone line can no longer be the only front door’",
        byline_line="Interview by Kezia Holt", byline=["Kezia Holt"],
        date_lines=["Published 18 February 2019"], published="2019-02-18",
        body="""
> Marion Tessier has spent two years redesigning how patients reach her practice. She tells Kezia Holt what worked, what did not and what she would do differently
? Why did you decide to change the way patients contact the practice?
Because the 8am phone queue was making everybody miserable. We had 14,000 patients and six phone lines, and on a Monday morning we would take 400 calls before ten o’clock. Receptionists were being shouted at, patients were giving up, and the people with the most urgent problems were not necessarily the ones who got through. Something had to give.
? What did you actually change?
We introduced an online request form that is open all day, and every request, whether it comes in online, by phone or at the front desk, goes into the same list. A duty GP and two nurse practitioners triage that list in the morning. The phone line is still there – it has to be – but it is no longer the only way in.
? Has it reduced demand?
No, and I think anyone who tells you it will is selling something. Demand went up by about 15% in the first six months, partly because it became easier to ask. What changed was that we could see the whole of the demand at once and decide who needed to be seen today, who could wait and who could be helped by a pharmacist or a physiotherapist instead of a GP.
? What went wrong?
Plenty. We underestimated how many older patients would want to keep phoning, and for the first few weeks we had too few staff on the phones because we had moved them to the online list. We also learned that a form with 20 questions does not get finished. Ours now has six.
? How did the GPs feel about it?
Two of the partners were sceptical, and they were right to be. Triage takes clinical time, and if you do not protect that time it simply becomes another pressure. We now roster the duty doctor for triage only until 11am, and that has made the biggest difference to how the day feels.
? What would you tell a practice thinking about doing the same?
Start with your data, not with a product. Count your calls for a month, find out when they come in and what they are about, and design around that. And talk to your patient participation group early. Ours spotted problems with the form that none of us had noticed.
Marion Tessier is managing partner at Elmfield Road Surgery in Castlebridge and chairs the Northern Practice Managers’ Forum.
""",
    ),
    Story(
        file="gpweekly-005-dispensing-fees.txt",
        title="Dispensing fee cut delayed until October",
        date_lines=["Published 25 March 2019"], published="2019-03-25",
        body="""
A planned cut to the fees paid to dispensing practices has been postponed for six months following objections from rural GPs.
The reduction of 3p per item, which was due to take effect on 1 April, will now be introduced in October, the Dispensing Practices Forum confirmed on Friday.
Forum chair Dr Colin Brereton said the delay gave practices ‘{{Colin Brereton::breathing space}}’ but was ‘{{Colin Brereton::not a solution}}’.
He added: ‘{{Colin Brereton::Practices need to know what they will be paid more than a few weeks in advance. We will keep pressing for the cut to be dropped altogether.}}’
The forum said it would use the extra months to gather evidence on how the cut would affect practice finances, and urged members to complete its survey by the end of May.
Around 1,100 practices in England dispense medicines to patients who live more than a mile from a pharmacy, and many rely on dispensing income to keep branch surgeries open.
""",
    ),
    Story(
        file="gpweekly-007-pharmacy-pilot.txt",
        title="Pharmacists to review care home prescriptions in 12-month pilot",
        byline_line="Sarah Whitlock, Senior Reporter", byline=["Sarah Whitlock"],
        date_lines=["Published 7 March 2019"], published="2019-03-07", print_twice=True,
        body="""
Clinical pharmacists will carry out structured medication reviews for every care home resident in three areas of northern England under a 12-month pilot launched this week.
The scheme, funded by the Northern Health Innovation Network, will place 18 pharmacists in primary care networks covering around 2,400 care home beds in Tynebridge, Castlebridge and Low Fell.
Under the pilot, each pharmacist will:
* review every resident's medicines within three months of the start of the scheme
* attend the weekly care home ward round alongside the named GP
* report any medicine stopped or changed to the practice within 48 hours
* record falls, hospital admissions and prescribing costs for the evaluation
Dr Aisha Rahman, clinical director of the Tynebridge North primary care network, said the pilot would free GPs to concentrate on residents with the most complex needs.
'{{Aisha Rahman::Care home residents are on an average of nine medicines each, and many of them were started years ago for reasons nobody can now remember,}}' she said.
'{{Aisha Rahman::A pharmacist who has the time to go through every one of those, with the resident and their family, is going to find things that a GP with ten minutes simply cannot.}}'
~cap Dr Aisha Rahman: residents on 'an average of nine medicines'
Dr Rahman added that the network had already found residents taking duplicate painkillers and sedatives prescribed by different clinicians.
Care home managers have welcomed the scheme. Joanne Whitley, who manages a 60-bed home in Low Fell, said staff spent '{{Joanne Whitley::hours every week}}' chasing prescription changes.
'{{Joanne Whitley::If the pharmacist is part of the ward round, we get one answer instead of three,}}' she added.
However, Dr Peter Lindqvist, a GP in Castlebridge, cautioned that the pilot's budget of £1.2m would not be enough to make the model permanent.
'{{Peter Lindqvist::Everyone agrees this is good medicine. The question is who pays for it in year two,}}' he said.
The network said an independent evaluation by the University of Tynebridge would report in the spring of 2020.
""",
    ),
    Story(
        file="gpweekly-008-flu-uptake.txt",
        title="Flu vaccine uptake among over-65s falls for second year",
        byline_line="By Kezia Holt", byline=["Kezia Holt"],
        date_lines=["Published 28 February 2019"], published="2019-02-28",
        body="""
Flu vaccine uptake among people aged 65 and over fell for the second winter running, according to provisional figures, prompting calls for practices to be given more flexibility over how they run clinics.
The figures, published by the National Immunisation Monitoring Unit, show that 70.2% of over-65s had been vaccinated by the end of January, compared with 71.9% a year earlier and 72.6% two years ago.
Uptake among pregnant women and among people under 65 in clinical risk groups also fell, although by smaller margins.
The unit’s report describes the decline as ‘modest but persistent’ and notes that delays to vaccine deliveries in October may have contributed.
Dr Rhona Gallacher, immunisation lead at the Royal Society of Family Doctors, said the fall was ‘{{Rhona Gallacher::disappointing but not surprising}}’.
‘{{Rhona Gallacher::Practices were told in August that deliveries would be staggered, and many had to cancel Saturday clinics at short notice because the vaccine simply had not arrived,}}’ she said. ‘{{Rhona Gallacher::Every cancelled clinic is a group of patients who may not come back.}}’
~cap Flu vaccine: deliveries were staggered this winter
Dr Gallacher said practices should be allowed to vaccinate housebound patients during routine visits without separate paperwork, and called for the target for over-65s to be reviewed.
Sunil Varma, a practice manager in Ashworth, said his practice had sent text reminders to every eligible patient but still saw lower attendance than usual. ‘{{Sunil Varma::We had patients telling us they would wait for the pharmacy, and then not going to the pharmacy either,}}’ he said.
A spokeswoman for the monitoring unit said: ‘{{monitoring unit spokeswoman::Final figures will be published in May. We will be working with practices and pharmacies on plans for next winter.}}’
""",
    ),
]


def gpw_signin_wall() -> str:
    blocks = GPW_HEAD + [
        "Sign in to continue reading",
        "This content is available to registered users only. Registration is free and takes less than a minute.",
        "Email address",
        "Password",
        "Remember me",
        "Sign in",
        "Forgotten your password?",
        "Not registered yet? Register now",
        "Having trouble signing in? Contact our subscriptions team on 020 7946 0321",
    ] + gpw_just_published(None) + gpw_most_read() + GPW_FOOT
    return "\n\n".join(blocks) + "\n"


GPW_INDEX_ITEMS = [
    ("Empty waiting room", "Half of practices in parts of the north apply to close their lists",
     "More than half of practices in some northern areas have applied to close their lists to new patients over "
     "the past year, figures show", "26 March 2019"),
    ("Pill packets", "Dispensing fee cut delayed until October",
     "A planned cut to the fees paid to dispensing practices has been postponed for six months following "
     "objections from rural GPs", "25 March 2019"),
    ("Minister at a podium", "Minister promises ‘no more top-down reorganisations’ of primary care",
     "The health minister has pledged that primary care networks will be given at least five years to bed in "
     "before any further structural change", "21 March 2019"),
    ("Doctor on the phone", "Locum fee cap ‘will push sessional GPs out of the profession’",
     "Plans to cap the rates that practices can pay locum GPs at £80 an hour risk driving hundreds of sessional "
     "doctors out of general practice", "11 March 2019"),
    ("Pharmacist checking a prescription", "Pharmacists to review care home prescriptions in 12-month pilot",
     "Clinical pharmacists will carry out structured medication reviews for every care home resident in three "
     "areas of northern England", "7 March 2019"),
    ("Stethoscope on a desk", "Rural practices face £38m shortfall under revised funding formula",
     "Rural GP practices in England could lose a combined £38m a year under a revised funding formula due to "
     "take effect in April", "4 March 2019"),
    ("Syringes on a tray", "Flu vaccine uptake among over-65s falls for second year",
     "Flu vaccine uptake among people aged 65 and over fell for the second winter running, according to "
     "provisional figures", "28 February 2019"),
]


def gpw_section_index() -> str:
    blocks = GPW_HEAD + ["News", "The latest news for GPs and practice teams"]
    for alt, headline, standfirst, day in GPW_INDEX_ITEMS:
        blocks += [alt, headline, teaser_standfirst(standfirst, 100), day]
    blocks += ["Page 1 of 24", "Next page", "Get our daily news bulletin", "Sign up"] + gpw_most_read() + GPW_FOOT
    return "\n\n".join(blocks) + "\n"


# ================================================================ CIRCUIT LEDGER (one line per block)

CL_SITE = "Circuit Ledger"
CL_NAV = ["News", "Chips", "Cloud", "Security", "Startups", "Policy", "Podcasts"]
CL_MOST_POPULAR = [
    "Arden Semiconductor to Build $2.1 Billion Chip Plant in Ohio",
    "Ransomware Attack Forces Lakeshore Health to Divert Ambulances",
    "Why Your Next Laptop Will Cost More",
    "Stratus Cloud Raises Data-Transfer Fees, Angering Customers",
    "The Startups Betting Big on Battery Recycling",
]
CL_MORE = [
    ("Inside the Race to Build a Cheaper Lidar Sensor",
     "A handful of startups say they can bring the price of automotive lidar below $100, but carmakers remain "
     "skeptical"),
    ("Chip Stocks Slide as Memory Prices Keep Falling",
     "Shares of memory makers fell for a third straight session after a key industry price index dropped to its "
     "lowest level since 2016"),
    ("What a Federal Privacy Law Could Mean for Ad-Tech",
     "Lawmakers are circling a national privacy standard, and the advertising industry is lobbying hard to shape "
     "it"),
]


def cl_head(story: Story | None) -> list[str]:
    first = story.page_title if story and story.page_title else (story.title if story else "Page")
    lines = [f"{first} | {CL_SITE}", "Skip to main content", CL_SITE, "Technology news for the people who build it"]
    lines += [BULLET + item for item in CL_NAV]
    lines += ["Subscribe", "Sign In", "Search",
              'We use cookies and similar technologies to personalize content, measure ads and improve your '
              'experience. By clicking "Accept All" you agree to this.',
              "Accept All", "Manage Preferences"]
    return lines


def cl_tail(story: Story) -> list[str]:
    lines = ["Share this article", BULLET + "Facebook", BULLET + "Twitter", BULLET + "LinkedIn", BULLET + "Email",
             "Most Popular"]
    lines += [f"{BULLET}{headline}" for headline in CL_MOST_POPULAR if headline != story.title]
    lines.append("More From Circuit Ledger")
    for headline, standfirst in CL_MORE:
        lines += [headline, teaser_standfirst(standfirst, 80)]
    lines += ["Get the Daily Ledger in your inbox", "Enter your email", "Sign Up",
              "About Us", "Contact", "Advertise", "Privacy Notice", "Terms of Use",
              "© 2019 Circuit Ledger Media LLC. All rights reserved."]
    return lines


def cl_render(story: Story) -> str:
    lines = cl_head(story) + [story.kicker, story.title]
    body = story.lines()
    if body and body[0].startswith("> "):  # the standfirst sits under the headline, above the byline
        lines.append(plain(body[0][2:]))
        body = body[1:]
    if story.byline_line:
        lines.append(story.byline_line)
    lines += story.date_lines + ["Share", BULLET + "Facebook", BULLET + "Twitter"]
    for line in body:
        kind, text = kind_of(line)
        text = plain(text)
        if kind == "item":
            lines.append(BULLET + text)
        elif kind == "ad":
            lines.append("Advertisement")
        elif kind == "more":
            lines.append(f"Read more: {text}")
        elif kind == "caption":
            lines.append(text)
        else:
            lines.append(text)
    return "\n".join(lines + cl_tail(story)) + "\n"


CL_STORIES = [
    Story(
        file="circuitledger-001-foundry-expansion.txt",
        title="Arden Semiconductor to Build $2.1 Billion Chip Plant in Ohio", kicker="Chips",
        byline_line="By Marcus Liang", byline=["Marcus Liang"],
        date_lines=["March 4, 2019 6:30 a.m. ET"], published="2019-03-04", publisher=CL_SITE,
        body="""
> The 300-millimeter facility near Columbus would be the company's first new fab in a decade and is expected to employ 1,100 people
Arden Semiconductor Corp. said Monday it will spend $2.1 billion to build a chip fabrication plant outside Columbus, Ohio, the largest manufacturing investment in the state in more than a decade.
The plant, which Arden expects to begin production in 2021, will make analog and power-management chips for automotive and industrial customers. The company said the facility would employ about 1,100 people once it is fully operational.
"{{Laura Brennan::Our customers have been telling us for two years that they want a second source in North America,}}" said Laura Brennan, Arden's chief executive, in an interview. "{{Laura Brennan::This is us answering them.}}"
Ms. Brennan said the company had considered sites in Texas, Arizona and upstate New York before choosing Ohio, which offered a package of tax credits and infrastructure spending that state officials valued at $310 million.
~ad
## A Tight Market for Analog Chips
Demand for analog chips, which convert real-world signals such as temperature and voltage into digital data, has outstripped supply for much of the past 18 months as automakers pack more electronics into their vehicles.
Industry analysts said the timing made sense. "{{Victor Osei::Analog is a business where capacity, not design, is the bottleneck,}}" said Victor Osei, an analyst at Cobalt Ridge Securities. "{{Victor Osei::Whoever has the fabs in 2021 is going to set prices.}}"
Mr. Osei said he expected Arden's gross margins to dip in the two years before the plant opens as construction costs weigh on earnings, but called the investment "{{Victor Osei::a sensible bet}}" given the company's order backlog.
State development director Karen Hollis said the project would "{{Karen Hollis::anchor a supply chain that we have been trying to build for years.}}"
Arden's shares rose 4.2% in early trading Monday.
The company, which is based in San Jose, Calif., employs about 6,400 people worldwide and reported revenue of $3.8 billion last year. It currently operates fabs in Oregon and Malaysia.
A residents' petition, which had gathered 2,300 signatures by Friday, warns that the plant could draw "millions of gallons a day" from local aquifers and calls for an independent study.
Ms. Brennan said the plant would recycle most of its water. "{{Laura Brennan::We will be the most water-efficient fab we have ever built, and we will publish the numbers,}}" she said.
""",
    ),
    Story(
        file="circuitledger-002-hospital-ransomware.txt",
        title="Ransomware Attack Forces Lakeshore Health to Divert Ambulances", kicker="Security",
        byline_line="By Dana Whitfield", byline=["Dana Whitfield"],
        date_lines=["March 12, 2019 5:45 a.m. ET", "Updated March 13, 2019 2:10 p.m. ET"], published="2019-03-12",
        publisher=CL_SITE,
        body="""
> Emergency departments at three hospitals turned away ambulances for more than 30 hours as staff went back to paper records
A ransomware attack on Lakeshore Health, which runs five hospitals in Michigan and northern Indiana, forced three of its emergency departments to divert ambulances to other facilities for more than 30 hours over the weekend, the company said Tuesday.
The attack, which began early Saturday, encrypted servers running the hospital system's electronic health records, scheduling and pharmacy systems. Clinicians switched to paper charts and handwritten prescriptions while engineers restored systems from backups.
"{{Gloria Pettaway::Patient safety was never compromised,}}" said Gloria Pettaway, Lakeshore's chief operating officer. "{{Gloria Pettaway::Our teams practice for exactly this scenario, and they performed remarkably under very difficult conditions.}}"
Ms. Pettaway declined to say whether the company had paid a ransom or to name the group responsible. A Lakeshore spokeswoman said: "{{Lakeshore spokeswoman::We are working closely with law enforcement and will not be commenting on the details of the investigation.}}"
## Weeks of Recovery
Security researchers said the attack bore the hallmarks of a group that has targeted at least a dozen health-care providers since last fall, typically gaining access through stolen remote-desktop credentials.
Tomasz Wielgus, head of threat research at the security firm Brightline Labs, said hospital systems were attractive targets because they cannot tolerate downtime. "{{Tomasz Wielgus::If you are an attacker, a hospital is the customer most likely to pay quickly,}}" he said.
~ad
Mr. Wielgus said Lakeshore's decision to divert ambulances, while disruptive, suggested the hospital system was "{{Tomasz Wielgus::taking the cautious route}}" rather than trying to run critical services on partially restored systems.
A recent advisory from the federal cybersecurity agency described the group's tactics as a "sustained campaign against the health sector" and urged hospitals to require multifactor authentication for all remote access.
Inside the hospitals, staff described long shifts spent re-creating information that is normally a click away. Nurses wrote medication schedules on whiteboards, and runners carried lab results between departments on foot.
"{{Angela Brody::You realize very quickly how much of your day depends on a screen,}}" said Angela Brody, a charge nurse in the emergency department at Lakeshore's flagship hospital in Benton Ridge. "{{Angela Brody::We had people who had never worked on paper in their whole careers, and they were brilliant, but it is slower and everybody knows it.}}"
Ms. Brody said elective surgeries had been postponed on Monday so that staff could focus on patients already in the hospital. The company said 140 procedures had been rescheduled.
Hospitals have become frequent targets for ransomware because their systems are often a patchwork of older software that is difficult to update without interrupting care, according to security researchers. Many medical devices run operating systems that are no longer supported by their makers.
Mr. Wielgus said the industry had improved its defenses but that attackers had adapted. "{{Tomasz Wielgus::Two years ago the advice was to keep good backups. Now the groups steal the data first and threaten to publish it, so backups only solve half the problem,}}" he said.
Kevin Marsh, a paramedic supervisor with Whitlow County EMS, said crews had added between 15 and 25 minutes to some transport times. "{{Kevin Marsh::For a stroke or a cardiac arrest, that is time you do not get back,}}" he said.
Ms. Pettaway said she expected electronic records to be fully restored by the end of the week, though some scheduling systems could take longer, and that the company would offer free credit monitoring to any patient whose data had been accessed.
"{{Gloria Pettaway::We will be transparent with our patients about what we find,}}" she said.
Dana Whitfield covers cybersecurity and health technology for Circuit Ledger from Chicago.
""",
    ),
    Story(
        file="circuitledger-003-cloud-egress.txt",
        title="Stratus Cloud Raises Data-Transfer Fees, Angering Customers", kicker="Cloud",
        byline_line="By Marcus Liang and Ruth Okonkwo", byline=["Marcus Liang", "Ruth Okonkwo"],
        date_lines=["March 19, 2019 4:00 p.m. ET", "Updated March 20, 2019 11:25 a.m. ET"], published="2019-03-19",
        publisher=CL_SITE,
        body="""
Stratus Cloud Inc. will raise the fees it charges customers to move data out of its network by as much as 30% starting in May, a change that analysts say could add millions of dollars a year to the bills of its largest users.
The company disclosed the increase in an email to customers on Tuesday, saying the new pricing reflected "significant investment in network capacity."
Data-transfer fees, often called egress charges, are billed when customers move data from a cloud provider to the internet or to another provider. Critics have long argued that the fees make it expensive for companies to switch providers or to use more than one.
"{{Priya Natarajan::It's a tax on leaving,}}" said Priya Natarajan, chief technology officer of Fernleaf Analytics, a Denver company that stores about four petabytes of data on Stratus. "{{Priya Natarajan::We were already planning to move some workloads, and this makes that conversation a lot shorter.}}"
Stratus, the third-largest cloud provider by revenue, said most customers would see little change. Jonah Pike, the company's vice president of networking, said in an interview that fewer than 5% of accounts transfer enough data to be materially affected.
"{{Jonah Pike::For the overwhelming majority of customers, the bill doesn't move,}}" Mr. Pike said. "{{Jonah Pike::We've also raised the free tier, so small developers will actually pay less.}}"
~more Stratus Cloud Names New Finance Chief
## Rivals Hold Prices
Neither of Stratus's two larger rivals has announced a similar increase. Analysts said the move could give those companies an opening to win customers that are weighing a switch.
Helen Zhao, an analyst at the research firm Northgate Partners, said the price rise reflected pressure on Stratus to improve its margins after two years of heavy spending on new data centers. She said Mr. Pike's team had been "{{Helen Zhao::under a lot of pressure from the finance side}}" since the company's new chief financial officer arrived last summer.
"{{Helen Zhao::I don't think they'll lose big customers over this in the short term. The risk is that it becomes part of the story every rival tells in a sales pitch,}}" she added.
Stratus shares fell 1.8% on Wednesday.
""",
    ),
    Story(
        file="circuitledger-004-robotics-funding.txt",
        title="Warehouse Robotics Startup Pickwell Raises $48 Million", kicker="Startups",
        byline_line="By Ruth Okonkwo", byline=["Ruth Okonkwo"], publisher=CL_SITE,
        body="""
Pickwell Robotics, a Pittsburgh startup that makes robotic arms for sorting packages, has raised $48 million in a Series B funding round led by the venture firm Halcyon Partners.
The company said it would use the money to double its engineering staff and open an office in Memphis, Tenn., where several of its largest customers run distribution centers.
Pickwell's arms use cameras and machine-learning software to identify and pick up packages of different shapes and sizes from a moving conveyor, a task that has proved difficult to automate because of the variety of items involved.
"{{Samir Haddad::The hard part was never the arm. The hard part is the fiftieth weird-shaped box in a row,}}" said Samir Haddad, Pickwell's co-founder and chief executive.
Mr. Haddad, who spent eight years as a robotics researcher before founding the company in 2016, said Pickwell's systems were now installed at 31 sites and handled about 1.5 million packages a day.
~ad
Investors have poured money into warehouse automation as e-commerce companies struggle to hire enough workers during peak seasons. Funding for logistics robotics startups reached a record last year, according to data compiled by the research firm StackCount.
Elena Marquez, a partner at Halcyon who will join Pickwell's board, said the company's customers had reported fewer errors than with manual sorting. "{{Elena Marquez::What convinced us was talking to the people running night shifts,}}" she said. "{{Elena Marquez::They are not buying robots because robots are cool. They are buying them because they cannot staff the shift.}}"
Labor groups have warned that the technology could bring so-called "lights-out" warehouses, which run with almost no human staff, a step closer.
"{{Samir Haddad::We are a long way from that,}}" Mr. Haddad said. "{{Samir Haddad::Every site we work in has more people on the floor a year after we arrive, not fewer.}}"
""",
    ),
    Story(
        file="circuitledger-006-database-license.txt",
        title="Open-Source Database Maker Quillstore Switches to Restrictive License", kicker="Cloud",
        byline_line="By Dana Whitfield", byline=["Dana Whitfield"],
        date_lines=["April 9, 2019 7:15 a.m. ET"], published="2019-04-09", publisher=CL_SITE,
        body="""
Quillstore Inc., the company behind the popular open-source database of the same name, said it will move future versions of its software to a license that bars cloud providers from offering it as a paid service without a commercial agreement.
The change, announced in a blog post Monday, applies to releases from version 5.0 onward. Existing versions remain available under the Apache license, the company said.
Quillstore is the latest in a string of open-source companies to change their licensing in response to what they describe as "strip-mining" by large cloud providers, which sell hosted versions of open-source software without contributing to its development.
"{{Beatrix Lowell::We love that people use Quillstore everywhere. What we can't sustain is a situation where the biggest company selling it has never written a line of it,}}" said Beatrix Lowell, Quillstore's co-founder and chief executive.
Some developers reacted angrily. Within hours of the announcement, a group of contributors had started discussing a fork of the project that would stay under the original license.
Andrés Villalobos, who maintains one of the most widely used Quillstore client libraries, said he understood the company's reasoning but worried about the effect on volunteers. "{{Andrés Villalobos::People contributed under one set of rules, and the rules changed,}}" he said.
Ms. Lowell said the company had talked to several of its largest contributors before the announcement and would continue to accept outside contributions.
"{{Beatrix Lowell::If you run Quillstore on your own servers, nothing changes for you,}}" Ms. Lowell said in an interview on Tuesday. "{{Beatrix Lowell::This is about one very specific business model.}}"
Quillstore, based in Portland, Ore., raised $62 million last year and says its software has been downloaded more than 40 million times.
""",
    ),
]


# ================================================================ OPEN CLINICAL ARCHIVE (journal repository)

OCA_JOURNAL = "The Northern Journal of Primary Care"
OCA_HEAD = [
    "Skip to main content",
    "Open Clinical Archive",
    "A free full-text archive of the primary care literature",
    "Search tips\nSearch criteria",
    "Journal list | Help | About the archive",
    f"Logo of njpcThis Article{OCA_JOURNAL}",
]
OCA_RELATED = [
    "Nurse practitioners in out-of-hours care: a service evaluation",
    "Continuity of care and emergency admissions in older patients",
    "Workforce planning in general practice: a narrative review",
]


def oca_article_blocks(story: Story) -> list[str]:
    blocks = [f"{story.citation}\nArchiveID: {story.archive_id}", story.title]
    if story.byline_line:
        blocks.append(story.byline_line)
    for line in story.lines():
        kind, text = kind_of(line)
        blocks.append(BULLET + plain(text) if kind == "item" else plain(text))
    blocks.append(f"Articles from {OCA_JOURNAL} are provided here courtesy of Fellside Academic Press")
    return blocks


def oca_render(story: Story) -> str:
    blocks = OCA_HEAD + oca_article_blocks(story)
    blocks += ["Formats:\nArticle | PDF (188K) | Citation", "Share\nFacebook\nTwitter",
               "Related citations in the archive", "\n".join(BULLET + title for title in OCA_RELATED)]
    if story.print_twice:
        blocks += oca_article_blocks(story)
    blocks += ["Open Clinical Archive is a free digital archive of journal literature. "
               "Contact | Accessibility | Privacy"]
    return "\n\n".join(blocks) + "\n"


OCA_STORIES = [
    Story(
        file="clinarchive-001-out-of-hours.txt",
        title="Out-of-hours services struggle to fill rotas as GPs cut sessions",
        citation="N J Prim Care. 2019 March 4; 12(3): 45.", archive_id="OCA5531027",
        published="2019-03-04", publisher=OCA_JOURNAL,
        body="""
Out-of-hours providers in the north of England are failing to fill up to a quarter of their GP shifts, a survey presented at a primary care conference has found.
“{{Imogen Stroud::We are running a 24-hour service on goodwill and overtime,}}” Imogen Stroud, medical director of Pennine Urgent Care, told delegates at the Northern Primary Care Conference in Harrogate, “{{Imogen Stroud::and the goodwill is running out.}}”
The survey of 14 providers, carried out by the Urgent Care Providers Network, found that on average 18% of GP shifts went unfilled between October and December 2018, rising to 26% on weekend nights. Several providers reported covering gaps with advanced nurse practitioners and paramedics working under remote GP supervision.
Dr Stroud said that the pattern reflected a wider shift in how GPs were choosing to work. Many doctors who had previously worked regular out-of-hours sessions had reduced them to protect their daytime practice work, she said, while younger GPs were “{{Imogen Stroud::far less willing to do nights than my generation ever was.}}”
The network’s report recommends that commissioners “review rates of pay for unsocial hours” and describes current staffing levels as “precarious” in several areas.
Colin Ashdown, chief executive of the network, said that providers had been asked to cut costs in each of the past three contract rounds. “{{Colin Ashdown::You cannot keep taking money out of a service and expect it to be staffed,}}” he said. “{{Colin Ashdown::At some point the rota has holes in it, and those holes are patients.}}”
But Ruth Kavanagh, director of urgent care commissioning at Northmoor Clinical Commissioning Group, told the conference that the problem was not just money. Commissioners had increased rates in several areas without seeing an improvement, she said.
“{{Ruth Kavanagh::We need to make these shifts something people want to do, with proper support, proper breaks and a clinical team around them,}}” she said. “{{Ruth Kavanagh::That costs money too, but it is not the same as simply raising the hourly rate.}}”
The network plans to repeat the survey in the summer.
""",
    ),
    Story(
        file="clinarchive-002-antibiotic-letters.txt",
        title="Practices cut broad spectrum antibiotic prescribing by a fifth after feedback letters",
        citation="N J Prim Care. 2019 April 1; 12(4): 112.", archive_id="OCA5562210",
        byline_line="Nicola Threlfall", byline=["Nicola Threlfall"],
        published="2019-04-01", publisher=OCA_JOURNAL,
        body="""
General practices that received letters comparing their antibiotic prescribing with that of their neighbours cut their use of broad spectrum antibiotics by a fifth over the following year, a study in the north of England has found.
The researchers sent feedback letters to 212 practices in the Tynebridge and Wearside area whose prescribing of co-amoxiclav, cephalosporins and quinolones was in the top fifth for the region. A further 209 practices with similar prescribing received no letter and served as controls.
Over the following 12 months broad spectrum prescribing fell by 21% in practices that received letters, compared with 6% in the control practices. There was no increase in hospital admissions for infections in either group.
## Simple and cheap
The lead author, Fiona Calloway, a pharmacist and researcher at the University of Tynebridge, said that the intervention cost less than £3 per practice. “{{Fiona Calloway::It is a letter and a stamp,}}” she said. “{{Fiona Calloway::What makes it work is that the comparison is with practices that look like yours, not with some national average that GPs can dismiss.}}”
The letters were signed by the region’s chief medical officer and included a short summary of local resistance rates. Practices were not told that they were taking part in a study.
Some GPs have questioned the ethics of this approach. Martin Greaves, a GP in Sunderland and a member of the regional prescribing committee, said that he supported the aim of the study but was uneasy about “{{Martin Greaves::nudging doctors without telling them}}”.
“{{Martin Greaves::I would rather be asked. Most of us want to prescribe well; we just need the information,}}” he said.
Dr Calloway said that the study had been approved by a research ethics committee and that telling practices in advance would have undermined the comparison. The team now plans to test whether repeat letters sustain the effect into a second year.
""",
    ),
    Story(
        file="clinarchive-003-physician-associates.txt",
        title="Physician associates in general practice: regulation delay leaves roles unclear",
        citation="N J Prim Care. 2019 May 6; 12(5): 201.", archive_id="OCA5590384",
        byline_line="Owen Pritchard, freelance journalist, Leeds", byline=["Owen Pritchard"],
        published="2019-05-06", publisher=OCA_JOURNAL,
        body="""
More than 400 physician associates now work in general practice in the north of England, but the continuing delay to their statutory regulation means that many practices are unsure what they can safely ask them to do, a workforce review has found.
Physician associates are graduates who complete a two year postgraduate course and work under the supervision of a doctor. Unlike nurses and pharmacists, they cannot prescribe or request ionising radiation, because they are not yet regulated by a statutory body.
The review, commissioned by the Northern Primary Care Workforce Board, found wide variation in how practices used physician associates. Some used them mainly for same day minor illness appointments, while others had them running chronic disease clinics with little direct supervision.
The review calls the current position “unsustainable” and recommends that practices adopt a standard supervision agreement until regulation is in place.
Adebayo Oyelaran, a GP partner in Bradford who employs two physician associates, said that they had become “{{Adebayo Oyelaran::an essential part of the team}}” but that the lack of prescribing rights created extra work.
“{{Adebayo Oyelaran::Every prescription still has to come to a GP to sign, so you save some time on the consultation and lose some of it again at the end of the day,}}” he said.
Harriet Lomax, a physician associate who works in a practice in Hull, said that colleagues qualifying now faced a confusing picture. “{{Harriet Lomax::Some practices treat us as junior doctors and some treat us as healthcare assistants,}}” she said. “{{Harriet Lomax::Regulation would at least give everyone the same starting point.}}”
A spokesperson for the workforce board said: “{{workforce board spokesperson::We expect legislation to come forward, and in the meantime we are working with practices to make sure supervision arrangements are safe and clear.}}”
Owen Pritchard is a freelance health journalist based in Leeds.
""",
    ),
    Story(
        file="clinarchive-004-social-prescribing.txt",
        title="Social prescribing link workers report sharp rise in referrals for loneliness",
        citation="N J Prim Care. 2019 June 3; 12(6): 260.", archive_id="OCA5617745",
        published="2019-06-03", publisher=OCA_JOURNAL, print_twice=True,
        body="""
Social prescribing link workers in general practice are seeing a sharp increase in referrals for loneliness and social isolation, and many report that they lack community services to refer patients on to, a survey has found.
The survey of 286 link workers, conducted by the Community Health Connectors Network, found that loneliness was the most common reason for referral, cited by 71% of respondents, ahead of debt and housing problems (54%) and mild to moderate anxiety (49%).
Almost half of respondents said that at least one voluntary sector group they regularly referred patients to had closed or cut its services in the past year.
“{{Bethan Cole::We are very good at finding the people who need help. The difficulty is that the walking group, the lunch club and the befriending service we used to send them to are not there any more,}}” said Bethan Cole, a link worker in Wrexham and a member of the network’s steering group.
Link workers were introduced into general practice to connect patients with non-medical support, such as community groups, advice services and exercise schemes. Their numbers have grown rapidly over the past two years.
The network’s report warns of a “referral cliff” in areas where voluntary sector funding has been cut, and calls for a dedicated fund for community groups that accept referrals from general practice.
Professor Lindsay Farrow, who studies social prescribing at the University of Castlebridge, said the findings were consistent with her own research. “{{Lindsay Farrow::The model assumes that there is something at the end of the referral,}}” she said. “{{Lindsay Farrow::Where that is missing, you risk creating a very expensive signposting service.}}”
Professor Farrow added that social prescribing could still reduce demand on general practice, but that the evidence remained limited. “{{Lindsay Farrow::We need better data on what happens to patients six months after they are referred, not just on how many referrals are made,}}” she said.
""",
    ),
]


# ================================================================ HTML sites

@dataclass(frozen=True)
class HtmlSite:
    name: str  # as printed in the <title> suffix
    base: str  # canonical origin
    lang: str
    metadata: bool  # emits og:site_name / JSON-LD (its publisher is then stated)
    layout: str  # "gazette" | "post" | "ledger"


GAZETTE = HtmlSite("The Harbour Gazette", "https://www.harbourgazette.example", "en-GB", True, "gazette")
VALLEY = HtmlSite("Valley Post", "https://valleypost.example", "en-GB", False, "post")
LEDGER = HtmlSite(CL_SITE, "https://www.circuitledger.example", "en-US", True, "ledger")

ENTITY_STYLE = {"“": "&ldquo;", "”": "&rdquo;", "‘": "&lsquo;", "’": "&rsquo;", "£": "&pound;", "–": "&ndash;"}


@dataclass
class HtmlStory:
    story: Story
    site: HtmlSite
    slug: str
    section: str
    comments: list[tuple[str, str]] = field(default_factory=list)
    entities: bool = False  # write typographic characters as named entities
    wrap: bool = False  # hard-wrap long paragraphs in the source, as some CMSs do
    json_ld: bool = True
    visible_date: str = ""  # the dateline as printed
    syndicated_from: str | None = None


def article_fragment(hs: HtmlStory) -> str:
    """The story body as HTML (standfirst, paragraphs, crossheads, lists, figures, inline related links)."""
    out, in_list = [], False
    link_base = hs.site.base
    for line in hs.story.lines():
        kind, text = kind_of(line)
        inner = html_inline(text, link_base)
        if hs.entities:
            for char, entity in ENTITY_STYLE.items():
                inner = inner.replace(char, entity)
        if hs.wrap:
            inner = textwrap.fill(inner, 96, break_long_words=False, break_on_hyphens=False)
        if kind == "item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"  <li>{inner}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if kind == "standfirst":
            out.append(f'<p class="standfirst"><strong>{inner}</strong></p>')
        elif kind == "crosshead":
            out.append(f"<h2>{inner}</h2>")
        elif kind == "question":
            out.append(f"<p><strong>{inner}</strong></p>")
        elif kind == "caption":
            out.append(f'<figure class="inline-image">\n  <img src="/media/{hs.slug}-1.jpg" alt="{html.escape(plain(text))}"'
                       f' width="640" height="360">\n  <figcaption>{inner}</figcaption>\n</figure>')
        elif kind == "more":
            out.append(f'<aside class="read-more"><p>Read more: <a href="{link_base}/news/related">{inner}</a></p>'
                       "</aside>")
        elif kind == "ad":
            out.append('<div class="ad-slot" data-slot="mpu-1"><span class="ad-label">Advertisement</span></div>')
        else:
            out.append(f"<p>{inner}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def json_ld(hs: HtmlStory) -> str:
    story = hs.story
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": story.title,
        "datePublished": story.iso_published,
        "dateModified": story.iso_modified or story.iso_published,
        "author": [{"@type": "Person", "name": name} for name in story.byline],
        "publisher": {"@type": "Organization", "name": hs.site.name,
                      "logo": {"@type": "ImageObject", "url": f"{hs.site.base}/static/logo.png"}},
        "mainEntityOfPage": f"{hs.site.base}/{hs.section.lower()}/{hs.slug}",
    }
    data = {key: value for key, value in data.items() if value}
    return json.dumps(data, ensure_ascii=False, indent=2)


def html_head(hs: HtmlStory | None, *, title: str, site: HtmlSite, canonical: str, description: str) -> str:
    meta = [
        '<meta charset="utf-8">',
        f"<title>{html.escape(title)}</title>",
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta name="description" content="{html.escape(description)}">',
        f'<link rel="canonical" href="{canonical}">',
        f'<link rel="stylesheet" href="{site.base}/static/css/site.css">',
    ]
    if hs and site.metadata:
        story = hs.story
        meta += [
            f'<meta property="og:site_name" content="{html.escape(site.name)}">',
            '<meta property="og:type" content="article">',
            f'<meta property="og:title" content="{html.escape(title.rsplit(" | ", 1)[0])}">',
            f'<meta property="og:url" content="{canonical}">',
            f'<meta property="og:image" content="{site.base}/media/{hs.slug}-1.jpg">',
        ]
        if story.iso_published:
            meta.append(f'<meta property="article:published_time" content="{story.iso_published}">')
        if story.iso_modified:
            meta.append(f'<meta property="article:modified_time" content="{story.iso_modified}">')
        meta.append(f'<meta property="article:section" content="{hs.section}">')
        if hs.json_ld and story.iso_published:
            meta.append(f'<script type="application/ld+json">\n{json_ld(hs)}\n</script>')
    meta.append(f'<script async src="{site.base}/static/js/analytics.js"></script>')
    return "\n".join(meta)


GAZETTE_NAV = ["News", "Sport", "What's On", "Business", "Property", "Jobs", "Announcements"]
GAZETTE_MOST_READ = [
    "Skerra ferry to cut winter sailings as operator blames fuel costs",
    "Council tax to rise by 4.99 per cent as Kelmouth faces £3.2m gap",
    "Police appeal after van stolen from Chapel Street driveway",
    "Kelmouth Rovers seal promotion with late winner at Trevarno",
    "New owners for seafront hotel closed since 2016",
]
GAZETTE_JUST_IN = [
    ("Fishing fleet’s best month for mackerel in a decade",
     "Boats landing at Kelmouth brought in more mackerel last month than in any month since 2009, the harbour "
     "commissioners said"),
    ("Roadworks to close Fore Street for three weeks",
     "Drivers are being warned to expect delays when resurfacing work begins on one of the town’s busiest roads"),
]


def gazette_chrome_top(site: HtmlSite) -> str:
    nav = "".join(f'<li><a href="{site.base}/{re.sub(r"[^a-z]+", "-", item.lower())}">{html.escape(item)}</a></li>'
                  for item in GAZETTE_NAV)
    return f"""<div id="cookie-notice" class="cookie-banner" role="dialog">
  <p>We use cookies to personalise content and ads and to analyse our traffic. You can change your choices at
  any time.</p>
  <button class="accept">Accept all</button> <button class="settings">Cookie settings</button>
</div>
<header class="masthead">
  <a class="logo" href="{site.base}/"><img src="{site.base}/static/logo.svg" alt="{html.escape(site.name)}"></a>
  <p class="tagline">Kelmouth’s voice since 1851</p>
  <div class="account"><a href="{site.base}/account/sign-in">Sign in</a> | <a href="{site.base}/subscribe">Subscribe</a></div>
</header>
<nav class="primary-nav"><ul>{nav}</ul></nav>"""


def gazette_chrome_bottom(site: HtmlSite, exclude: str | None) -> str:
    most_read = "\n".join(f'    <li><a href="{site.base}/news/{i}">{html.escape(h)}</a></li>'
                          for i, h in enumerate(GAZETTE_MOST_READ, 1) if h != exclude)
    just_in = "\n".join(
        f'    <div class="teaser"><h4><a href="{site.base}/news/latest-{i}">{html.escape(h)}</a></h4>'
        f"<p>{html.escape(teaser_standfirst(s, 90))}</p></div>"
        for i, (h, s) in enumerate(GAZETTE_JUST_IN, 1))
    return f"""<aside class="sidebar">
  <section class="most-read"><h3>Most read</h3>
  <ol>
{most_read}
  </ol></section>
  <section class="just-in"><h3>Just in</h3>
{just_in}
  </section>
  <section class="newsletter"><h3>Get the Gazette in your inbox</h3><p>Sign up for our free daily newsletter.</p>
  <form><input type="email" placeholder="Your email address"><button>Sign up</button></form></section>
</aside>"""


def gazette_footer(site: HtmlSite) -> str:
    return f"""<footer class="site-footer">
  <ul><li><a href="{site.base}/contact">Contact us</a></li><li><a href="{site.base}/advertise">Advertise</a></li>
  <li><a href="{site.base}/privacy">Privacy notice</a></li><li><a href="{site.base}/terms">Terms</a></li></ul>
  <p>© 2019 Harbour Gazette Newspapers Ltd, 14 Quay Street, Kelmouth. All rights reserved.</p>
</footer>"""


def comments_section(comments: list[tuple[str, str]]) -> str:
    if not comments:
        return """<section class="comments" id="comments">
  <h3>Have your say</h3>
  <p>No comments yet. <a href="/account/sign-in">Sign in</a> to be the first to comment.</p>
</section>"""
    items = "\n".join(f'  <div class="comment"><p class="comment-author">{html.escape(who)}</p>'
                      f"<p>{html.escape(text)}</p></div>" for who, text in comments)
    return f"""<section class="comments" id="comments">
  <h3>Have your say</h3>
  <p class="comment-count">{len(comments)} comments</p>
{items}
  <p><a href="/account/sign-in">Sign in</a> or <a href="/account/register">register</a> to join the conversation.</p>
</section>"""


def byline_html(story: Story) -> str:
    return f'<div class="byline">{html.escape(story.byline_line)}</div>' if story.byline_line else ""


def render_gazette(hs: HtmlStory) -> str:
    story, site = hs.story, hs.site
    canonical = f"{site.base}/{hs.section.lower()}/{hs.slug}"
    title = f"{story.page_title} | {site.name}"
    description = plain(story.lines()[0].lstrip("> "))[:150]
    headline = html.escape(story.title)
    if hs.entities:
        for char, entity in ENTITY_STYLE.items():
            headline = headline.replace(char, entity)
    dates = " ".join(f"<span>{html.escape(d)}</span>" for d in story.date_lines)
    return f"""<!DOCTYPE html>
<html lang="{site.lang}">
<head>
{html_head(hs, title=title, site=site, canonical=canonical, description=description)}
</head>
<body class="article-page">
{gazette_chrome_top(site)}
<main class="content">
<article class="story">
  <div class="kicker"><a href="{site.base}/{hs.section.lower()}">{html.escape(hs.section)}</a></div>
  <h1>{headline}</h1>
  {byline_html(story)}
  <div class="dateline">{dates}</div>
  <div class="share-tools">Share this article <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">Email</a></div>
  <div class="story-body">
{article_fragment(hs)}
  </div>
  <div class="tags">Topics: <a href="{site.base}/topic/kelmouth">Kelmouth</a></div>
</article>
{comments_section(hs.comments)}
</main>
{gazette_chrome_bottom(site, story.title)}
{gazette_footer(site)}
</body>
</html>
"""


VALLEY_TRENDING = [
    "Fennbridge bakery wins national pie award for third time",
    "Bridge Street traffic lights to be replaced after months of faults",
    "Valley walkers raise £12,000 for hospice",
]


def render_valley(hs: HtmlStory) -> str:
    story, site = hs.story, hs.site
    canonical = f"{site.base}/{hs.slug}/"
    title = f"{story.page_title} | {site.name}"
    description = plain(story.lines()[0])[:150]
    trending = "\n".join(f'<li><a href="{site.base}/trending-{i}/">{html.escape(h)}</a></li>'
                         for i, h in enumerate(VALLEY_TRENDING, 1))
    who = f' by <span class="author">{html.escape(story.byline_line)}</span>' if story.byline_line else ""
    credit = (f'<div class="syndication">This article first appeared in {html.escape(hs.syndicated_from)} and is '
              "republished with permission.</div>") if hs.syndicated_from else ""
    return f"""<!doctype html>
<html lang="{site.lang}">
<head>
{html_head(None, title=title, site=site, canonical=canonical, description=description)}
</head>
<body class="post-template-default single">
<div class="cookie-consent">This website uses cookies to ensure you get the best experience. <a href="{site.base}/cookies/">Learn more</a> <a class="btn" href="#">Got it!</a></div>
<div class="top-bar">Your local news for the Fenn Valley | <a href="{site.base}/login/">Log in</a> | <a href="{site.base}/register/">Register</a></div>
<div id="masthead"><a href="{site.base}/"><img src="{site.base}/wp-content/logo.png" alt="{html.escape(site.name)}"></a></div>
<div class="menu"><a href="{site.base}/news/">News</a> <a href="{site.base}/sport/">Sport</a> <a href="{site.base}/community/">Community</a> <a href="{site.base}/events/">Events</a> <a href="{site.base}/contact/">Contact</a></div>
<div id="primary" class="content-area">
  <div class="entry-header">
    <h1 class="entry-title">{html.escape(story.title)}</h1>
    <div class="entry-meta">{html.escape(story.date_lines[0])}{who}</div>
  </div>
  <div class="entry-content">
{article_fragment(hs)}
{credit}
  </div>
  <div class="share-buttons">Share this: <a href="#">Facebook</a> <a href="#">Twitter</a> <a href="#">WhatsApp</a></div>
  <div id="comments" class="comments-area">
    <h3 class="comments-title">Have your say</h3>
    {"".join(f'<div class="comment-body"><div class="comment-author">{html.escape(w)} says:</div><div class="comment-text">{html.escape(t)}</div></div>' for w, t in hs.comments)}
    <div class="comment-respond"><h3>Leave a Reply</h3><p class="must-log-in">You must be <a href="{site.base}/login/">logged in</a> to post a comment.</p></div>
  </div>
</div>
<div id="secondary" class="widget-area">
  <div class="widget"><h3 class="widget-title">Trending</h3><ul>
{trending}
  </ul></div>
  <div class="widget"><h3 class="widget-title">Newsletter</h3><div>Get the week's valley news every Friday.</div></div>
</div>
<div class="site-info">All content © 2019. All rights reserved. | <a href="{site.base}/privacy/">Privacy</a> | <a href="{site.base}/terms/">Terms</a></div>
</body>
</html>
"""


def render_ledger(hs: HtmlStory) -> str:
    story, site = hs.story, hs.site
    canonical = f"{site.base}/{hs.section.lower()}/{hs.slug}"
    title = f"{story.page_title} | {site.name}"
    description = plain(story.lines()[0].lstrip("> "))[:150]
    nav = "\n".join(f'      <li><a href="{site.base}/{item.lower()}">{item}</a></li>' for item in CL_NAV)
    popular = "\n".join(f'      <li><a href="{site.base}/popular/{i}">{html.escape(h)}</a></li>'
                        for i, h in enumerate(CL_MOST_POPULAR, 1))
    more = "\n".join(f'      <div class="card"><h3><a href="{site.base}/more/{i}">{html.escape(h)}</a></h3>'
                     f"<p>{html.escape(teaser_standfirst(s, 80))}</p></div>" for i, (h, s) in enumerate(CL_MORE, 1))
    dates = "".join(f'<time datetime="{iso}">{html.escape(text)}</time> '
                    for iso, text in zip([story.iso_published, story.iso_modified], story.date_lines, strict=False))
    return f"""<!DOCTYPE html>
<html lang="{site.lang}">
<head>
{html_head(hs, title=title, site=site, canonical=canonical, description=description)}
</head>
<body>
<div id="consent-banner" class="consent">
  <p>We use cookies and similar technologies to personalize content, measure ads and improve your experience.
  By clicking "Accept All" you agree to this.</p>
  <button>Accept All</button><button>Manage Preferences</button>
</div>
<header class="global-header">
  <a class="brand" href="{site.base}/">{html.escape(site.name)}</a>
  <span class="slogan">Technology news for the people who build it</span>
  <nav aria-label="Sections">
    <ul>
{nav}
    </ul>
  </nav>
  <a class="subscribe" href="{site.base}/subscribe">Subscribe</a> <a href="{site.base}/signin">Sign In</a>
</header>
<main>
  <article>
    <header class="article-header">
      <div class="section-label">{html.escape(hs.section)}</div>
      <h1>{html.escape(story.title)}</h1>
      {byline_html(story)}
      <div class="timestamps">{dates}</div>
    </header>
    <div class="article-body">
{article_fragment(hs)}
    </div>
    <div class="paywall-note">Already a subscriber? <a href="{site.base}/signin">Sign In</a> to read every story.</div>
  </article>
{comments_section(hs.comments)}
  <aside class="rail">
    <h2>Most Popular</h2>
    <ol>
{popular}
    </ol>
    <h2>More From Circuit Ledger</h2>
{more}
  </aside>
</main>
<footer>
  <a href="{site.base}/about">About Us</a> <a href="{site.base}/contact">Contact</a> <a href="{site.base}/privacy">Privacy Notice</a>
  <p>© 2019 Circuit Ledger Media LLC. All rights reserved.</p>
</footer>
</body>
</html>
"""


RENDERERS = {"gazette": render_gazette, "post": render_valley, "ledger": render_ledger}

FERRY = Story(
    file="harbourgazette-001-ferry-timetable.html",
    title="Skerra ferry to cut winter sailings as operator blames fuel costs",
    page_title="Ferry winter timetable cut leaves islanders fearing isolation",
    byline_line="Megan Trevelyan, Transport Reporter", byline=["Megan Trevelyan"],
    date_lines=["Published 4 March 2019", "Updated 6 March 2019"], published="2019-03-04",
    iso_published="2019-03-04T07:30:00+00:00", iso_modified="2019-03-06T16:05:00+00:00",
    publisher=GAZETTE.name,
    body="""
> Islanders say the reduced timetable will leave them unable to reach hospital appointments on the mainland
The only ferry serving Skerra Island will run just two return sailings a day this winter, down from four, after its operator said rising fuel costs had made the current timetable unaffordable.
Skerra Link Ferries confirmed on Friday that the reduced timetable will run from 1 November to 28 February, with the first departure from Kelmouth moved from 7am to 9.30am.
The company’s managing director, Duncan Rowe, said the decision had not been taken lightly. “{{Duncan Rowe::Our fuel bill has gone up by more than 40 per cent in two years,}}” he said. “{{Duncan Rowe::We have absorbed as much of that as we can, but running half-empty sailings in January is not something we can keep doing.}}”
About 380 people live on Skerra all year round. Many travel to the mainland for work, school and medical appointments, and islanders say the later first sailing will make it impossible to reach <<Kelmouth General Hospital>> for morning clinics.
~cap The Skerra ferry leaving Kelmouth harbour. Picture: Gazette photographer
Agnes McPhail, who chairs the Skerra Community Council, said residents felt they had been “{{Agnes McPhail::left to fend for themselves}}”.
“{{Agnes McPhail::My neighbour has dialysis three times a week. Under this timetable she would have to stay overnight in Kelmouth every time,}}” she said. “{{Agnes McPhail::Nobody from the company or the council has asked how we are supposed to manage.}}”
~more Islanders launch campaign to save Skerra post office
The island’s councillor, Cllr Peter Quayle, said he had written to the company asking it to keep an early sailing on weekdays. He said: “{{Peter Quayle::I understand the pressure on costs, but a lifeline service has to be judged on whether it keeps the island alive, not on how full the boat is.}}”
## Subsidy talks
The route receives an annual subsidy of £410,000 from <<Kelmouth and District Council>>, which is due to be renegotiated next year.
A council spokeswoman said: “{{council spokeswoman::We are in discussion with Skerra Link about the winter timetable and will be meeting island representatives later this month. We recognise how important this service is to residents.}}”
Mr Rowe said the company would consider adding extra sailings on hospital clinic days if the council could help with the cost.
""",
)

# The syndicated copy: same story on Valley Post's chrome, new headline, one paragraph left out.
FERRY_DROPPED = "About 380 people live on Skerra all year round."
FERRY_SYNDICATED = replace(
    FERRY,
    file="valleypost-002-ferry-syndicated.html",
    title="Islanders fear being cut off as ferry operator slashes winter timetable",
    page_title="Skerra islanders fear being cut off",
    byline_line="Megan Trevelyan", date_lines=["Posted 2019-03-05 06:10"], published="2019-03-05",
    iso_published=None, iso_modified=None, publisher=None, duplicate_of=FERRY.file,
    body="\n".join(line for line in FERRY.body.splitlines() if not line.startswith(FERRY_DROPPED)),
)

HTML_STORIES = [
    HtmlStory(FERRY, GAZETTE, "skerra-ferry-winter-sailings-cut", "News", comments=[
        ("IslandLass", "This is a disgrace. The 7am boat is the only way my kids get to school on time."),
        ("Kelmouth_Ken", "Fuel costs are real though. Who do people think is going to pay for empty sailings?"),
    ]),
    HtmlStory(Story(
        file="harbourgazette-002-council-tax.html",
        title="Council tax to rise by 4.99 per cent as Kelmouth faces £3.2m gap",
        page_title="Kelmouth council tax rise approved: what it means for you",
        byline_line="By Alun Pascoe and Hana Kowalczyk", byline=["Alun Pascoe", "Hana Kowalczyk"],
        date_lines=["25/03/2019 08:15"], published="2019-03-25",
        iso_published="2019-03-25T08:15:00+00:00", publisher=GAZETTE.name,
        body="""
Households in Kelmouth and District will pay 4.99 per cent more in council tax from April after councillors approved the authority’s budget on Thursday night.
The increase, the maximum allowed without a local referendum, will add £78.40 a year to the bill for a typical Band D property, taking it to £1,649.70.
The council says it still faces a £3.2m gap between its spending and its income in the coming year, which it plans to close through a mix of savings, reserves and higher parking charges.
Council leader Cllr Sandra Bellamy told the meeting that the authority had “{{Sandra Bellamy::no good options left}}”.
“{{Sandra Bellamy::Nobody in this chamber wants to put up council tax. But the alternative is cutting services that people depend on, and we have already cut most of what can be cut,}}” she said.
The budget includes:
* a £450,000 reduction in the highways maintenance budget
* the winter closure of two public toilets on the seafront
* an increase in short-stay parking charges of 20p an hour
* £180,000 of additional funding for adult social care
Opposition councillors voted against the budget. Cllr Terry Vosper, leader of the Independent group, said the parking increase would “{{Terry Vosper::drive shoppers out of the town centre}}” at a time when several high street businesses had closed.
He said: “{{Terry Vosper::We are told this is about protecting services, but the people who will pay are the shop owners who are already hanging on by their fingernails.}}”
The budget was approved by 24 votes to 17, with two abstentions.
Residents will be able to check their new bills on the council’s website from next week.
""",
    ), GAZETTE, "council-tax-rise-approved", "Politics", json_ld=False, comments=[
        ("RateP4yer", "Another year, another rise. What exactly do we get for it?"),
    ]),
    HtmlStory(Story(
        file="harbourgazette-003-lifeboat-rescue.htm",
        title="Lifeboat crew rescue two kayakers swept out past Gull Point",
        page_title="Kayakers rescued off Gull Point",
        byline_line="By Morwenna Hale", byline=["Morwenna Hale"],
        date_lines=["Published 14 April 2019"], published="2019-04-14",
        iso_published="2019-04-14T18:40:00+01:00", publisher=GAZETTE.name,
        body="""
Two kayakers were rescued by Kelmouth lifeboat crew on Sunday afternoon after strong offshore winds swept them more than a mile out to sea beyond Gull Point.
The volunteer crew launched the inshore lifeboat at 2.47pm after a walker on the coast path saw the pair struggling and called the coastguard.
The kayakers, a man and a woman in their twenties from outside the area, were found clinging to one of their boats about 1.2 miles south-east of the point. Both were wearing buoyancy aids.
Helm Jory Penhallow said the conditions had changed quickly. “{{Jory Penhallow::It was a lovely morning, but by early afternoon there was a force five blowing straight off the land,}}” he said. “{{Jory Penhallow::That is the worst wind for kayakers, because the sea looks calm close to the shore and you don’t realise how fast you are being pushed out.}}”
~cap The inshore lifeboat returning to Kelmouth harbour on Sunday
The pair were brought back to Kelmouth harbour and checked by paramedics. Neither needed hospital treatment.
Coastguard officer Mike Trelawny, who coordinated the rescue, said the walker who raised the alarm, Sheila Dunstan, had done exactly the right thing.
“{{Mike Trelawny::Without that call we would have been searching for them in the dark,}}” he added.
Mrs Dunstan, 67, said she had been walking her dog when she saw the kayaks. “{{Sheila Dunstan::One of them was waving a paddle over his head, so I knew something was wrong,}}” she said.
It was the crew’s ninth launch of the year. The station will hold an open day on 4 May, when visitors can tour the boathouse and meet the volunteers.
""",
    ), GAZETTE, "kayakers-rescued-gull-point", "News", entities=True),
    HtmlStory(Story(
        file="harbourgazette-004-harbour-wall.html.gz",
        title="£6m repair of storm-damaged harbour wall to start in June",
        page_title="Harbour wall repairs: work to begin this summer",
        byline_line="By Alun Pascoe", byline=["Alun Pascoe"],
        date_lines=["2 April 2019"], published="2019-04-02",
        iso_published="2019-04-02T06:00:00+01:00", publisher=GAZETTE.name,
        body="""
Work to repair the section of Kelmouth’s harbour wall damaged in last winter’s storms will begin in June and is expected to take 18 months, the harbour authority has confirmed.
The £6m project will rebuild around 90 metres of the outer wall, which partially collapsed during Storm Fenella in December, and raise the height of the remaining structure by 60cm to protect against future storm surges.
Kelmouth Harbour Commissioners said the work would be paid for by a government coastal resilience grant of £4.5m, with the remainder coming from the authority’s reserves and a loan.
Harbour master Captain Rhian Gwilt said: “{{Rhian Gwilt::The wall has protected this harbour for 150 years, and what happened in December showed us it needs help to do the same for the next 150.}}”
~cap Waves breaking over the damaged outer wall during Storm Fenella
Fishing boats will continue to use the inner harbour during the works, but the outer berths will be closed and around 30 leisure craft will have to find other moorings.
Ben Tresize, who skippers the trawler Morning Star, said the closure of the outer berths would make life difficult but that fishermen supported the repairs. “{{Ben Tresize::We saw what the sea did to that wall. Nobody wants to go through another winter like that,}}” he said.
## Road closures
The contractor, Westmarch Civil Engineering, will bring materials in by sea where possible, but Quay Street will be closed to through traffic on weekdays between June and September.
Some traders on Quay Street have raised concerns about the effect on summer trade. Kitty Rowse, who runs the Quayside Café, said the closure would come at “{{Kitty Rowse::the worst possible time}}”.
“{{Kitty Rowse::We make most of our money between June and September. If people can’t park or walk past, they won’t come in,}}” she said.
Captain Gwilt said the commissioners would work with businesses to keep pedestrian access open. “{{Rhian Gwilt::We will do everything we can to keep the quay open for people on foot,}}” she said.
""",
    ), GAZETTE, "harbour-wall-repair-june", "News", comments=[
        ("Harbour Watcher", "About time too. They've known that wall was weak for years."),
        ("Quayside regular", "\"The worst possible time\" - there's never a good time for roadworks, is there?"),
        ("M. Pengelly", "Will the slipway stay open for the rowing club?"),
    ]),
    HtmlStory(Story(
        file="harbourgazette-005-school-merger.html",
        title="Parents launch petition against plan to merge village primary schools",
        page_title="School merger petition gathers 1,200 signatures",
        byline_line="Hana Kowalczyk, Education Reporter", byline=["Hana Kowalczyk"],
        publisher=GAZETTE.name,
        body="""
Parents in two villages near Kelmouth have launched a petition against plans to merge their primary schools, warning that young children could face a 20-minute bus journey each way.
Kelmouth and District Council has proposed combining St Petroc’s Primary School in Polwenna and Treloar Primary School, which are four miles apart, on the larger Treloar site from September 2020.
The council says falling pupil numbers have left both schools with empty places. St Petroc’s has 41 pupils in a building designed for 105.
The petition, which had gathered more than 1,200 signatures by Friday, says the merger would “rip the heart out of Polwenna” and calls on the council to consider a federation instead, with the two schools sharing a head teacher but keeping both sites open.
Lucy Carne, whose two children attend St Petroc’s, started the petition. “{{Lucy Carne::The school is the only public building left in the village. When the shop closed, the school became the place where everybody meets,}}” she said.
“{{Lucy Carne::If it goes, families with young children will stop moving here, and then the village really is finished.}}”
Cllr Martin Hocking, the council’s cabinet member for children’s services, said no decision had been made. “{{Martin Hocking::We will listen carefully to every response to the consultation,}}” he said. “{{Martin Hocking::But we also have a duty to make sure every child is taught in a school that is financially sustainable, and at the moment neither school is.}}”
The consultation closes at the end of April. A public meeting will be held at Polwenna village hall, and parents can also respond online.
""",
    ), GAZETTE, "school-merger-petition", "Education", json_ld=False),
    HtmlStory(Story(
        file="harbourgazette-007-pier-reopens.html",
        title="Kelmouth pier reopens after £1.4m restoration",
        page_title="Pier reopening: crowds return to Kelmouth seafront",
        byline_line="By Morwenna Hale", byline=["Morwenna Hale"],
        date_lines=["Saturday 25 May 2019"], published="2019-05-25",
        iso_published="2019-05-25T12:30:00+01:00", publisher=GAZETTE.name,
        body="""
Kelmouth’s Victorian pier reopened to the public on Saturday morning after an 18-month restoration that replaced almost a third of its decking and repaired its cast-iron supports.
Hundreds of people queued along the seafront before the gates opened at 10am, and the first visitors were greeted by a brass band from <<Kelmouth Community College>>.
The pier was closed in November 2017 after engineers found corrosion in several of the columns supporting its seaward end. The restoration was funded by a £900,000 heritage grant and £500,000 raised by the <<Kelmouth Pier Trust>>.
Trust chairman Graham Tonkin said: “{{Graham Tonkin::There were people in this town who thought the pier would never open again. Today is for everyone who put a pound in a bucket.}}”
Eileen Rowe, 84, said she had walked on the pier every week as a child. “{{Eileen Rowe::I cried when they closed it. I wasn’t going to miss today for anything,}}” she said.
Mr Tonkin said volunteers had given more than 6,000 hours to the project, from running raffles to repainting the railings, and that the trust would now turn its attention to a fund for the pier’s long-term upkeep.
Seafront traders said they expected the reopening to bring more visitors into the town this summer.
The pier will be open daily from 9am until dusk. Entry is free, although the trust is asking visitors for a suggested donation of £1.
The trust plans to reopen the pier’s café later in the summer and hopes eventually to restore the pavilion at its seaward end, which has been empty since the 1980s.
""",
    ), GAZETTE, "pier-reopens-restoration", "News", json_ld=False, wrap=True),
    HtmlStory(Story(
        file="valleypost-001-market-hall.html",
        title="Market hall traders given three months to leave before refurbishment",
        page_title="Market hall refurbishment: traders told to go",
        byline_line="Colin Fairweather", byline=["Colin Fairweather"],
        date_lines=["Posted 2019-03-15 09:40"], published="2019-03-15",
        body="""
Traders at Fennbridge market hall have been told they must leave by the end of June so that the building can be refurbished, with no guarantee that they will be offered stalls when it reopens.
The town council announced last month that the 1890s hall would close for a £2.3m refurbishment, including a new roof, a food court and space for events.
Letters sent to the hall's 27 stallholders this week give them until 30 June to remove their stock and fittings. The council says the refurbished hall will reopen in spring 2020.
Jim Harrowby, who has run a cheese stall in the hall for 31 years, said he had no idea where he would go. '{{Jim Harrowby::I've got customers who have been coming to me since before their children were born,}}' he said. '{{Jim Harrowby::You can't just pick that up and move it to a car park.}}'
Stallholders say they were promised first refusal on the new units at a meeting with council officers last autumn, but the letters say only that existing traders will be 'invited to apply'.
Sue Pratley, who sells children's clothes and chairs the market traders' association, said: '{{Sue Pratley::We were told we would be looked after. Now we are told we can apply like anyone else, at rents nobody has told us.}}'
Council leader Cllr Anthony Gale said the authority was '{{Anthony Gale::committed to a thriving market}}' and would set rents that local traders could afford.
'{{Anthony Gale::The whole point of this project is to bring more people into the hall, and that will benefit the traders who are there when it reopens,}}' he said.
He said temporary stalls would be set up in the Corn Exchange car park on Saturdays while the work was carried out.
""",
    ), VALLEY, "market-hall-traders-told-to-leave", "News", comments=[
        ("Brenda W", "Jim's cheese stall is the only reason I go into town on a Saturday."),
    ]),
    HtmlStory(FERRY_SYNDICATED, VALLEY, "skerra-islanders-ferry-cut", "News",
              syndicated_from=GAZETTE.name),
    HtmlStory(Story(
        file="valleypost-003-bypass-inquiry.html",
        title="Public inquiry into Fennbridge bypass to open in September",
        page_title="Bypass inquiry date set",
        date_lines=["Posted 2019-03-20 14:05"], published="2019-03-20",
        body="""
A public inquiry into plans for a £62m bypass around Fennbridge will open on 10 September, government planning inspectors have confirmed.
The 4.5-mile road would link the Fenn Valley trunk road with the industrial estate at Cold Harbour Lane, taking an estimated 14,000 vehicles a day out of the town centre.
Supporters say the bypass would cut congestion and air pollution on Bridge Street, where nitrogen dioxide levels have exceeded the legal limit in each of the past four years.
Opponents, led by the campaign group Save Fenn Meadows, say the route would cut through ancient woodland and a flood meadow that is home to rare ground-nesting birds.
Campaign co-ordinator Dr Isobel Wren said: '{{Isobel Wren::This is not a choice between the bypass and clean air. There are cheaper options, including a lorry ban and better buses, that have never been properly tested.}}'
She said the group had raised £18,000 to pay for legal representation at the inquiry.
~more Bridge Street pollution: the figures in full
Fennshire County Council, which is promoting the scheme, said the route had been chosen to minimise environmental harm. Its cabinet member for highways, Cllr Roger Denholm, said the town had waited '{{Roger Denholm::far too long}}' for relief.
'{{Roger Denholm::Every week I hear from residents on Bridge Street who cannot open their windows because of the fumes,}}' Cllr Denholm said. '{{Roger Denholm::The inquiry is the right place to test the arguments, and we are confident in our case.}}'
The inquiry is expected to last six weeks. The inspector's recommendation will go to the transport secretary, who will make the final decision.
""",
    ), VALLEY, "fennbridge-bypass-inquiry-september", "News"),
    HtmlStory(Story(
        file="circuitledger-005-export-rules.html",
        title="U.S. Tightens Export Rules on Advanced Chipmaking Tools",
        page_title="New Export Rules Hit Chip-Tool Makers",
        byline_line="By Marcus Liang", byline=["Marcus Liang"],
        date_lines=["April 2, 2019 2:20 p.m. ET", "Updated April 3, 2019 9:05 a.m. ET"], published="2019-04-02",
        iso_published="2019-04-02T14:20:00-04:00", iso_modified="2019-04-03T09:05:00-04:00", publisher=CL_SITE,
        body="""
> Toolmakers say the rules, which take effect in 60 days, could cost them hundreds of millions of dollars in annual sales
The U.S. government on Tuesday tightened export controls on equipment used to make advanced semiconductors, requiring companies to obtain licenses before shipping certain lithography and etching tools to a list of foreign buyers.
The rules, which take effect in 60 days, cover tools capable of producing chips at the 14-nanometer node or below, according to a notice published Tuesday.
Equipment makers said they had been given little warning. "{{Owen Castellano::We learned the details at the same time as everybody else, from the notice,}}" said Owen Castellano, general counsel of Vireo Instruments, a maker of etching equipment based in Austin, Texas.
Mr. Castellano estimated that the rules could affect as much as $400 million of Vireo's annual sales. He said the company would apply for licenses but expected "{{Owen Castellano::months of uncertainty}}" for customers.
~ad
## Industry Group Seeks Delay
The Semiconductor Equipment Council, a trade group, said it would ask for the effective date to be pushed back by six months.
Its president, Margaret Ayodele, said in a phone interview that members supported "{{Margaret Ayodele::sensible controls}}" but that the rules had been drafted too broadly.
"{{Margaret Ayodele::Some of the tools on this list have been sold around the world for a decade. Controlling them now doesn't slow anyone down; it just hands the business to competitors in Europe and Japan,}}" she said.
An administration official, who spoke on condition of anonymity because the details had not been formally announced, said: "{{administration official::These tools are the chokepoint. If we don't control the chokepoint, we don't control anything.}}"
The notice lists three categories of equipment:
* extreme ultraviolet and advanced deep ultraviolet lithography systems
* atomic layer etching tools
* software used to model chipmaking processes below 14 nanometers
~more Chip Stocks Slide as Memory Prices Keep Falling
Shares of Vireo fell 6% in after-hours trading.
""",
    ), LEDGER, "export-rules-chip-tools", "Policy", comments=[
        ("semi_watcher", "\"Chokepoint\" is doing a lot of work in that quote."),
    ]),
]


def render_not_found() -> str:
    site = GAZETTE
    popular = "\n".join(f'    <li><a href="{site.base}/news/{i}">{html.escape(h)}</a></li>'
                        for i, h in enumerate(GAZETTE_MOST_READ, 1))
    return f"""<!DOCTYPE html>
<html lang="{site.lang}">
<head>
{html_head(None, title=f"Page not found | {site.name}", site=site, canonical=f"{site.base}/404",
           description="The page you were looking for could not be found.")}
</head>
<body class="error-page">
{gazette_chrome_top(site)}
<main class="content">
  <h1>Page not found</h1>
  <p>Sorry, we couldn’t find the page you were looking for. It may have been moved or deleted.</p>
  <p>Try searching the site, or go back to the <a href="{site.base}/">home page</a>.</p>
  <form class="search" action="{site.base}/search"><input name="q" placeholder="Search the Gazette"><button>Search</button></form>
  <section class="popular"><h2>Popular stories</h2>
  <ul>
{popular}
  </ul></section>
</main>
{gazette_footer(site)}
</body>
</html>
"""


# ================================================================ build


def text_bytes(name: str, text: str) -> bytes:
    if name == "gpweekly-002-locum-cap.txt":  # saved by a Windows tool: cp1252, typographic quotes
        return text.encode("cp1252")
    if name == "clinarchive-002-antibiotic-letters.txt":  # UTF-8 with BOM and CRLF line ends
        return text.replace("\n", "\r\n").encode("utf-8-sig")
    return text.encode("utf-8")


def build() -> dict[str, tuple[bytes, dict]]:
    files: dict[str, tuple[bytes, dict]] = {}
    for story in GPW_STORIES:
        files[story.file] = (text_bytes(story.file, gpw_render(story)), gold_record(story, html_page=False))
    for name, page in (("gpweekly-004-signin-wall.txt", gpw_signin_wall()),
                       ("gpweekly-006-news-index.txt", gpw_section_index())):
        files[name] = (page.encode("utf-8"), not_article(name))
    for story in CL_STORIES:
        files[story.file] = (text_bytes(story.file, cl_render(story)), gold_record(story, html_page=False))
    original = "circuitledger-002-hospital-ransomware.txt"
    copy = "circuitledger-902-hospital-ransomware-copy.txt"  # a byte-identical mirror of the same page
    files[copy] = (files[original][0], {**files[original][1], "file": copy, "duplicate_of": original})
    for story in OCA_STORIES:
        files[story.file] = (text_bytes(story.file, oca_render(story)), gold_record(story, html_page=False))
    for hs in HTML_STORIES:
        page = RENDERERS[hs.site.layout](hs).encode("utf-8")
        if hs.story.file.endswith(".gz"):
            page = gzip.compress(page, mtime=0)
        files[hs.story.file] = (page, gold_record(hs.story, html_page=True))
    files["harbourgazette-006-page-not-found.html"] = (render_not_found().encode(),
                                                       not_article("harbourgazette-006-page-not-found.html"))
    junk = b"\x89PNG\r\n\x1a\n" + random.Random(7).randbytes(1024)
    files["misc-binary-junk.txt"] = (junk, not_article("misc-binary-junk.txt"))
    files["misc-empty.txt"] = (b"", not_article("misc-empty.txt"))
    files["misc-whitespace.txt"] = (b"  \n\n\t\n   \r\n\n", not_article("misc-whitespace.txt"))
    return dict(sorted(files.items()))


def main() -> None:
    files = build()
    if INBOX.exists():
        shutil.rmtree(INBOX)
    INBOX.mkdir(parents=True)
    for name, (data, _) in files.items():
        (INBOX / name).write_bytes(data)
    GOLD.write_text("".join(json.dumps(record, ensure_ascii=False) + "\n" for _, record in files.values()),
                    encoding="utf-8")
    print(f"wrote {len(files)} files to {INBOX} and {GOLD}")


if __name__ == "__main__":
    main()
