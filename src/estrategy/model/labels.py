"""The words people read for the model's enumerated values, in every language.

Enum values (``in_progress``, ``prospects``, ``mid_cap``) are stable identifiers: files
and JSON keep them as they are. Sentences for people name them with these labels,
which the catalogue translates (``en cours``, ``prospects``, ``ETI``).

Example:
    >>> from estrategy.model.enums import ActionStatus, OrganizationSize
    >>> label(ActionStatus.IN_PROGRESS).render("en"), label(ActionStatus.IN_PROGRESS).render("fr")
    ('in progress', 'en cours')
    >>> label(OrganizationSize.MID_CAP).render("fr")
    'ETI'
    >>> label("acme_role").render("fr")
    'acme_role'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from estrategy.base.messages import Message, as_message, tr

__all__ = ["LABELS", "label"]

LABELS: Mapping[str, Message] = MappingProxyType(
    {
        # audiences
        "customers": tr("customers"),
        "prospects": tr("prospects"),
        "partners": tr("partners"),
        "suppliers": tr("suppliers"),
        "employees": tr("employees"),
        # action statuses
        "planned": tr("planned"),
        "in_progress": tr("in progress"),
        "done": tr("done"),
        "dropped": tr("dropped"),
        # volets
        "internal": tr("internal"),
        "external": tr("external"),
        # organisation sizes
        "micro": tr("micro"),
        "small": tr("small"),
        "medium": tr("medium"),
        "mid_cap": tr("mid-cap"),
        "large": tr("large"),
        # the parts of a SMART objective and of a complete action, as their fields say
        "statement": tr("statement"),
        "metric": tr("metric"),
        "target": tr("target"),
        "change": tr("change"),
        "deadline": tr("deadline"),
        "competences": tr("competences"),
        "responsible": tr("responsible"),
        "tools": tr("tools"),
        "budget": tr("budget"),
        # parts of the situation analysis
        "strengths": tr("strengths"),
        "weaknesses": tr("weaknesses"),
        "competitors": tr("competitors"),
        "opportunities": tr("opportunities"),
        "threats": tr("threats"),
        # maturity: quadrants and the status of a step
        "beginner": tr("beginner"),
        "fashionista": tr("fashionista"),
        "conservative": tr("conservative"),
        "digirati": tr("digirati"),
        "evidenced": tr("evidenced"),
        "partial": tr("partial"),
        "missing": tr("missing"),
        # what the items of a model are called
        "unit": tr("unit"),
        "person": tr("person"),
        "group": tr("group"),
        "stake": tr("stake"),
        "objective": tr("objective"),
        "strategy": tr("strategy"),
        "tactic": tr("tactic"),
        "action": tr("action"),
        "KPI": tr("KPI"),
        "tool": tr("tool"),
        # what an enumerated value is, named after its type
        "organization size": tr("organization size"),
        "group kind": tr("group kind"),
        "tie kind": tr("tie kind"),
        "strategy scope": tr("strategy scope"),
        "strategy status": tr("strategy status"),
        "tactic kind": tr("tactic kind"),
        "channel": tr("channel"),
        "audience": tr("audience"),
        "action status": tr("action status"),
        "direction": tr("direction"),
        "tool kind": tr("tool kind"),
        "tool side": tr("tool side"),
        "licence": tr("licence"),
        "role kind": tr("role kind"),
        # roles
        "community_manager": tr("community manager"),
        "data_scientist": tr("data scientist"),
        "digital_lead": tr("digital lead"),
        "external_expert": tr("external expert"),
        "sales": tr("salesperson"),
        "marketing": tr("marketer"),
        "executive": tr("executive"),
        "hr": tr("HR"),
        "it": tr("IT"),
    }
)
"""Enum value to the message that names it; values not listed are shown as they are."""


def label(value: str) -> Message:
    """The word for an enum value (or any slug: a custom role is shown as it is)."""
    return LABELS.get(str(value)) or as_message(str(value))
