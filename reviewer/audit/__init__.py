"""Audit reports: import (`npm`, `pnpm`, `yarn`, osv-scanner), store, load.

    from reviewer.audit import load_advisories, Advisory
    advisories = load_advisories(project_dir)   # [] when nothing was imported
"""

from reviewer.audit.model import Advisory
from reviewer.audit.store import FILENAME, attach, load_advisories

__all__ = ["FILENAME", "Advisory", "attach", "load_advisories"]
