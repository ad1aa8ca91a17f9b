"""The professionals' call sheet: for one municipality, the emergency numbers and, by
situation of the "Who do I call?" guide, the services to call, on one A4 page (as a
printable web page and as a PDF).

The sheet is written in Norwegian bokmål, like the services' own data. The situations
are the live child pages of the guide the home page's "I work with children or
families" entry point leads to, so editors shape the sheet by editing the guide.
"""

import datetime as dt
from dataclasses import dataclass, field

from anyascii import anyascii
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.models import Locale

from directory.areas import COUNTY, NATIONAL, VESTLAND_MUNICIPALITIES
from portal import pdf

# The national numbers: the only real numbers the portal ships with.
EMERGENCY_NUMBERS = [
    ("112", "Politi"),
    ("113", "Ambulanse"),
    ("110", "Brann"),
    ("116 111", "Alarmtelefonen for barn og unge"),
    ("116 117", "Legevakt"),
    ("116 123", "Mental Helse Hjelpetelefonen"),
]
EMERGENCY_DIGITS = {number.replace(" ", "") for number, _label in EMERGENCY_NUMBERS}
SERVICES_PER_SITUATION = 4
WEEKDAYS = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"]
DAY_NAMES = ["man", "tir", "ons", "tor", "fre", "lør", "søn"]
EXAMPLE_NOTICE = (
    "* Eksempeldata: tjenestene merket * og numrene 00 00 00 xx er laget for å "
    "teste portalen. Bare nødnumrene er ekte."
)


@dataclass
class Entry:
    title: str
    url: str
    phones: list  # (shown, tel: link)
    hours: str
    round_the_clock: bool
    verified: dt.date
    is_example_data: bool

    @property
    def verified_text(self):
        return self.verified.strftime("%d.%m.%Y")


@dataclass
class Situation:
    title: str
    url: str
    entries: list = field(default_factory=list)


@dataclass
class CallSheet:
    municipality: str
    situations: list
    printed: dt.date
    emergency_numbers: list = field(default_factory=lambda: list(EMERGENCY_NUMBERS))

    @property
    def has_example_data(self):
        return any(e.is_example_data for s in self.situations for e in s.entries)

    @property
    def title(self):
        return f"Hvem ringer jeg? Ringeliste for {self.municipality}"

    @property
    def printed_text(self):
        with translation.override("nb"):
            return date_format(self.printed, "j. F Y")


def find_municipality(name):
    """The municipality's proper name for a name in any letter case, or spelt
    without Norwegian letters (`askoy`, `ardal`); else None."""
    wanted = (name or "").strip().casefold()
    return next(
        (
            m
            for m in VESTLAND_MUNICIPALITIES
            if wanted in (m.casefold(), anyascii(m).casefold())
        ),
        None,
    )


def professional_guide(site):
    """The Norwegian "Who do I call?" guide the site's home page points to, or None."""
    from portal.models import GuidancePage

    root = site.root_page.specific if site else None
    target = getattr(root, "professional_page", None)
    if target is None:
        return None
    target = target.get_translation_or_none(Locale.get_default()) or target
    target = target.specific
    return target if isinstance(target, GuidancePage) and target.live else None


def situation_pages(guide):
    """The guide's situations in page order; the guide itself when it has none."""
    from portal.models import GuidancePage

    children = [
        page
        for page in guide.get_children().live().type(GuidancePage).specific()
        if page.related_categories.exists()
    ]
    return children or [guide]


def day_span(byday):
    """`MO,TU,WE,TH,FR` as `man–fre`, `MO,WE` as `man, ons`; None when monthly."""
    codes = [code for code in byday.split(",") if code]
    if not codes or any(code not in WEEKDAYS for code in codes):
        return None
    days = sorted(WEEKDAYS.index(code) for code in codes)
    runs, start = [], days[0]
    for previous, day in zip(days, [*days[1:], None], strict=True):
        if day != previous + 1:
            runs.append((start, previous))
            start = day
    parts = []
    for first, last in runs:
        if last - first >= 2:
            parts.append(f"{DAY_NAMES[first]}–{DAY_NAMES[last]}")
        else:
            parts.extend(DAY_NAMES[day] for day in range(first, last + 1))
    return ", ".join(parts)


def hours_text(service):
    if service.is_round_the_clock:
        return "Døgnåpen"
    parts = []
    for schedule in service.schedules.all():
        days = day_span(schedule.byday) if schedule.freq == "WEEKLY" else None
        if days and schedule.interval == 1:
            parts.append(f"{days} {schedule.opens_at:%H.%M}–{schedule.closes_at:%H.%M}")
        elif schedule.description:
            parts.append(schedule.description.rstrip("."))
    return "; ".join(parts) or "Se nettsiden"


def entries_for(page, municipality):
    """The services to call for one situation: those with a phone that the
    emergency list does not already give, the municipality's own first."""

    def reach(service):
        names = {area.name for area in service.service_areas.all()}
        if municipality in names:
            return 0
        return 1 if COUNTY in names else 2 if NATIONAL in names else 3

    candidates = [
        service
        for service in page.related_services(municipality=municipality, limit=100)
        if any(p.number not in EMERGENCY_DIGITS for p in service.phones.all())
    ]
    candidates.sort(key=lambda service: (reach(service), service.title))
    return [
        Entry(
            title=service.title,
            url=service.url,
            phones=[
                (p.display, p.href)
                for p in service.phones.all()
                if p.number not in EMERGENCY_DIGITS
            ],
            hours=hours_text(service),
            round_the_clock=service.is_round_the_clock,
            verified=service.assured_date,
            is_example_data=service.is_example_data,
        )
        for service in candidates[:SERVICES_PER_SITUATION]
    ]


