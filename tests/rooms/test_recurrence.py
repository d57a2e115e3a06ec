"""Wall-clock recurrences in Europe/Berlin: rhythms, DST, the n-th weekday."""

import datetime as dt

from saas.core.recurrence import Pattern, Recurrence, local_datetime, nth_weekday, to_utc


def test_weekly_19_oclock_stays_19_oclock_across_both_dst_changes():
    """Does a weekly Tuesday 19.00 booking start at 19.00 local time in winter and in summer?"""
    rule = Recurrence(Pattern.weekly, dt.date(2026, 1, 6), dt.date(2026, 12, 29))
    dates = list(rule.dates())
    assert len(dates) == 52 and all(d.weekday() == 1 for d in dates)
    starts = [local_datetime(d, dt.time(19, 0)) for d in dates]
    assert all((s.hour, s.minute) == (19, 0) for s in starts)
    winter = to_utc(dt.date(2026, 3, 24), dt.time(19, 0))  # before the change on 29 March
    summer = to_utc(dt.date(2026, 3, 31), dt.time(19, 0))  # after it
    autumn = to_utc(dt.date(2026, 10, 27), dt.time(19, 0))  # after the change back on 25 October
    assert (winter.hour, summer.hour, autumn.hour) == (18, 17, 18)
    assert summer - winter == dt.timedelta(days=7, hours=-1)  # a week of wall-clock time, 167 real hours


def test_time_in_the_spring_forward_gap_moves_forward():
    """Is 02.30 on the night clocks jump forward read as the real instant 03.30 CEST?"""
    moved = local_datetime(dt.date(2026, 3, 29), dt.time(2, 30))
    assert (moved.hour, moved.minute) == (3, 30) and moved.utcoffset() == dt.timedelta(hours=2)


def test_every_second_week_counts_from_the_first_date():
    """Does "every 2nd week" keep the first date's rhythm also when the window starts in between?"""
    rule = Recurrence(Pattern.biweekly, dt.date(2026, 1, 6), dt.date(2026, 3, 31))
    assert list(rule.dates(dt.date(2026, 1, 14), dt.date(2026, 2, 28))) == [
        dt.date(2026, 1, 20),
        dt.date(2026, 2, 3),
        dt.date(2026, 2, 17),
    ]


def test_monthly_nth_and_last_weekday():
    """Does "monthly" give the n-th weekday of each month, and -1 the last one?"""
    second = Recurrence(Pattern.monthly, dt.date(2026, 1, 13), dt.date(2026, 4, 30), nth=2)
    assert list(second.dates()) == [
        dt.date(2026, 1, 13),
        dt.date(2026, 2, 10),
        dt.date(2026, 3, 10),
        dt.date(2026, 4, 14),
    ]
    last = Recurrence(Pattern.monthly, dt.date(2026, 3, 31), dt.date(2026, 6, 30), nth=-1)
    assert list(last.dates()) == [
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 28),
        dt.date(2026, 5, 26),
        dt.date(2026, 6, 30),
    ]
    assert nth_weekday(2026, 2, 1, 5) is None  # February 2026 has four Tuesdays


def test_exceptions_are_left_out_and_described_in_german():
    rule = Recurrence(Pattern.weekly, dt.date(2026, 1, 6), dt.date(2026, 1, 27), skip=frozenset({dt.date(2026, 1, 13)}))
    assert list(rule.dates()) == [dt.date(2026, 1, 6), dt.date(2026, 1, 20), dt.date(2026, 1, 27)]
    assert rule.describe() == "jeden Dienstag"
    assert (
        Recurrence(Pattern.monthly, dt.date(2026, 1, 13), dt.date(2026, 4, 30)).describe()
        == "jeden zweiten Dienstag im Monat"
    )
