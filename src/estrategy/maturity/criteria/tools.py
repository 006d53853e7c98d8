"""The criteria of the ``tools`` dimension: tools with a purpose, and data.

They check that every tool serves an action, that a CRM backs the customer-facing
tactics, that back-office tools serve the front ones, that digital makes the company
more efficient, that data is collected, analysed and followed over time, and that what is
deployed is adopted.
"""

from __future__ import annotations

from estrategy.base.messages import tr
from estrategy.maturity.criteria._scoring import pct, signals
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import Direction, StrategyModel, TacticKind, ToolKind, ToolSide
from estrategy.model.definitions import CUSTOMER_FACING_AUDIENCES, is_live

__all__ = ["CRITERIA"]


def _used_tools(model: StrategyModel) -> frozenset[str]:
    return frozenset(t for a in model.actions if is_live(a) for t in a.tools)


@declare("tools-with-purpose", title="Tools with a purpose")
def tools_with_purpose(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Every tool serves an action, not technology for its own sake (000: Ab-sens)."""
    used = _used_tools(model)
    return CriterionResult.share(
        {t.id: t.id in used for t in model.tools},
        met_fact=tr("tools used by actions"),
        unmet_fact=tr("tools no action uses"),
        empty=tr("no tool is recorded"),
    )


@declare("crm-backbone", title="A CRM behind customer-facing tactics")
def crm_backbone(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Tactics towards prospects and customers rest on a CRM that actions use (004, 000)."""
    facing = [t.id for t in model.tactics if t.audience in CUSTOMER_FACING_AUDIENCES]
    if not facing:
        return CriterionResult.not_applicable(tr("no tactic addresses prospects or customers"))
    crms = [t.id for t in model.tools if t.kind == ToolKind.CRM]
    if not crms:
        fact = tr("tactics address prospects or customers but there is no CRM")
        return CriterionResult(0, [Evidence(fact, facing, supports=False)])
    used = [t for t in crms if t in _used_tools(model)]
    if used:
        return CriterionResult(100, [Evidence(tr("a CRM used by actions"), used)])
    return CriterionResult(
        60,
        [
            Evidence(tr("a CRM exists"), crms),
            Evidence(tr("no action uses the CRM"), crms, supports=False),
        ],
    )


@declare("back-serves-front", title="Back office behind front tools")
def back_serves_front(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Front tools are served by a CRM, an ERP or analytics (001: the back office must follow)."""
    front = [t.id for t in model.tools if context.catalogue.tool_side(t) == ToolSide.FRONT]
    if not front:
        return CriterionResult.not_applicable(tr("no front tool"))
    # TEC003's setting: the criterion and the rule count the same tools as back office.
    kinds = frozenset(str(k) for k in context.setting("back_tool_kinds"))
    back = [t.id for t in model.tools if str(t.kind) in kinds]
    if back:
        return CriterionResult(100, [Evidence(tr("back-office tools serve the front tools"), back)])
    return CriterionResult(
        0, [Evidence(tr("front tools with no CRM, ERP or analytics behind"), front, supports=False)]
    )


@declare("efficiency", title="Digital for efficiency")
def efficiency(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Digital makes the company more efficient: processes, back office, time saved (002)."""
    facts = context.facts
    process = [
        t.id
        for t in model.tactics
        if t.kind in (TacticKind.PROCESS_DIGITALISATION, TacticKind.CRM_DEPLOYMENT)
        and facts.actions_of.get(t.id)
    ]
    saving = [k.id for k in model.kpis if k.direction == Direction.DECREASE and k.measurements]
    used = _used_tools(model)
    back = [
        t.id
        for t in model.tools
        if t.id in used
        and (
            context.catalogue.tool_side(t) == ToolSide.BACK
            or t.kind in (ToolKind.DOCUMENT_MANAGEMENT, ToolKind.COLLABORATION)
        )
    ]
    return signals(
        (tr("processes being digitalised"), tr("no process is being digitalised"), process),
        (
            tr("measured KPIs aiming at less time or cost"),
            tr("no measured KPI aims at less time or cost"),
            saving,
        ),
        (
            tr("back-office or collaboration tools in use"),
            tr("no back-office or collaboration tool is in use"),
            back,
        ),
    )


@declare("data-capability", title="Data capability")
def data_capability(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Data is collected, analysed and followed over time (004: the data scientist)."""
    analytics = [t.id for t in model.tools if t.kind == ToolKind.ANALYTICS] + [
        t.id for t in model.tactics if t.kind == TacticKind.DATA_ANALYTICS
    ]
    scientists = context.facts.holders.get("data_scientist", ())
    trends = [k.id for k in model.kpis if len({m.date for m in k.measurements}) >= 2]
    return signals(
        (
            tr("analytics tools or tactics"),
            tr("no analytics tool or data-analytics tactic"),
            analytics,
        ),
        (tr("internal data scientists"), tr("no internal data scientist"), scientists),
        (
            tr("KPIs followed over time (two measurements or more)"),
            tr("no KPI is followed over time"),
            trends,
        ),
    )


@declare("adoption", title="Adoption of what is deployed", delivery=True)
def adoption(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """What is deployed is used: the ESN reaches people, digital tactics deliver (003, 000).

    The mean of the adoption measures the model has: the share of internal people an
    enterprise social network reaches (when one is deployed), and the share of digital
    tactics, measured by a KPI with a planned line, whose KPIs are all on it.
    """
    facts = context.facts
    shares: list[float] = []
    evidence: list[Evidence] = []
    esn = [t.id for t in model.tools if t.kind == ToolKind.ESN]
    if esn and facts.internal_people:
        import estrategy.org as org

        reach = org.esn_reach(facts.org_tables)
        if reach.internal_people:
            shares.append(reach.share)
            fact = tr(
                "the ESN reaches {reached} of {people} people",
                reached=reach.reached,
                people=reach.internal_people,
            )
            evidence.append(Evidence(fact, esn, supports=reach.share >= 0.5))
    tolerance = float(context.setting("off_track_tolerance"))
    delivering: list[str] = []
    lagging: list[str] = []
    for tactic in sorted(facts.digital_tactics):
        tracked = [
            facts.tracks[k] for k in facts.kpis_of_tactic.get(tactic, ()) if k in facts.tracks
        ]
        if tracked:
            on = all(not t.off_track(tolerance) for t in tracked)
            (delivering if on else lagging).append(tactic)
    if delivering or lagging:
        shares.append(len(delivering) / (len(delivering) + len(lagging)))
        if delivering:
            evidence.append(Evidence(tr("digital tactics whose KPIs are on track"), delivering))
        if lagging:
            fact = tr("digital tactics whose KPIs are behind their planned line")
            evidence.append(Evidence(fact, lagging, supports=False))
    if not shares:
        return CriterionResult.not_applicable(
            tr("no ESN is deployed and no digital tactic is measured against a planned line")
        )
    return CriterionResult(pct(sum(shares), len(shares)), evidence)


CRITERIA: tuple[Criterion, ...] = (
    tools_with_purpose,
    crm_backbone,
    back_serves_front,
    efficiency,
    data_capability,
    adoption,
)
"""The tools criteria, in the order the default maturity model lists them."""