def build(site, municipality, today=None):
    """The call sheet for a municipality of Vestland (its proper name)."""
    with translation.override("nb"):
        guide = professional_guide(site)
        situations = [
            Situation(page.title, page.url, entries_for(page, municipality))
            for page in (situation_pages(guide) if guide else [])
        ]
    return CallSheet(
        municipality=municipality,
        situations=situations,
        printed=today or timezone.localdate(),
    )


# --- The PDF ------------------------------------------------------------------

MARGIN = 36
INK = (0.106, 0.106, 0.122)
MUTED = (0.29, 0.29, 0.333)
DANGER = (0.643, 0.0, 0.114)
DANGER_TINT = (0.992, 0.945, 0.945)
EXAMPLE_TINT = (1.0, 0.957, 0.839)
RULE = (0.8, 0.8, 0.8)
# Columns of a service row, as shares of the text width.
COLUMNS = (0.40, 0.17, 0.27, 0.16)


def _draw(sheet, page, size, per_situation, sheet_url):
    """Draw the sheet at a body text size; return the lowest y used."""
    width = page.size[0] - 2 * MARGIN
    leading = size * 1.3
    y = page.size[1] - MARGIN

    def line(text, font="regular", scale=1.0, rgb=INK, x=MARGIN):
        nonlocal y
        y -= leading * scale
        page.text(x, y, text, size * scale, font, rgb)

    line(sheet.title, "bold", 1.7)
    y -= size * 0.2
    for text in pdf.wrap(
        f"Hjelp i Vestland · skrevet ut {sheet.printed_text} · nyeste utgave: "
        f"{sheet_url}",
        size * 0.9,
        width,
    ):
        line(text, scale=0.9, rgb=MUTED)

    if sheet.has_example_data:
        notice = pdf.wrap(EXAMPLE_NOTICE, size, width - 12, "bold")
        height = leading * len(notice) + size
        page.box(MARGIN, y - height - 4, width, height, EXAMPLE_TINT)
        y -= 4 + size * 0.3
        for text in notice:
            line(text, "bold", x=MARGIN + 6)
        y -= size * 0.7

    # Emergency numbers: three to a row, in a tinted box.
    rows = [sheet.emergency_numbers[i : i + 3] for i in range(0, 6, 3)]
    box_height = leading * 1.25 * (len(rows) + 1) + size * 0.6
    y -= 6
    page.box(MARGIN, y - box_height, width, box_height, DANGER_TINT)
    line("Nødnumre – ring straks ved fare", "bold", 1.1, DANGER, MARGIN + 6)
    for row in rows:
        y -= leading * 1.25
        for column, (number, label) in enumerate(row):
            x = MARGIN + 6 + column * width / 3
            page.text(x, y, number, size * 1.25, "bold", DANGER)
            number_width = pdf.text_width(number, size * 1.25, "bold")
            page.text(x + number_width + 4, y, label, size, rgb=INK)
    y -= size * 0.9

    x_columns = [MARGIN]
    for share in COLUMNS[:-1]:
        x_columns.append(x_columns[-1] + share * width)
    for situation in sheet.situations:
        y -= size * 0.6
        line(situation.title, "bold", 1.15)
        if not situation.entries:
            line(
                "Ingen tjeneste med eget nummer er registrert for kommunen. "
                "Ring 112 ved fare.",
                rgb=MUTED,
            )
            continue
        for entry in situation.entries[:per_situation]:
            title = ("* " if entry.is_example_data else "") + entry.title
            cells = [
                (pdf.wrap(title, size, COLUMNS[0] * width - 6), "regular"),
                ([display for display, _href in entry.phones], "bold"),
                (pdf.wrap(entry.hours, size, COLUMNS[2] * width - 6), "regular"),
                ([f"kontrollert {entry.verified_text}"], "regular"),
            ]
            top = y
            for x, (lines, font) in zip(x_columns, cells, strict=True):
                y = top
                for text in lines:
                    line(text, font, x=x, rgb=MUTED if x == x_columns[3] else INK)
            y = top - leading * max(len(lines) for lines, _font in cells)
            page.line(
                MARGIN, y - size * 0.35, MARGIN + width, y - size * 0.35, 0.3, RULE
            )
            y -= size * 0.35
    y -= size * 0.5
    for text in pdf.wrap(
        "Listen viser tjenester som dekker kommunen, kommunens egne først. Er du i "
        "tvil om et barn er utsatt for vold: kontakt barnevernet samme dag. "
        "Den nyeste utgaven ligger på nettsiden.",
        size * 0.9,
        width,
    ):
        line(text, scale=0.9, rgb=MUTED)
    return y


def render_pdf(sheet, sheet_url):
    """The sheet as a one-page A4 PDF: the largest text size that fits, and fewer
    services per situation only if even the smallest size does not."""
    for per_situation in range(SERVICES_PER_SITUATION, 0, -1):
        for size in (9.5, 9, 8.5, 8, 7.5, 7):
            page = pdf.Page()
            if _draw(sheet, page, size, per_situation, sheet_url) >= MARGIN:
                return pdf.document([page], title=sheet.title)
    return pdf.document([page], title=sheet.title)
