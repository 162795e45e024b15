"""The policy file: decisions (pins, install scripts, advisories, signals) and settings.

Public API: `Policy` (model.py), `PolicyStore`, `default_policy_path`, `current_user`
(store.py), and the entry types (entries.py).
"""

from reviewer.policy.entries import (
    AdvisoryDecision,
    AdvisoryDecisionKind,
    Pin,
    ScriptDecision,
    ScriptDecisionKind,
    ScriptState,
    Settings,
    SignalAcceptance,
)
from reviewer.policy.model import Policy
from reviewer.policy.store import (
    POLICY_FILE_NAME,
    PolicyStore,
    current_user,
    default_policy_path,
)

__all__ = [
    "POLICY_FILE_NAME",
    "AdvisoryDecision",
    "AdvisoryDecisionKind",
    "Pin",
    "Policy",
    "PolicyStore",
    "ScriptDecision",
    "ScriptDecisionKind",
    "ScriptState",
    "Settings",
    "SignalAcceptance",
    "current_user",
    "default_policy_path",
]
