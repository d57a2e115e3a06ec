"""The one way to fetch a room, booking, site, closure or group by id: the bound office's, else 404."""

from __future__ import annotations

from saas.core.access import office_row_or_404
from saas.directory.access import group_or_404 as group_or_404  # re-exported: rooms book for groups
from saas.rooms.models import Booking, Closure, Room
from tenants.models import Site


def room_or_404(room_id: int) -> Room:
    return office_row_or_404(Room, room_id)


def booking_or_404(booking_id: int) -> Booking:
    return office_row_or_404(Booking, booking_id)


def site_or_404(site_id: int) -> Site:
    return office_row_or_404(Site, site_id)


def closure_or_404(closure_id: int) -> Closure:
    return office_row_or_404(Closure, closure_id)
