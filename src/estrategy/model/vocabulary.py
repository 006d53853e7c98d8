"""The words people write for the model's enumerated values and roles, in English and French.

A consultant types ``newsletter`` for a tactic kind, ``salon`` or ``trade_show`` for
events, ``en_cours`` for an action in progress. These tables map such words to the value
the model means, so that a load error can say which value was meant
(:func:`enum_hint`) and ROL007 can recognise a role written in French. Keys are written
as people write them; they are compared folded (case, accents and separators set aside,
:func:`estrategy.model.suggest.fold`), and a plural ``s`` is forgiven.

Example:
    >>> from estrategy.model import ActionStatus, TacticKind
    >>> enum_hint(TacticKind, "newsletter"), enum_hint(ActionStatus, "En cours")
    ('email_marketing', 'in_progress')
    >>> enum_hint(TacticKind, "evnets"), enum_hint(TacticKind, "quantum") is None
    ('events', True)
"""

from __future__ import annotations

import enum
import functools
from collections.abc import Mapping
from types import MappingProxyType

from estrategy.base.escape import excerpt
from estrategy.model.enums import (
    ActionStatus,
    Audience,
    Direction,
    GroupKind,
    Licence,
    OrganizationSize,
    StrategyScope,
    StrategyStatus,
    TacticKind,
    TieKind,
    ToolKind,
    ToolSide,
)
from estrategy.model.suggest import NearMisses, suggestion

__all__ = ["ENUM_SYNONYMS", "ROLE_SYNONYMS", "did_you_mean_value", "enum_hint", "meant_value"]


def _table(entries: Mapping[str, tuple[str, ...]]) -> Mapping[str, str]:
    """Invert ``{value: (word, ...)}`` into ``{word: value}``."""
    return MappingProxyType({word: value for value, words in entries.items() for word in words})


ENUM_SYNONYMS: Mapping[type[enum.StrEnum], Mapping[str, str]] = MappingProxyType(
    {
        ActionStatus: _table(
            {
                "planned": ("prévu", "planifié", "à faire", "todo", "to do", "not started"),
                "in_progress": (
                    "en cours", "ongoing", "started", "doing", "wip", "running", "active",
                ),
                "done": (
                    "terminé", "fini", "fait", "réalisé", "finished", "complete", "completed",
                    "closed",
                ),
                "dropped": (
                    "abandonné", "annulé", "abandoned", "cancelled", "canceled", "stopped",
                ),
            }
        ),
        Audience: _table(
            {
                "customers": ("clients", "clientèle", "client base"),
                "partners": ("partenaires",),
                "suppliers": ("fournisseurs", "vendors"),
                "employees": (
                    "salariés", "employés", "collaborateurs", "personnel", "staff", "internal",
                    "interne",
                ),
            }
        ),
        Direction: _table(
            {
                "increase": ("hausse", "augmenter", "augmentation", "up", "higher", "more"),
                "decrease": (
                    "baisse", "diminuer", "diminution", "réduire", "down", "lower", "less",
                    "reduce",
                ),
            }
        ),
        GroupKind: _table(
            {
                "project": ("projet", "squad", "task force"),
                "community_of_practice": ("communauté de pratique", "communauté", "community"),
                "product_direction": ("direction produit",),
                "market_direction": ("direction marché",),
                "region_direction": ("direction régionale", "région"),
                "support_function": ("fonction support",),
                "esn_community": ("communauté rse", "communauté esn"),
            }
        ),
        Licence: _table(
            {
                "open_source": ("libre", "logiciel libre", "opensource", "oss", "foss"),
                "proprietary": ("propriétaire", "licence propriétaire", "commercial"),
                "saas": ("cloud", "abonnement", "subscription", "software as a service"),
            }
        ),
        OrganizationSize: _table(
            {
                "micro": ("tpe", "très petite entreprise", "microentreprise", "very small"),
                "small": ("pme", "petite entreprise", "sme"),
                "medium": ("moyenne entreprise", "midsize"),
                "mid_cap": ("eti", "entreprise de taille intermédiaire", "midcap"),
                "large": ("ge", "grande entreprise", "grand groupe", "enterprise"),
            }
        ),
        StrategyScope: _table({"internal": ("interne",), "external": ("externe",)}),
        StrategyStatus: _table(
            {
                "candidate": ("candidat", "envisagé", "proposed", "option"),
                "retained": ("retenu", "retenue", "choisi", "chosen", "selected", "adopted"),
                "rejected": ("rejeté", "rejetée", "écarté", "discarded", "dismissed"),
            }
        ),
        TacticKind: _table(
            {
                "social_selling": ("vente sociale", "linkedin selling"),
                "content_marketing": (
                    "marketing de contenu", "contenu", "blog", "blogging", "content",
                ),
                "social_media_marketing": (
                    "réseaux sociaux", "social media", "community management", "social",
                ),
                "web_marketing": ("seo", "référencement", "webmarketing", "marketing web"),
                "email_marketing": (
                    "newsletter", "emailing", "e-mailing", "email", "mailing", "courriel",
                ),
                "marketing_automation": ("automatisation marketing", "automation"),
                "online_advertising": (
                    "sea", "publicité en ligne", "display", "google ads", "ads", "paid social",
                ),
                "traditional_advertising": (
                    "publicité", "advertising", "print", "affichage", "radio", "tv",
                ),
                "events": (
                    "salon", "trade show", "trade fair", "fair", "événement", "événementiel",
                    "event", "conference", "conférence", "webinar",
                ),
                "direct_sales": ("vente directe", "prospection", "door to door", "phoning"),
                "enterprise_social_network": (
                    "rse", "réseau social d'entreprise", "réseau social interne", "esn",
                ),
                "transversal_structure": ("structure transverse", "transversalité"),
                "training": ("formation", "coaching", "e-learning"),
                "change_management": ("conduite du changement", "accompagnement du changement"),
                "crm_deployment": ("crm", "déploiement crm", "gestion de la relation client"),
                "process_digitalisation": (
                    "dématérialisation", "digitalisation", "digitalization", "digitization",
                    "numérisation",
                ),
                "data_analytics": ("analytics", "data", "analyse de données", "big data"),
                "partnership": ("partenariat", "alliance", "co-marketing"),
                "other": ("autre",),
            }
        ),
        TieKind: _table(
            {"collaboration": ("collaborative", "travail", "work"), "esn": ("rse",)}
        ),
        ToolKind: _table(
            {
                "crm": ("gestion de la relation client", "salesforce", "hubspot"),
                "erp": ("pgi", "progiciel de gestion intégré", "sap", "odoo"),
                "esn": ("rse", "réseau social d'entreprise", "enterprise social network"),
                "website": ("site", "site web", "site internet", "web site", "wordpress"),
                "eshop": (
                    "e-shop", "boutique en ligne", "ecommerce", "e-commerce", "shop",
                    "shopify", "online shop",
                ),
                "social_account": (
                    "compte social", "réseau social", "social media", "instagram", "facebook",
                    "linkedin",
                ),
                "newsletter": ("lettre d'information", "mailchimp", "emailing"),
                "marketing_automation": ("automatisation marketing", "automation"),
                "analytics": ("analyse d'audience", "google analytics", "statistiques"),
                "collaboration": ("collaboratif", "intranet", "teams", "slack"),
                "document_management": ("ged", "gestion documentaire", "gestion électronique"),
                "other": ("autre",),
            }
        ),
        ToolSide: _table(
            {"front": ("front office", "avant"), "back": ("back office", "arrière")}
        ),
    }
)  # fmt: skip
"""Per enumeration, words (English and French) people write for its values, to the value."""

