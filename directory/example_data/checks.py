"""Consistency checks on the example data, run by build.py before it writes."""

REAL_NUMBERS = {"112", "113", "110", "116 111", "116 117", "116 123"}
PLACEHOLDER_PREFIX = "+47 00 00 00 "
STATUSES = {"active", "inactive", "temporarily closed"}
DAYS = ("MO", "TU", "WE", "TH", "FR", "SA", "SU")
PLURAL = {"category": "categories", "audience": "audiences", "feature": "features"}

# feature code -> test on the compact service data; the feature is set exactly when true
FEATURE_RULES = {
    "free-of-charge": lambda s: s["fees"].startswith("Gratis"),
    "open-24-7": lambda s: s["schedules"] == "24/7",
    "interpreter-available": lambda s: bool(s.get("interpretation")),
    "wheelchair-accessible": lambda s: (
        s["location"].get("access", "").startswith("Trinnfri")
    ),
    "phone-or-digital-only": lambda s: bool(s["location"].get("virtual")),
}


def is_allowed_number(number):
    """True for the six real national numbers and for +47 00 00 00 NN placeholders."""
    tail = number[len(PLACEHOLDER_PREFIX) :]
    placeholder = (
        number.startswith(PLACEHOLDER_PREFIX) and len(tail) == 2 and tail.isdigit()
    )
    return number in REAL_NUMBERS or placeholder


def check_taxonomy(tax):
    """Problems in the term data: duplicate codes, parents, names and synonym counts."""
    problems = []
    codes = {t["code"] for t in tax.TERMS}
    if len(codes) != len(tax.TERMS):
        problems.append("duplicate term codes")
    for term in tax.TERMS:
        code = term["code"]
        if term["parent_code"] and term["parent_code"] not in codes:
            problems.append(f"{code}: unknown parent {term['parent_code']}")
        for lang in tax.LANGUAGE_CODES:
            if not term["name"].get(lang):
                problems.append(f"{code}: no name in {lang}")
            low, high = (3, 8) if lang in ("nb", "en") else (1, 4)
            if not low <= len(term["synonyms"].get(lang, ())) <= high:
                problems.append(f"{code}: {lang} needs {low}-{high} synonyms")
    return problems


def check_service(s, terms, orgs, extents):
    """Problems in one compact service: codes, parents, features, phones and fields."""
    slug = s["slug"]
    problems = []
    for taxonomy, key in PLURAL.items():
        codes = s[key].split()
        for code in codes:
            term = terms.get(code)
            if term is None or term["taxonomy"] != taxonomy:
                problems.append(f"{slug}: {code} is not a {taxonomy} term")
            elif term["parent_code"] and term["parent_code"] not in codes:
                problems.append(
                    f"{slug}: {code} without its parent {term['parent_code']}"
                )
    features = set(s["features"].split())
    for code, rule in FEATURE_RULES.items():
        if rule(s) != (code in features):
            problems.append(f"{slug}: feature {code} disagrees with the data")
    for phone in s["phones"]:
        if not is_allowed_number(phone[0]):
            problems.append(
                f"{slug}: phone {phone[0]} is neither real nor a placeholder"
            )
    if s["status"] not in STATUSES:
        problems.append(f"{slug}: unknown status {s['status']}")
    if (s["status"] == "temporarily closed") != bool(s.get("alert")):
        problems.append(f"{slug}: an alert belongs to (and only to) temporarily closed")
    if s["org"] not in orgs:
        problems.append(f"{slug}: unknown organisation {s['org']}")
    unknown = [a for a in s["service_areas"] if a not in extents]
    if unknown:
        problems.append(f"{slug}: unknown service areas {unknown}")
    if s["schedules"] != "24/7":
        for byday, *_ in s["schedules"]:
            if any(d not in DAYS for d in byday.lstrip("0123456789").split(",")):
                problems.append(f"{slug}: bad byday {byday}")
    return problems


def check_services(services, terms, orgs, extents, english):
    """Problems across services: the above, unique slugs, shared locations, English."""
    problems = []
    slugs = [s["slug"] for s in services]
    if len(set(slugs)) != len(slugs):
        problems.append("duplicate service slugs")
    locations = {}
    for s in services:
        problems += check_service(s, terms, orgs, extents)
        loc = s["location"]
        if not loc.get("virtual") and locations.setdefault(loc["key"], loc) != loc:
            problems.append(
                f"{s['slug']}: location {loc['key']} differs from its namesake"
            )
    problems += [
        f"services_en: unknown slug {slug}" for slug in english if slug not in slugs
    ]
    for s in services:
        en = english.get(s["slug"], {})
        if en and bool(en.get("alert")) != bool(s.get("alert")):
            problems.append(f"services_en: {s['slug']} alert does not match")
    return problems
