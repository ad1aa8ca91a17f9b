"""The parts of a service, edited inline on its page: phones, hours, locations,
areas, languages and taxonomy attributes (HSDS names)."""

import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel
from wagtail.models import Orderable

from directory import phones
from directory.areas import AREA_NAMES
from directory.opening_hours import WEEKDAYS
from portal.languages import PORTAL_LANGUAGES

# Norway's mainland, with a margin for the coast and islands.
NORWAY_LATITUDE = (57.5, 71.5)
NORWAY_LONGITUDE = (4.0, 31.5)

LANGUAGE_CHOICES = [(code, name) for code, name, _autonym, _rtl in PORTAL_LANGUAGES] + [
    ("ru", "Russian"),
    ("de", "German"),
    ("fr", "French"),
    ("es", "Spanish"),
    ("sv", "Swedish"),
    ("da", "Danish"),
    ("ku", "Kurdish"),
    ("prs", "Dari"),
    ("am", "Amharic"),
    ("sgn", "Sign language"),
]
WEEKDAY_CHOICES = [
    ("MO", _("Monday")),
    ("TU", _("Tuesday")),
    ("WE", _("Wednesday")),
    ("TH", _("Thursday")),
    ("FR", _("Friday")),
    ("SA", _("Saturday")),
    ("SU", _("Sunday")),
]


def hsds_id_field():
    return models.UUIDField(default=uuid.uuid4, editable=False, db_index=True)


class Phone(Orderable):
    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        VOICE = "voice", _("Voice")
        TEXT = "text", _("Text message")
        FAX = "fax", _("Fax")

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="phones"
    )
    hsds_id = hsds_id_field()
    number = models.CharField(
        max_length=20,
        help_text=_("For example +47 55 55 55 55, or a short number such as 116 111."),
    )
    type = models.CharField(max_length=10, choices=Kind.choices, default=Kind.VOICE)
    description = models.CharField(max_length=255, blank=True)
    languages = models.CharField(
        max_length=100,
        blank=True,
        help_text=_("Language codes spoken on this line, separated by commas."),
    )

    panels = [
        FieldRowPanel([FieldPanel("number"), FieldPanel("type")]),
        FieldPanel("description"),
        FieldPanel("languages"),
    ]

    def clean(self):
        super().clean()
        try:
            self.number = phones.normalise_phone(self.number)
        except ValidationError as exc:
            raise ValidationError({"number": exc.messages}) from exc

    @property
    def display(self):
        return phones.display_phone(self.number)

    @property
    def href(self):
        return phones.tel_href(self.number)

    @property
    def language_codes(self):
        return [code.strip() for code in self.languages.split(",") if code.strip()]


class Schedule(Orderable):
    """Regular opening hours (HSDS `schedule`), in Norwegian local time."""

    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    class Frequency(models.TextChoices):
        WEEKLY = "WEEKLY", _("Weekly")
        MONTHLY = "MONTHLY", _("Monthly")

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="schedules"
    )
    hsds_id = hsds_id_field()
    freq = models.CharField(
        max_length=10, choices=Frequency.choices, default=Frequency.WEEKLY
    )
    interval = models.PositiveSmallIntegerField(
        default=1,
        help_text=_("2 means every other week (counted from the start date)."),
    )
    dtstart = models.DateField(null=True, blank=True, verbose_name=_("start date"))
    byday = models.CharField(
        max_length=40,
        verbose_name=_("days"),
        help_text=_(
            "Days as MO,TU,WE,TH,FR,SA,SU. Monthly: 1WE is the first Wednesday."
        ),
    )
    opens_at = models.TimeField()
    closes_at = models.TimeField()
    runs_past_midnight = models.BooleanField(
        default=False,
        verbose_name=_("runs past midnight"),
        help_text=_("Tick when the opening ends the next morning, e.g. 15:00–03:00."),
    )
    description = models.CharField(max_length=255, blank=True)

    panels = [
        FieldRowPanel(
            [FieldPanel("byday"), FieldPanel("freq"), FieldPanel("interval")]
        ),
        FieldRowPanel(
            [FieldPanel("opens_at"), FieldPanel("closes_at"), FieldPanel("dtstart")]
        ),
        FieldPanel("runs_past_midnight"),
        FieldPanel("description"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        days = [day.strip().upper() for day in self.byday.split(",") if day.strip()]
        valid = all(
            day in WEEKDAYS
            or (self.freq == self.Frequency.MONTHLY and day[-2:] in WEEKDAYS)
            for day in days
        )
        if not days or not valid:
            errors["byday"] = _("Give days as MO,TU,WE,TH,FR,SA,SU (e.g. MO,TU,WE).")
        else:
            self.byday = ",".join(days)
        if self.opens_at and self.closes_at:
            backwards = self.closes_at < self.opens_at
            if backwards and not self.runs_past_midnight:
                errors["closes_at"] = _(
                    "The closing time is before the opening time. If the opening "
                    "runs past midnight, tick “Runs past midnight”."
                )
            if self.opens_at == self.closes_at:
                errors["closes_at"] = _(
                    "Opening and closing time are the same. For round-the-clock "
                    "service use 00:00–23:59."
                )
        if self.interval > 1 and not self.dtstart:
            errors["dtstart"] = _("Give a start date when the interval is over 1.")
        if errors:
            raise ValidationError(errors)


class ServiceClosure(Orderable):
    """A day the service is closed although its hours say open (e.g. staff training)."""

    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="closures"
    )
    date = models.DateField()
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("date"), FieldPanel("description")]


