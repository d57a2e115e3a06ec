"""gunicorn settings read from the working directory (the image's /app, a checkout's root).

Only the start-up hook lives here; bind address and worker count stay on the command line
(Dockerfile, docker-compose.yml)."""

from __future__ import annotations

from typing import Any


def post_worker_init(worker: Any) -> None:
    """Load the search's German word data and build its indexes (thesaurus, dictionary, word frequencies,
    the common topic list: 3-4 s of CPU on a quiet machine) when a worker starts, not in the first
    citizen's search after a deploy or a worker restart."""
    from saas.directory import search

    search.warm_up()
