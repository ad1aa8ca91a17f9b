"""Where services work: Vestland's municipalities, the county, and the whole country."""

# Vestland's municipalities since 2024.
VESTLAND_MUNICIPALITIES = [
    "Alver", "Askvoll", "Askøy", "Aurland", "Austevoll", "Austrheim", "Bergen",
    "Bjørnafjorden", "Bremanger", "Bømlo", "Eidfjord", "Etne", "Fedje", "Fitjar",
    "Fjaler", "Gloppen", "Gulen", "Hyllestad", "Høyanger", "Kinn", "Kvam",
    "Kvinnherad", "Luster", "Lærdal", "Masfjorden", "Modalen", "Osterøy", "Samnanger",
    "Sogndal", "Solund", "Stad", "Stord", "Stryn", "Sunnfjord", "Sveio", "Tysnes",
    "Ullensvang", "Ulvik", "Vaksdal", "Vik", "Voss", "Øygarden", "Årdal",
]  # fmt: skip
COUNTY = "Vestland"
NATIONAL = "Hele landet"
AREA_NAMES = [*VESTLAND_MUNICIPALITIES, COUNTY, NATIONAL]


def areas_covering(municipality):
    """The service-area names that cover a municipality: itself, the county, the
    country."""
    return [municipality, COUNTY, NATIONAL]
