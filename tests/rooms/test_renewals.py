"""The daily beat task tells the office, once, which recurring bookings run out within four weeks."""

import datetime as dt

from saas.core import timeutil
from saas.extensions import db
from tenants.models import Tenant
from tenants.scoping import tenant_context
from tests.factories import Outbox
from tests.rooms.helpers import book, make_group, make_room
from workers import rooms as room_tasks


def test_expiring_bookings_are_announced_once(world, outbox):
    with tenant_context(world.dortmund.id):
        db.session.get(Tenant, world.dortmund.id).email = "team@dortmund.test"
        db.session.commit()
    room = make_room(world.dortmund, hours="")
    soon, later = make_group(world.dortmund, "Endet bald"), make_group(world.dortmund, "Läuft noch")
    start, today = timeutil.today() - dt.timedelta(days=70), timeutil.today()
    book(world.dortmund, room, soon, pattern="weekly", start_date=start, until_date=today + dt.timedelta(days=10),
         start_time=dt.time(17), end_time=dt.time(19))  # fmt: skip
    book(world.dortmund, room, later, pattern="weekly", start_date=start, until_date=today + dt.timedelta(days=90),
         start_time=dt.time(19), end_time=dt.time(21))  # fmt: skip
    first = room_tasks.notify_expiring_bookings.apply().get()
    assert first["dortmund"] == 1 and first["hamm"] == 0
    (mail,) = outbox.wait_for(1)
    assert str(mail["To"]) == "team@dortmund.test" and "Endet bald" in Outbox.text(mail)
    assert "Läuft noch" not in Outbox.text(mail)
    assert room_tasks.notify_expiring_bookings.apply().get()["dortmund"] == 0
    assert len(outbox.messages()) == 1
