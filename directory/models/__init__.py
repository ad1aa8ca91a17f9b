"""Directory models: taxonomy, organisation and service pages, service parts."""

from directory.models.pages import DirectoryIndexPage, OrganisationPage, ServicePage
from directory.models.reports import ErrorReport
from directory.models.service_parts import (
    Location,
    Phone,
    Schedule,
    ServiceArea,
    ServiceAttribute,
    ServiceClosure,
    ServiceLanguage,
)
from directory.models.taxonomy import TaxonomyTerm

__all__ = [
    "DirectoryIndexPage",
    "ErrorReport",
    "Location",
    "OrganisationPage",
    "Phone",
    "Schedule",
    "ServiceArea",
    "ServiceAttribute",
    "ServiceClosure",
    "ServiceLanguage",
    "ServicePage",
    "TaxonomyTerm",
]
