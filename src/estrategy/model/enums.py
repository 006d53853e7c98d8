"""Enumerations of the domain model.

Every enumeration is an :class:`enum.StrEnum` so that model files read naturally
(``kind: content_marketing``) and values compare equal to their strings.
"""

from __future__ import annotations

import enum

__all__ = [
    "ActionStatus",
    "Audience",
    "Channel",
    "Direction",
    "GroupKind",
    "Licence",
    "OrganizationSize",
    "RoleKind",
    "StrategyScope",
    "StrategyStatus",
    "TacticKind",
    "TieKind",
    "ToolKind",
    "ToolSide",
]


class OrganizationSize(enum.StrEnum):
    """Size class of a company (TPE, PME, ETI, GE in French usage)."""

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    MID_CAP = "mid_cap"
    LARGE = "large"


class GroupKind(enum.StrEnum):
    """Kind of transversal group that crosses hierarchical lines."""

    PROJECT = "project"
    COMMUNITY_OF_PRACTICE = "community_of_practice"
    PRODUCT_DIRECTION = "product_direction"
    MARKET_DIRECTION = "market_direction"
    REGION_DIRECTION = "region_direction"
    SUPPORT_FUNCTION = "support_function"
    ESN_COMMUNITY = "esn_community"


class TieKind(enum.StrEnum):
    """Kind of tie between two people."""

    COLLABORATION = "collaboration"
    ESN = "esn"


class StrategyScope(enum.StrEnum):
    """The volet a strategy belongs to."""

    INTERNAL = "internal"
    EXTERNAL = "external"


class StrategyStatus(enum.StrEnum):
    """Where a strategy stands in the choice among candidates."""

    CANDIDATE = "candidate"
    RETAINED = "retained"
    REJECTED = "rejected"


class TacticKind(enum.StrEnum):
    """Kind of tactic; its channel and presuppositions live in the tactic catalogue."""

    SOCIAL_SELLING = "social_selling"
    CONTENT_MARKETING = "content_marketing"
    SOCIAL_MEDIA_MARKETING = "social_media_marketing"
    WEB_MARKETING = "web_marketing"
    EMAIL_MARKETING = "email_marketing"
    MARKETING_AUTOMATION = "marketing_automation"
    ONLINE_ADVERTISING = "online_advertising"
    TRADITIONAL_ADVERTISING = "traditional_advertising"
    EVENTS = "events"
    DIRECT_SALES = "direct_sales"
    ENTERPRISE_SOCIAL_NETWORK = "enterprise_social_network"
    TRANSVERSAL_STRUCTURE = "transversal_structure"
    TRAINING = "training"
    CHANGE_MANAGEMENT = "change_management"
    CRM_DEPLOYMENT = "crm_deployment"
    PROCESS_DIGITALISATION = "process_digitalisation"
    DATA_ANALYTICS = "data_analytics"
    PARTNERSHIP = "partnership"
    OTHER = "other"


class Channel(enum.StrEnum):
    """The channel a tactic works through."""

    DIGITAL = "digital"
    TRADITIONAL = "traditional"
    INTERNAL = "internal"


class Audience(enum.StrEnum):
    """Whom a tactic addresses."""

    CUSTOMERS = "customers"
    PROSPECTS = "prospects"
    PARTNERS = "partners"
    SUPPLIERS = "suppliers"
    EMPLOYEES = "employees"


class ActionStatus(enum.StrEnum):
    """Progress of an action."""

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Direction(enum.StrEnum):
    """Which way a KPI should move."""

    INCREASE = "increase"
    DECREASE = "decrease"


class ToolKind(enum.StrEnum):
    """Kind of digital tool."""

    CRM = "crm"
    ERP = "erp"
    ESN = "esn"
    WEBSITE = "website"
    ESHOP = "eshop"
    SOCIAL_ACCOUNT = "social_account"
    NEWSLETTER = "newsletter"
    MARKETING_AUTOMATION = "marketing_automation"
    ANALYTICS = "analytics"
    COLLABORATION = "collaboration"
    DOCUMENT_MANAGEMENT = "document_management"
    OTHER = "other"


class ToolSide(enum.StrEnum):
    """Front tools face users (customers, staff); back tools serve them (CRM, ERP)."""

    FRONT = "front"
    BACK = "back"


class Licence(enum.StrEnum):
    """How a tool is licensed."""

    OPEN_SOURCE = "open_source"
    PROPRIETARY = "proprietary"
    SAAS = "saas"


class RoleKind(enum.StrEnum):
    """Roles the library knows; people may also hold custom roles (any slug)."""

    COMMUNITY_MANAGER = "community_manager"
    DATA_SCIENTIST = "data_scientist"
    DIGITAL_LEAD = "digital_lead"
    EXTERNAL_EXPERT = "external_expert"
    SALES = "sales"
    MARKETING = "marketing"
    EXECUTIVE = "executive"
    HR = "hr"
    IT = "it"
