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
# every index of the common topic list, those of the relatives' and compounds' rules too (s25-s27), not only a list
# kept by hand: before, _umbrella_topics and eleven others were built in the first search that needed them
assert search._umbrella_topics in search._COMMON_INDEXES and search._three_part_synonyms in search._COMMON_INDEXES
assert len(search._COMMON_INDEXES) >= 28
assert [b.__name__ for b in search._COMMON_INDEXES if b.cache_info().currsize != 1] == []
"""


def test_a_web_worker_loads_the_search_words_when_it_starts() -> None:
    # a fresh interpreter in the checkout's root, where gunicorn looks for its config file (as the image's /app)
    result = subprocess.run([sys.executable, "-c", CHECK], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
