"""The criteria of the ``organisation`` dimension: transversality and the flow of information.

They check that hierarchical lines are joined by transversal groups or ties, that groups
genuinely cross lines, that field roles reach a decision maker quickly, and that an
enterprise social network connects most people.
"""

from __future__ import annotations

from estrategy.base.formats import Number
from estrategy.base.messages import Message, tr
from estrategy.maturity.criteria._scoring import pct
from estrategy.maturity.criterion import Criterion, CriterionContext, CriterionResult, Evidence
from estrategy.maturity.criterion import criterion as declare
from estrategy.model import GroupKind, StrategyModel, ToolKind

__all__ = ["CRITERIA"]

# The organisation criteria read estrategy.org's analyses on the arrays ModelFacts builds
# once per assessment; estrategy.org (numpy, scipy) is imported when they first run.


@declare("transversality", title="Transversality between lines")
def transversality(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Hierarchical lines are joined by transversal groups or ties (004)."""
    import estrategy.org as org

    facts = context.facts
    joined = org.transversality(facts.org_tables, lines=facts.org_lines)
    if joined.share is None:
        return CriterionResult.not_applicable(tr("fewer than two hierarchical lines"))
    target = context.threshold("transversality_target", 0.5)
    linked = {h for link in joined.links for h in (link.a, link.b)}
    silos = org.silos(facts.org_tables, lines=facts.org_lines, joined=joined).lines
    fact = tr(
        "{joined} of {possible} pairs of lines are joined",
        joined=len(joined.links),
        possible=joined.possible_pairs,
    )
    evidence = [Evidence(fact, linked)]
    if silos:
        evidence.append(Evidence(tr("lines with no transversal link"), silos, supports=False))
    return CriterionResult(min(100.0, pct(joined.share, target)), evidence)


def _group_problems(group: str, problems: list[Message]) -> Message:
    if len(problems) == 1:
        return tr("{group} {problem}", group=group, problem=problems[0])
    return tr("{group} {first} and {second}", group=group, first=problems[0], second=problems[1])


@declare("genuine-groups", title="Genuine transversal groups")
def genuine_groups(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Groups span several lines; project groups have an objective and a deadline (004)."""
    import estrategy.org as org

    facts = context.facts
    spans = org.group_transversality(facts.org_tables, lines=facts.org_lines)
    several = spans.n_lines >= 2
    met, unmet, evidence = [], [], []
    # spans come in the order of the model's groups; a group with no member in a line
    # spans fewer than two lines too
    pairs = zip(model.organization.groups, spans.groups, strict=True)
    for group, span in sorted(pairs, key=lambda pair: pair[0].id):
        problems: list[Message] = []
        if several and len(span.lines) < 2:
            problems.append(tr("spans one line only"))
        if group.kind == GroupKind.PROJECT and (not group.objective or group.deadline is None):
            problems.append(tr("has no objective or no deadline"))
        if problems:
            unmet.append(group.id)
            evidence.append(
                Evidence(_group_problems(group.id, problems), [group.id], supports=False)
            )
        else:
            met.append(group.id)
    if not met and not unmet:
        return CriterionResult.not_applicable(tr("no transversal group"))
    if met:
        evidence.insert(0, Evidence(tr("groups that genuinely cross lines"), met))
    return CriterionResult(pct(len(met), len(met) + len(unmet)), evidence)


@declare("upward-paths", title="Field information flows up")
def upward_paths(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """Community managers, data scientists and sales reach a decision maker quickly (004)."""
    import estrategy.org as org

    # ORG004's setting, when configured, wins over the maturity model's threshold.
    hops = context.threshold("upward_hops", 3, setting="upward_hops")
    reach = org.upward_reach(context.facts.org_tables, roles=org.FIELD_ROLES)
    return CriterionResult.share(
        {h.person: h.steps is not None and h.steps <= hops for h in reach.holders},
        met_fact=tr("field roles within {hops} steps of a decision maker", hops=Number(hops)),
        unmet_fact=tr(
            "field roles more than {hops} steps from any decision maker", hops=Number(hops)
        ),
        empty=tr("nobody internal holds a field role (community manager, data scientist, sales)"),
    )


@declare("esn-reach", title="Enterprise social network reach")
def esn_reach(model: StrategyModel, context: CriterionContext) -> CriterionResult:
    """An enterprise social network connects most people (004: the ESN as main tool)."""
    import estrategy.org as org

    reach = org.esn_reach(context.facts.org_tables)
    if reach.internal_people == 0:
        return CriterionResult.not_applicable(tr("nobody is recorded in the organisation"))
    esn = [t.id for t in model.tools if t.kind == ToolKind.ESN]
    if not esn:
        return CriterionResult(
            0, [Evidence(tr("no enterprise social network is deployed"), supports=False)]
        )
    target = context.threshold("esn_reach_target", 0.6)
    fact = tr(
        "the ESN reaches {reached} of {people} people",
        reached=reach.reached,
        people=reach.internal_people,
    )
    evidence = [Evidence(fact, esn)]
    unreached = org.esn_unreached(context.facts.org_tables)
    if unreached:
        fact = tr("people with no ESN tie and in no ESN community")
        evidence.append(Evidence(fact, unreached, supports=False))
    return CriterionResult(min(100.0, pct(reach.share, target)), evidence)


CRITERIA: tuple[Criterion, ...] = (
    transversality,
    genuine_groups,
    upward_paths,
    esn_reach,
)
"""The organisation criteria, in the order the default maturity model lists them."""
