"""What the importer and the exporter share: field names, taxonomies, derived ids."""

import uuid

# Ids the portal derives (taxonomies, and parts the model does not store an id for)
# are UUID v5 in the example data's namespace, so they are stable across exports.
NAMESPACE = uuid.uuid5(uuid.NAMESPACE_DNS, "vestland-hjelp.example.org")

# Service fields that are plain text on both sides and translated per language.
TRANSLATED_FIELDS = {
    "name": "title",
    "alternate_name": "alternate_name",
    "description": "description",
    "eligibility_description": "eligibility_description",
    "fees_description": "fees_description",
    "application_process": "application_process",
    "interpretation_services": "interpretation_services",
    "alert": "alert",
}
MODEL_TO_HSDS = {model: hsds for hsds, model in TRANSLATED_FIELDS.items()} | {
    "website": "url",
    "email": "email",
    "status": "status",
    "minimum_age": "minimum_age",
    "maximum_age": "maximum_age",
    "assured_date": "assured_date",
}

TAXONOMY_VERSION = "2025.1"
# The three vocabularies of `TaxonomyTerm.taxonomy`, as HSDS `taxonomy` objects.
TAXONOMY_DESCRIPTIONS = {
    "category": "Service category: what kind of help the service gives. "
    "(Tjenestekategori)",
    "audience": "Audience: who the service is for. (Målgruppe)",
    "feature": "Feature: practical properties such as price, opening hours and "
    "access. (Egenskap)",
}


def taxonomy_id(name):
    return uuid.uuid5(NAMESPACE, f"taxonomy/{name}")


def derived_id(parent_id, *parts):
    """A stable id for something stored without one (e.g. a phone's language)."""
    return uuid.uuid5(NAMESPACE, "/".join([str(parent_id), *map(str, parts)]))
