"""Shared building blocks for the example services: days, access texts, areas, locations."""

# ruff: noqa: E501 (data module: long text lines are intended)

WEEKDAYS = "MO,TU,WE,TH,FR"
ALL_DAYS = "MO,TU,WE,TH,FR,SA,SU"
H24 = "24/7"  # expands to one schedule: every day 00:00-23:59

# A location is wheelchair accessible exactly when its access text starts with "Trinnfri".
STEP_FREE = "Trinnfri inngang, heis og toalett for rullestolbrukere."
STAIRS = "Det er trapp opp til lokalene og ingen heis. Si fra når du ringer, så møtes vi et annet sted."

# service_areas[].name -> extent text
EXTENTS = {
    "Hele landet": "Hele Norge",
    "Vestland": "Vestland fylke",
    "Bergen": "Bergen kommune",
    "Askøy": "Askøy kommune",
    "Øygarden": "Øygarden kommune",
    "Bjørnafjorden": "Bjørnafjorden kommune",
    "Alver": "Alver kommune",
    "Voss": "Voss herad",
    "Stord": "Stord kommune",
    "Sunnfjord": "Sunnfjord kommune",
    "Kinn": "Kinn kommune",
    "Sogndal": "Sogndal kommune",
}

BERGEN_REGION = ["Bergen", "Askøy", "Øygarden", "Alver", "Bjørnafjorden"]

VIRTUAL = {"virtual": True, "name": "Telefon og nett"}

# Locations used by more than one service (the key gives them one shared id).
BERGEN_POLICE_STATION = {
    "key": "bergen-politistasjon",
    "name": "Bergen politistasjon",
    "street": "Eksempelgata 1",
    "postal_code": "5015",
    "city": "Bergen",
    "municipality": "Bergen",
    "lat": 60.3912,
    "lon": 5.3307,
    "access": STEP_FREE,
}
ASKOY_TOWN_HALL = {
    "key": "askoy-radhus",
    "name": "Askøy rådhus",
    "street": "Eksempelgata 1",
    "postal_code": "5300",
    "city": "Kleppestø",
    "municipality": "Askøy",
    "lat": 60.4087,
    "lon": 5.2271,
    "access": STAIRS,
}
