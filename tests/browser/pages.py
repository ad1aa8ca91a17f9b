"""The example pages the browser tests visit, by path with its language prefix."""

# A page of the portal itself stands in for the neutral site (a weather forecast in
# production): the machine that runs the tests has no internet.
NEUTRAL_PATH = "/healthz"

# Example content the tests visit. The guidance pages exist only in Norwegian, which
# the Arabic pages show with a notice (English has its own tree, without them).
HOME_PATH = "/{language}/"
SEARCH_PATH = "/{language}/sok/?q=krisesenter"
SERVICE_PATH = "/{language}/hjelp/krisesenteret-i-bergen/krisesenter-bergen-kvinner/"
GUIDANCE_PATHS = ["/{language}/hvem-ringer-jeg/", "/{language}/sikkerhetsplan/"]
PAGES = [HOME_PATH, SEARCH_PATH, SERVICE_PATH]
