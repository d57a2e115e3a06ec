"""The one way to fetch a room, booking, site, closure or group by id: the bound office's, else 404."""

from __future__ import annotations

from saas.core.access import office_row_or_404
from saas.directory.access import access_group as access_group  # re-exported: rooms book for groups
from saas.rooms.models import Booking, Closure, Room
from tenants.models import Site


def access_room(room_id: int) -> Room:
    return office_row_or_404(Room, room_id)


def access_booking(booking_id: int) -> Booking:
    return office_row_or_404(Booking, booking_id)


def access_site(site_id: int) -> Site:
    return office_row_or_404(Site, site_id)


def access_closure(closure_id: int) -> Closure:
    return office_row_or_404(Closure, closure_id)
