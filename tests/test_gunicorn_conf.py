"""gunicorn.conf.py: a web worker loads the search's word data when it starts, not in the first search."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHECK = """
import gunicorn.config
from saas.directory import language, search
assert gunicorn.config.get_default_config_file().endswith("/gunicorn.conf.py")
cfg = gunicorn.config.Config()
cfg.set("config", gunicorn.config.get_default_config_file())
namespace = {}
exec(compile(open(cfg.config).read(), cfg.config, "exec"), namespace)
assert language._synsets is None and language._lexicon_data is None and language._zipf is None
namespace["post_worker_init"](None)
assert language._synsets and language._lexicon_data and language._zipf
assert language._stem_index.cache_info().currsize == 1 and search._listed_parts.cache_info().currsize == 1
"""


def test_a_web_worker_loads_the_search_words_when_it_starts() -> None:
    # a fresh interpreter in the checkout's root, where gunicorn looks for its config file (as the image's /app)
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
