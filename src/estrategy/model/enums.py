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
    """Size class of a company (TPE, PME, ETI, GE in French usage).

    Attributes:
        MICRO: a very small company (TPE), fewer than ten people; efficiency matters
            more than agility.
        SMALL: a small company (the small end of a PME).
        MEDIUM: a medium-sized company (the upper end of a PME).
        MID_CAP: an intermediate-sized company (ETI), between a PME and a large group.
        LARGE: a large company (GE), which seeks agility across many units.
    """

    MICRO = "micro"
    SMALL = "small"
    MEDIUM = "medium"
    MID_CAP = "mid_cap"
    LARGE = "large"


class GroupKind(enum.StrEnum):
    """Kind of transversal group that crosses hierarchical lines.

    Attributes:
        PROJECT: a project group, with a precise objective and a deadline.
        COMMUNITY_OF_PRACTICE: people of one trade sharing practice across units.
        PRODUCT_DIRECTION: a direction organised around a product, across functions.
        MARKET_DIRECTION: a direction organised around a market, across functions.
        REGION_DIRECTION: a direction organised around a region, across functions.
        SUPPORT_FUNCTION: a support function serving every line (HR, IT, finance).
        ESN_COMMUNITY: a community of the enterprise social network.
    """

    PROJECT = "project"
    COMMUNITY_OF_PRACTICE = "community_of_practice"
    PRODUCT_DIRECTION = "product_direction"
    MARKET_DIRECTION = "market_direction"
    REGION_DIRECTION = "region_direction"
    SUPPORT_FUNCTION = "support_function"
    ESN_COMMUNITY = "esn_community"


class TieKind(enum.StrEnum):
    """Kind of tie between two people.

    Attributes:
        COLLABORATION: people who work together outside the hierarchy.
        ESN: people who exchange through the enterprise social network.
    """

    COLLABORATION = "collaboration"
    ESN = "esn"


class StrategyScope(enum.StrEnum):
    """The volet a strategy belongs to.

    Attributes:
        INTERNAL: the internal volet: how the company transforms itself (people,
            organisation, tools).
        EXTERNAL: the external volet: how the company addresses customers, prospects and partners.
    """

    INTERNAL = "internal"
    EXTERNAL = "external"


class StrategyStatus(enum.StrEnum):
    """Where a strategy stands in the choice among candidates.

    Attributes:
        CANDIDATE: considered, not yet decided.
        RETAINED: chosen: its tactics are carried out.
        REJECTED: considered and set aside, with its rationale.
    """

    CANDIDATE = "candidate"
    RETAINED = "retained"
    REJECTED = "rejected"


class TacticKind(enum.StrEnum):
    """Kind of tactic; its channel and presuppositions live in the tactic catalogue.

    Attributes:
        SOCIAL_SELLING: salespeople using social networks to find and engage prospects.
        CONTENT_MARKETING: publishing useful content that draws prospects in.
        SOCIAL_MEDIA_MARKETING: listening to and taking part in social networks.
        WEB_MARKETING: the website and its audience (search, traffic, conversion).
        EMAIL_MARKETING: newsletters and e-mail campaigns.
        MARKETING_AUTOMATION: automated, data-driven campaigns.
        ONLINE_ADVERTISING: paid advertising online.
        TRADITIONAL_ADVERTISING: press, poster, radio or television advertising.
        EVENTS: trade shows, fairs and other events.
        DIRECT_SALES: face-to-face or telephone selling.
        ENTERPRISE_SOCIAL_NETWORK: rolling out or animating the enterprise social network.
        TRANSVERSAL_STRUCTURE: creating groups that cross hierarchical lines.
        TRAINING: training people in new tools and practices.
        CHANGE_MANAGEMENT: informing, coaching and supporting people through change.
        CRM_DEPLOYMENT: deploying a CRM so that every contact is shared.
        PROCESS_DIGITALISATION: moving internal processes onto digital tools.
        DATA_ANALYTICS: collecting and analysing data to decide.
        PARTNERSHIP: alliances with partners, online or off.
        OTHER: any other tactic (no catalogue presupposition).
    """

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
    """Whom a tactic addresses.

    Attributes:
        CUSTOMERS: people and companies who already buy.
        PROSPECTS: people and companies who might buy.
        PARTNERS: partners and allies.
        SUPPLIERS: suppliers.
        EMPLOYEES: the company's own people (the internal volet).
    """

    CUSTOMERS = "customers"
    PROSPECTS = "prospects"
    PARTNERS = "partners"
    SUPPLIERS = "suppliers"
    EMPLOYEES = "employees"


class ActionStatus(enum.StrEnum):
    """Progress of an action.

    Attributes:
        PLANNED: not started yet.
        IN_PROGRESS: started, not finished.
        DONE: finished.
        DROPPED: abandoned; it no longer counts for its tactic.
    """

    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    DROPPED = "dropped"


class Direction(enum.StrEnum):
    """Which way a KPI should move.

    Attributes:
        INCREASE: higher values are better.
        DECREASE: lower values are better.
    """

    INCREASE = "increase"
    DECREASE = "decrease"


class ToolKind(enum.StrEnum):
    """Kind of digital tool.

    Attributes:
        CRM: customer relationship management: the shared memory of every contact.
        ERP: enterprise resource planning (orders, stock, accounting).
        ESN: enterprise social network.
        WEBSITE: the company's website.
        ESHOP: an online shop.
        SOCIAL_ACCOUNT: an account on a public social network.
        NEWSLETTER: a newsletter or e-mailing tool.
        MARKETING_AUTOMATION: a marketing automation platform.
        ANALYTICS: audience or data analytics.
        COLLABORATION: shared workspaces, chat, video meetings.
        DOCUMENT_MANAGEMENT: document management.
        OTHER: any other tool.
    """

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
    """Front tools face users (customers, staff); back tools serve them (CRM, ERP).

    Attributes:
        FRONT: faces users: customers, prospects or staff.
        BACK: serves the front tools (CRM, ERP, data).
    """

    FRONT = "front"
    BACK = "back"


class Licence(enum.StrEnum):
    """How a tool is licensed.

    Attributes:
        OPEN_SOURCE: open-source software.
        PROPRIETARY: proprietary software, installed and licensed.
        SAAS: software rented as a service.
    """

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
