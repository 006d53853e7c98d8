"""TEC rules: tools, and whether they serve the strategy and each other."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

from estrategy.base.formats import Series
from estrategy.base.messages import Message, as_message, ntr, tr
from estrategy.model import (
    BACK_OFFICE_TOOL_KINDS,
    CUSTOMER_FACING_AUDIENCES,
    EXTERNAL_AUDIENCES,
    Audience,
    Tool,
    ToolKind,
    ToolSide,
)
from estrategy.model.labels import label
from estrategy.rules._engine import RuleContext, Violation, for_each, rule
from estrategy.rules._index import model_index, tool

__all__ = ["front_without_back", "no_crm", "tool_without_purpose", "uncoordinated_contacts"]


def _and(items: list[str]) -> Message:
    if len(items) == 1:
        return as_message(items[0])
    return tr("{items} and {last}", items=", ".join(items[:-1]), last=items[-1])


@rule("TEC001", "tool-without-purpose", "info")
@for_each("tools")
def tool_without_purpose(context: RuleContext, item: Tool) -> Message | None:
    """A tool is used by no action.

    What it checks:
        Every tool that no action, dropped ones left out, lists in its ``tools``.

    Why it matters:
        *2017 : pour avancer, il faudra encore de l'E-Sens* opposes meaning ("E-Sens") to
        "Ab-sens": technology chosen for itself, with no strategy and no user need behind
        it. A tool no action uses is exactly that.

    How to fix:
        Add the tool to the actions that use it, or retire it.
    """
    if not model_index(context).actions_of_tool.get(item.id):
        return tr("tool {tool} is used by no action", tool=item.id)
    return None


@rule("TEC002", "no-crm", "error")
def no_crm(context: RuleContext) -> Iterator[Violation]:
    """Tactics address prospects or customers but the model has no CRM.

    What it checks:
        Some tactic has the audience ``prospects`` or ``customers``, and no tool is of kind
        ``crm``.

    Why it matters:
        *Stratégie digitale interne et externe* holds that the external volet needs a CRM:
        what the networks and the field teach about customers must be kept and shared.
        Without one, every contact starts from nothing.

    How to fix:
        Add the CRM the company uses (a tool of kind ``crm``), or plan its deployment
        (a ``crm_deployment`` tactic and the tool).
    """
    tactics = context.model.tactics
    facing = [i for i, t in enumerate(tactics) if t.audience in CUSTOMER_FACING_AUDIENCES]
    if facing and not any(t.kind == ToolKind.CRM for t in context.model.tools):
        yield Violation(
            ntr(
                "{n} tactic addresses prospects or customers but the model has no CRM",
                "{n} tactics address prospects or customers but the model has no CRM",
                len(facing),
            ),
            [],
            ["tools"],
        )


@rule(
    "TEC003",
    "front-without-back",
    "warning",
    settings={"back_tool_kinds": BACK_OFFICE_TOOL_KINDS},
)
def front_without_back(context: RuleContext) -> Iterator[Violation]:
    """Front tools exist with no back-office tool behind them.

    What it checks:
        Some tool sits on the ``front`` side (its own ``side``, else its kind's usual side
        in the catalogue), and no tool is of a kind in ``back_tool_kinds`` (default
        ``crm``, ``erp`` and ``analytics``).

    Why it matters:
        *Entreprises traditionnelles : De l'ombre à la lumière digitale* distinguishes
        haste from speed: a website, a shop or social accounts bring contacts and orders
        that the back office (CRM, ERP, analytics) must be able to follow, or the front
        promises what the company cannot deliver.

    How to fix:
        Add (or record) the back-office tool that serves the front tools.
    """
    back_kinds = {str(k) for k in context.settings["back_tool_kinds"]}
    tools = context.model.tools
    front = [t.id for t in tools if context.catalogue.tool_side(t) == ToolSide.FRONT]
    if front and not any(str(t.kind) in back_kinds for t in tools):
        yield Violation(
            tr(
                "front tools ({tools}) have no {kinds} tool behind them",
                tools=Series(sorted(front), limit=5),
                kinds=sorted(back_kinds),
            ),
            [],
            ["tools"],
        )


@rule("TEC004", "uncoordinated-contacts", "warning")
def uncoordinated_contacts(context: RuleContext) -> Iterator[Violation]:
    """Several units address the same external audience without a shared CRM.

    What it checks:
        For each external audience (every audience but ``employees``): when two or more
        units (the tactics' ``owner_unit``) run tactics towards it, every such unit that
        has no action (not dropped), in a tactic it runs for that audience, using a tool of
        kind ``crm``.
        One finding per audience; its subjects are the audience, then the units without a
        CRM.

    Why it matters:
        *2017 : pour avancer, il faudra encore de l'E-Sens* tells of a company that
        deployed a CRM, yet whose sales people and customer service kept calling the same
        prospect, each unaware of the other: contacts from several units must go through a
        shared record.

    How to fix:
        Have each unit's actions towards that audience use the shared CRM (add it to their
        ``tools``), or give the audience to one unit.
    """
    model = context.model
    index = model_index(context)
    units: dict[Audience, dict[str, int]] = defaultdict(dict)  # unit -> first tactic index
    with_crm: dict[Audience, set[str]] = defaultdict(set)
    for i, tactic in enumerate(model.tactics):
        if tactic.audience not in EXTERNAL_AUDIENCES:
            continue
        if tactic.owner_unit is None:
            continue
        units[tactic.audience].setdefault(tactic.owner_unit, i)
        for a in index.actions_of_tactic.get(tactic.id, ()):
            if any(
                (found := tool(context, t)) is not None and found.kind == ToolKind.CRM
                for t in model.actions[a].tools
            ):
                with_crm[tactic.audience].add(tactic.owner_unit)
                break
    for audience in sorted(units):
        owners = units[audience]
        if len(owners) < 2:
            continue
        lacking = sorted(u for u in owners if u not in with_crm[audience])
        if lacking:
            values = {
                "units": _and(sorted(owners)),
                "audience": label(audience),
                "lacking": _and(lacking),
            }
            if len(owners) == 2:
                message = ntr(
                    "units {units} both address {audience}; {lacking} has no action towards "
                    "them that uses a CRM",
                    "units {units} both address {audience}; {lacking} have no action towards "
                    "them that uses a CRM",
                    len(lacking),
                    **values,
                )
            else:
                message = ntr(
                    "units {units} all address {audience}; {lacking} has no action towards "
                    "them that uses a CRM",
                    "units {units} all address {audience}; {lacking} have no action towards "
                    "them that uses a CRM",
                    len(lacking),
                    **values,
                )
            yield Violation(
                message,
                [str(audience), *lacking],
                ["tactics", min(owners[u] for u in lacking)],
            )
