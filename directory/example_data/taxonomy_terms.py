"""Languages, taxonomies and the full list of taxonomy terms of the example directory."""

# ruff: noqa: E501 (data module: long text lines are intended)

from . import (
    taxonomy_audiences_1,
    taxonomy_audiences_2,
    taxonomy_categories_1,
    taxonomy_categories_2,
    taxonomy_categories_3,
    taxonomy_categories_4,
    taxonomy_categories_5,
    taxonomy_categories_6,
    taxonomy_features,
)

# code, name in bokmål, name in English, autonym. Bokmål is the source language.
LANGUAGES = [
    ("nb", "norsk bokmål", "Norwegian Bokmål", "norsk bokmål"),
    ("nn", "norsk nynorsk", "Norwegian Nynorsk", "norsk nynorsk"),
    ("en", "engelsk", "English", "English"),
    ("pl", "polsk", "Polish", "polski"),
    ("uk", "ukrainsk", "Ukrainian", "українська"),
    ("lt", "litauisk", "Lithuanian", "lietuvių"),
    ("ar", "arabisk", "Arabic", "العربية"),
    ("so", "somali", "Somali", "Soomaali"),
    ("ti", "tigrinja", "Tigrinya", "ትግርኛ"),
    ("fa", "persisk (farsi)", "Persian (Farsi)", "فارسی"),
    ("ur", "urdu", "Urdu", "اردو"),
    ("tr", "tyrkisk", "Turkish", "Türkçe"),
    ("se", "nordsamisk", "Northern Sami", "davvisámegiella"),
]
LANGUAGE_CODES = [code for code, *_ in LANGUAGES]
LANGUAGE_NAMES_NB = {code: name_nb for code, name_nb, *_ in LANGUAGES}

# Bokmål is the source. Every other language was drafted without a native speaker and
# must be reviewed by one before it is presented as reviewed (see CONTENT.md).
TRANSLATION_STATUS = {
    code: ("source" if code == "nb" else "draft") for code in LANGUAGE_CODES
}

# name, description (English, with the Norwegian word), version
TAXONOMIES = [
    ("category", "What kind of help a service gives. (Kategori)", "2025.1"),
    ("audience", "Who a service is meant for. (Målgruppe)", "2025.1"),
    (
        "feature",
        "Practical facts: price, opening hours, access, channels. (Egenskap)",
        "2025.1",
    ),
]

TERMS = (
    taxonomy_categories_1.TERMS
    + taxonomy_categories_2.TERMS
    + taxonomy_categories_3.TERMS
    + taxonomy_categories_4.TERMS
    + taxonomy_categories_5.TERMS
    + taxonomy_categories_6.TERMS
    + taxonomy_audiences_1.TERMS
    + taxonomy_audiences_2.TERMS
    + taxonomy_features.TERMS
)