ROLE_SYNONYMS: Mapping[str, str] = _table(
    {
        "community_manager": ("gestionnaire de communauté", "animateur de communauté"),
        "data_scientist": ("scientifique des données", "data scientiste", "analyste de données"),
        "digital_lead": (
            "responsable digital", "responsable numérique", "chef de projet digital",
            "directeur digital", "chief digital officer",
        ),
        "external_expert": ("expert externe", "consultant externe"),
        "sales": ("commercial", "commerciaux", "vendeur", "ventes"),
        "executive": ("direction", "dirigeant", "directeur général"),
        "hr": ("rh", "ressources humaines", "human resources"),
        "it": ("informatique", "dsi"),
    }
)  # fmt: skip
"""Words (mostly French) people write for the roles the library knows, to the role.

ROL007 reads a role written this way as a near miss of the role it means; an accepted
custom role (the ``custom_roles`` setting) is never one.

Example:
    >>> ROLE_SYNONYMS["responsable digital"]
    'digital_lead'
"""


@functools.cache
def _near_misses(cls: type[enum.StrEnum]) -> NearMisses:
    return NearMisses((str(m.value) for m in cls), ENUM_SYNONYMS.get(cls, {}))


def enum_hint(cls: type[enum.StrEnum], value: str) -> str | None:
    """The value of ``cls`` that ``value`` most likely means, or ``None``.

    In order: the same word written another way (case, accents, hyphens, spaces, a
    plural), a synonym in English or French (:data:`ENUM_SYNONYMS`), a typo of one or two
    letters.

    Args:
        cls: the enumeration (``TacticKind``, ``ActionStatus``, …).
        value: what was written.

    Returns:
        A value of ``cls``, or ``None`` when nothing is close (or ``value`` is a value).

    Example:
        >>> from estrategy.model import Audience, StrategyScope
        >>> enum_hint(StrategyScope, "interne"), enum_hint(Audience, "Prospect")
        ('internal', 'prospects')
    """
    return _near_misses(cls).near(value)


def did_you_mean_value(cls: type[enum.StrEnum], value: str) -> str:
    """`` (did you mean 'x'?)`` for the value of ``cls`` that ``value`` means, or ``""``.

    :func:`enum_hint` first (another spelling, a synonym, a typo), then the closest value
    by :mod:`difflib`; every reader of enumerated values (model files, CSV folders) says
    it the same way.

    Example:
        >>> from estrategy.model import GroupKind
        >>> "unknown group kind 'projet'" + did_you_mean_value(GroupKind, "projet")
        "unknown group kind 'projet' (did you mean 'project'?)"
    """
    meant = meant_value(cls, value)
    return "" if meant is None else f" (did you mean {excerpt(meant)}?)"


def meant_value(cls: type[enum.StrEnum], value: str) -> str | None:
    """The value of ``cls`` that ``value`` means, or ``None``.

    :func:`enum_hint` first (another spelling, a synonym, a typo), then the closest value
    by :mod:`difflib`.

    Example:
        >>> from estrategy.model import GroupKind
        >>> meant_value(GroupKind, "projet"), meant_value(GroupKind, "zzz")
        ('project', None)
    """
    meant = enum_hint(cls, value)
    return suggestion(value, [str(m.value) for m in cls]) if meant is None else meant
