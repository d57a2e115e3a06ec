"""The one way to fetch a founding process, interest or support case by id: the bound office's, else 404."""

from __future__ import annotations

from flask import abort

from saas.core.access import office_row_or_404
from saas.founding.models import FoundingInterest, FoundingProcess, SupportCase


def process_or_404(process_id: int) -> FoundingProcess:
    return office_row_or_404(FoundingProcess, process_id)


def interest_or_404(process: FoundingProcess, interest_id: int) -> FoundingInterest:
    interest = office_row_or_404(FoundingInterest, interest_id)
    if interest.process_id != process.id:
        abort(404)
    return interest


def case_or_404(case_id: int) -> SupportCase:
    return office_row_or_404(SupportCase, case_id)
