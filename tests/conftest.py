import os
import sys
from pathlib import Path

from hypothesis import settings

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(Path(__file__).resolve().parent))

settings.register_profile("netles", max_examples=150, deadline=None, derandomize=True)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "netles"))

# The notebooks under tests/browser are opened by tests/test_browser.py in a real browser, in a
# temporary folder; nbval must not run them in place (they would write an autosave file here).
collect_ignore_glob = ["browser/*.ipynb"]