class Location(Orderable):
    """Where the service is (HSDS `location`). A confidential location's street
    address and exact position never leave the server."""

    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    class Kind(models.TextChoices):
        PHYSICAL = "physical", _("Physical address")
        POSTAL = "postal", _("Postal address only")
        VIRTUAL = "virtual", _("Phone or online only")

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="locations"
    )
    hsds_id = hsds_id_field()
    service_at_location_id = hsds_id_field()
    address_id = models.UUIDField(null=True, blank=True, editable=False)
    location_type = models.CharField(
        max_length=10, choices=Kind.choices, default=Kind.PHYSICAL
    )
    name = models.CharField(max_length=255, blank=True)
    description = models.TextField(blank=True)
    address_1 = models.CharField(max_length=255, blank=True, verbose_name=_("street"))
    postal_code = models.CharField(max_length=10, blank=True)
    city = models.CharField(max_length=100, blank=True)
    municipality = models.CharField(
        max_length=60, blank=True, choices=[(name, name) for name in AREA_NAMES[:-2]]
    )
    latitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        max_digits=9, decimal_places=6, null=True, blank=True
    )
    accessibility = models.TextField(
        blank=True, help_text=_("Step-free access, lift, toilet, hearing loop ...")
    )
    wheelchair_accessible = models.BooleanField(default=False)
    confidential = models.BooleanField(
        default=False,
        help_text=_(
            "The address is secret (e.g. a crisis shelter). Only the municipality and "
            "an area about 1 km wide are shown; the street address never is."
        ),
    )

    panels = [
        FieldRowPanel([FieldPanel("location_type"), FieldPanel("confidential")]),
        FieldPanel("name"),
        FieldRowPanel(
            [FieldPanel("address_1"), FieldPanel("postal_code"), FieldPanel("city")]
        ),
        FieldPanel("municipality"),
        FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
        FieldPanel("accessibility"),
        FieldPanel("wheelchair_accessible"),
        FieldPanel("description"),
    ]

    def clean(self):
        super().clean()
        errors = {}
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both latitude and longitude, or neither.")
        elif self.latitude is not None:
            if not NORWAY_LATITUDE[0] <= float(self.latitude) <= NORWAY_LATITUDE[1]:
                errors["latitude"] = _("The latitude is outside Norway.")
            if not NORWAY_LONGITUDE[0] <= float(self.longitude) <= NORWAY_LONGITUDE[1]:
                errors["longitude"] = _("The longitude is outside Norway.")
        if self.location_type != self.Kind.VIRTUAL and not self.municipality:
            errors["municipality"] = _("Choose the municipality of this address.")
        if errors:
            raise ValidationError(errors)


class ServiceArea(Orderable):
    """Where the service is offered: a municipality, the county or the country."""

    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="service_areas"
    )
    hsds_id = hsds_id_field()
    name = models.CharField(max_length=60, choices=[(n, n) for n in AREA_NAMES])
    description = models.CharField(max_length=255, blank=True)

    panels = [FieldPanel("name"), FieldPanel("description")]


class ServiceLanguage(Orderable):
    # No references to other content: keep them out of Wagtail's reference index,
    # whose per-child updates made every save of a service several times slower.
    wagtail_reference_index_ignore = True

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="languages"
    )
    hsds_id = hsds_id_field()
    code = models.CharField(max_length=5, choices=LANGUAGE_CHOICES)

    panels = [FieldPanel("code")]


class ServiceAttribute(Orderable):
    """Links a service to a taxonomy term (HSDS `attribute`)."""

    service = ParentalKey(
        "directory.ServicePage", on_delete=models.CASCADE, related_name="attributes"
    )
    hsds_id = hsds_id_field()
    taxonomy_term = models.ForeignKey(
        "directory.TaxonomyTerm", on_delete=models.PROTECT, related_name="+"
    )

    panels = [FieldPanel("taxonomy_term")]
