"""What of a location may be shown in public: confidential addresses are masked."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

# 0.01° of latitude is about 1.1 km; at 60–62°N, 0.02° of longitude is about 1 km.
LATITUDE_STEP = Decimal("0.01")
LONGITUDE_STEP = Decimal("0.02")


def _round_to(value, step):
    if value is None:
        return None
    return (Decimal(value) / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step


@dataclass(frozen=True)
class PublicLocation:
    """The only view of a location that any public output may use."""

    hsds_id: str
    location_type: str
    name: str
    address_1: str
    postal_code: str
    city: str
    municipality: str
    latitude: Decimal | None
    longitude: Decimal | None
    accessibility: str
    wheelchair_accessible: bool
    confidential: bool
    # Free text an editor may have written the address into: not shown when secret.
    description: str = ""

    @property
    def has_address(self):
        return bool(self.address_1)


def public_location(location):
    """Mask a confidential location: no street, postal code or exact position; keep
    the municipality and an area about 1 km wide."""
    if not location.confidential:
        return PublicLocation(
            hsds_id=str(location.hsds_id),
            location_type=location.location_type,
            name=location.name,
            address_1=location.address_1,
            postal_code=location.postal_code,
            city=location.city,
            municipality=location.municipality,
            latitude=location.latitude,
            longitude=location.longitude,
            accessibility=location.accessibility,
            wheelchair_accessible=location.wheelchair_accessible,
            confidential=False,
            description=location.description,
        )
    return PublicLocation(
        hsds_id=str(location.hsds_id),
        location_type=location.location_type,
        name="",
        address_1="",
        postal_code="",
        city=location.municipality,
        municipality=location.municipality,
        latitude=_round_to(location.latitude, LATITUDE_STEP),
        longitude=_round_to(location.longitude, LONGITUDE_STEP),
        accessibility="",
        wheelchair_accessible=location.wheelchair_accessible,
        confidential=True,
    )
