"""Every sentence of the client report's own chrome, in one place.

The report's headings, labels, explanations and glossary live in :data:`TEXTS` and only
there; pages ask for them by key through :meth:`estrategy.report.client.voice.Voice.say`,
the one function that renders them. Texts that come from elsewhere (a rule's *why* and
*how to fix*, a finding's message, a maturity evidence line) are rendered by the modules
that own them.

An entry is a template with named placeholders (``{count}``, ``{name}``), so that a
translation can reorder them, or a pair ``(singular, plural)`` chosen by ``count``.

Example:
    >>> TEXTS["gaps.title"]
    'Coherence gaps'
    >>> TEXTS["count.findings"]
    ('{count} gap', '{count} gaps')
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["TEXTS", "Text"]

Text = str | tuple[str, str]
"""A template, or a ``(singular, plural)`` pair of templates chosen by ``count``."""

_EN: dict[str, Text] = {
    # The cover and the whole document
    "doc.title": "Digital strategy review",
    "doc.progress_title": "Digital strategy progress review",
    "cover.as_of": "Situation as of {date}",
    "cover.prepared_by": "Prepared by {author}",
    "cover.confidential": "Confidential: prepared for {company}",
    "cover.contents": "Contents",
    "cover.period": "From {before} to {after}",
    "charts.missing": (
        "Charts are left out: they need matplotlib (pip install 'estrategy[plot]')."
    ),
    # Executive summary
    "summary.title": "Executive summary",
    "summary.maturity": "Digital maturity",
    "summary.quadrant": "Position",
    "summary.gaps": "Coherence gaps",
    "summary.level": "Level {level} of 5: {name}",
    "summary.score": "{score}/100",
    "summary.messages": "Key messages",
    "summary.recommendations": "Prioritised recommendations",
    "summary.recommendations_intro": (
        "In this order: each one names the elements of the plan it concerns and points to "
        "the detailed gap further on."
    ),
    "summary.no_recommendation": "The plan shows no gap to fix: keep measuring and reviewing.",
    "rank.1": "First",
    "rank.2": "Second",
    "rank.3": "Third",
    "rank.4": "Fourth",
    "rank.5": "Fifth",
    "recommendation.concerns": "Concerns",
    "recommendation.strengthen": "Strengthen {dimension} ({score}/100)",
    "recommendation.see": "See the detail",
    "message.maturity": (
        "Digital maturity stands at level {level} of 5 ({name}), {score}/100; {quadrant_sentence}"
    ),
    "message.gaps": (
        "{count} coherence gap to address: {detail}.",
        "{count} coherence gaps to address: {detail}.",
    ),
    "message.no_gap": "No coherence gap: the plan holds together from objectives to actions.",
    "message.balance": (
        "Strongest dimension: {strongest} ({strong_score}/100); weakest: {weakest} "
        "({weak_score}/100)."
    ),
    "message.overdue": (
        "{count} action is overdue: {actions}.",
        "{count} actions are overdue: {actions}.",
    ),
    "message.off_track": (
        "{count} indicator is behind its planned line: {kpis}.",
        "{count} indicators are behind their planned line: {kpis}.",
    ),
    "message.on_track": "Every measured indicator is on or ahead of its planned line.",
    "message.silos": (
        "{count} hierarchical line works in a silo: {lines}.",
        "{count} hierarchical lines work in silos: {lines}.",
    ),
    "message.budget": (
        "Budget: {total} on {count} funded tactic.",
        "Budget: {total} on {count} funded tactics.",
    ),
    "message.unfunded": (
        "{count} tactic has no budget at all.",
        "{count} tactics have no budget at all.",
    ),
    # Severity as a client understands it
    "severity.error": "Critical",
    "severity.warning": "Important",
    "severity.info": "Minor",
    "severity.error.meaning": "breaks the chain from objectives to actions: fix first",
    "severity.warning.meaning": "weakens the plan: fix before the next review",
    "severity.info.meaning": "worth a look when the rest is done",
    "count.critical": ("{count} critical", "{count} critical"),
    "count.important": ("{count} important", "{count} important"),
    "count.minor": ("{count} minor", "{count} minor"),
    "count.findings": ("{count} gap", "{count} gaps"),
    "count.more": ("and {count} more", "and {count} more"),
    "count.people": ("{count} person", "{count} people"),
    # Coherence gaps
    "gaps.title": "Coherence gaps",
    "gaps.intro": (
        "Each gap below is a place where the plan does not hold together: an element of the "
        "strategy that no other element carries, measures or staffs. They are grouped by "
        "theme; within a theme the most serious come first."
    ),
    "gaps.legend": "How serious",
    "gaps.none": "No coherence gap was found.",
    "gaps.clean_themes": "No gap in: {themes}.",
    "gaps.what": "What is wrong",
    "gaps.why": "Why it matters",
    "gaps.fix": "What to do",
    "gaps.concerned": "Concerned",
    "gaps.element": "Element",
    "gaps.model_wide": "the plan as a whole",
    "theme.strategy": "Strategy",
    "theme.execution": "Execution",
    "theme.measurement": "Measurement and reviews",
    "theme.people": "People and skills",
    "theme.tools": "Tools",
    "theme.channels": "Channels",
    "theme.organisation": "Organisation",
    "theme.other": "Other rules",
    "theme.strategy.about": "From business stakes to objectives, strategies and tactics.",
    "theme.execution.about": "Concrete actions, their means, owners and deadlines.",
    "theme.measurement.about": "Indicators, their measurements and the reviews that use them.",
    "theme.people.about": "Roles and competences the plan relies on.",
    "theme.tools.about": "Digital tools and what they serve.",
    "theme.channels.about": "How digital and traditional means work together.",
    "theme.organisation.about": "How information and cooperation cross the hierarchy.",
    "theme.other.about": "Rules added for this engagement.",
    # Maturity
    "maturity.title": "Digital maturity",
    "maturity.intro": (
        "Maturity is scored from what the plan and the organisation show, dimension by "
        "dimension, on five levels. The quadrant sets how much digital is deployed against "
        "how well the transformation is managed."
    ),
    "maturity.overall": "Overall: level {level} of 5 ({name}), {score}/100.",
    "maturity.capped": (
        "Results hold the score down: the dimensions average {mean}/100, but the weakest "
        "result, {result} ({score}/100), allows at most {ceiling}."
    ),
    "maturity.spread": (
        "The gap between the strongest and the weakest dimension is {spread} points."
    ),
    "maturity.chart_alt": (
        "Radar of the {count} maturity dimensions, scored 0 to 100, and the quadrant "
        "placing the company as {quadrant}: digital intensity {digital}, management "
        "intensity {management}."
    ),
    "maturity.chart_caption": (
        "Left: score of each dimension (0 at the centre, 100 at the edge). Right: digital "
        "intensity against management of the transformation; the lines are at {digital} "
        "and {management}."
    ),
    "maturity.digital_axis": "Digital intensity",
    "maturity.management_axis": "Management of the transformation",
    "maturity.dimension": "Dimension",
    "maturity.level": "Level",
    "maturity.score": "Score",
    "maturity.for": "What counts for",
    "maturity.against": "What counts against",
    "maturity.nothing": "nothing recorded",
    "maturity.not_assessed": "not assessed",
    "maturity.steps": "The eight steps of the method",
    "maturity.steps_intro": (
        "The method goes from understanding the new rules to learning from the field. A "
        "step is evidenced when the plan shows it, partial when it shows some of it."
    ),
    "maturity.jumped": "Steps jumped over: later steps were taken before these: {steps}.",
    "maturity.step": "Step",
    "maturity.status": "Status",
    "maturity.elements": "Elements concerned",
    "step.evidenced": "Evidenced",
    "step.partial": "Partial",
    "step.missing": "Missing",
    "level.1": "initial",
    "level.2": "emerging",
    "level.3": "defined",
    "level.4": "integrated",
    "level.5": "optimising",
    "quadrant.beginner": "Beginner",
    "quadrant.fashionista": "Fashionista",
    "quadrant.conservative": "Conservative",
    "quadrant.digirati": "Digirati",
    "quadrant.beginner.sentence": (
        "little digital is deployed and the transformation is little managed yet: the "
        "starting point, where the plan should come before the tools."
    ),
    "quadrant.fashionista.sentence": (
        "digital tools are deployed without the strategy, governance and skills that give "
        "them meaning: technology for its own sake."
    ),
    "quadrant.conservative.sentence": (
        "the transformation is well managed but deploys little digital yet: prudent, at "
        "the risk of moving slowly."
    ),
    "quadrant.digirati.sentence": (
        "digital is deployed and steered with purpose: keep the balance and keep measuring."
    ),
    # KPI trajectories
    "kpis.title": "Indicators against their planned line",
    "kpis.intro": (
        "For each indicator, the planned line runs from its first measurement to its target "
        "at its objective's deadline; the measurements are drawn against it."
    ),
    "kpis.none": "The plan has no indicator.",
    "kpis.chart_alt": (
        "{kpi}: measurements from {first} to {latest} against the planned line to {target} "
        "by {deadline}."
    ),
    "kpis.latest": "Latest: {value} on {date}; planned by then: {planned}.",
    "kpis.target": "Target: {target} by {deadline}.",
    "kpis.on_track": "On track",
    "kpis.off_track": "Off track",
    "kpis.planned": "planned line",
    "kpis.measured": "measured",
    "kpis.target_point": "target",
    "kpis.not_charted": "Indicators that cannot be drawn",
    "kpis.indicator": "Indicator",
    "kpis.objective": "Objective",
    "kpis.why_not": "Missing",
    "kpis.no_measurement": "no measurement",
    "kpis.no_target": "no target",
    "kpis.no_deadline": "no objective with a deadline",
    # Budget
    "budget.title": "Budget",
    "budget.intro": (
        "The budget is the sum of the actions' budgets (dropped actions left out), in {currency}."
    ),
    "budget.total": "Total: {total}.",
    "budget.none": "No action of the plan has a budget.",
    "budget.by_strategy": "By strategy",
    "budget.by_channel": "By channel",
    "budget.by_tactic": "By tactic",
    "budget.strategy": "Strategy",
    "budget.tactic": "Tactic",
    "budget.channel": "Channel",
    "budget.amount": "Amount",
    "budget.share": "Share",
    "budget.unfunded": "Actions without a budget",
    "budget.no_strategy": "no strategy",
    "budget.chart_alt": "Budget by tactic, bars coloured and patterned by channel: {detail}.",
    "budget.concentration": (
        "Concentration: a normalised Herfindahl index of {hhi} over {count} funded tactics "
        "({meaning})."
    ),
    "budget.concentrated": "the money goes to a few of them",
    "budget.shared": "the money is shared among them, some getting more",
    "budget.spread": "the money is spread thin, none getting much more than another",
    "budget.atomised": "The budget is atomised",
    "channel.digital": "Digital",
    "channel.traditional": "Traditional",
    "channel.internal": "Internal",
    # Roadmap
    "roadmap.title": "Roadmap",
    "roadmap.intro": (
        "The plan's actions by deadline. An action is overdue when its deadline has passed "
        "and it is neither done nor dropped."
    ),
    "roadmap.none": "The plan has no action.",
    "roadmap.chart_alt": (
        "Timeline of {count} actions by deadline, from {first} to {last}; {overdue} overdue."
    ),
    "roadmap.deadline": "Deadline",
    "roadmap.action": "Action",
    "roadmap.tactic": "Tactic",
    "roadmap.responsible": "Responsible",
    "roadmap.status": "Status",
    "roadmap.no_deadline": "no deadline",
    "roadmap.nobody": "nobody",
    "roadmap.as_of": "as of",
    "roadmap.overdue": "Overdue",
    "roadmap.more": (
        "The chart shows the {shown} actions nearest to the as-of date; the table lists "
        "all {count}."
    ),
    "status.planned": "Planned",
    "status.in_progress": "In progress",
    "status.done": "Done",
    "status.dropped": "Dropped",
    # Organisation
    "org.title": "Organisation",
    "org.intro": (
        "The picture shows the hierarchical lines (the subtrees directly under the top of "
        "the organisation), sized by headcount, and what links them: transversal groups "
        "and working ties. A line with no link is a silo."
    ),
    "org.fig_people": "People",
    "org.fig_lines": "Hierarchical lines",
    "org.fig_groups": "Transversal groups",
    "org.fig_ties": "Working ties",
    "org.fig_joined": "Pairs of lines joined",
    "org.chart_alt": (
        "Network of the {count} hierarchical lines, sized by headcount, linked by groups "
        "and ties; silos: {silos}."
    ),
    "org.line": "Line",
    "org.headcount": "People",
    "org.ties_inside": "Ties inside",
    "org.ties_out": "Ties to other lines",
    "org.ei": "E-I index",
    "org.linked_to": "Linked to",
    "org.silo": "silo",
    "org.other_lines": "{count} other lines",
    "org.all_lines": "every other line",
    "org.link_groups": ("{count} group", "{count} groups"),
    "org.link_ties": ("{count} tie", "{count} ties"),
    "org.upward": "Field roles and decision makers",
    "org.upward_intro": (
        "Field roles (community managers, data scientists, sales) should be at most {hops} "
        "steps from a decision maker, so that what they learn reaches a decision."
    ),
    "org.upward_ok": "Every field role is within {hops} steps of a decision maker.",
    "org.person": "Person",
    "org.roles": "Roles",
    "org.steps": "Steps to a decision maker",
    "org.unreachable": "none reachable",
    "org.isolates": "People with no tie and no group: {count} ({share}).",
    "org.isolates_none": "Everybody has a tie or a group.",
    "org.none": "The plan describes no organisation.",
    "org.single_line": "The organisation has a single hierarchical line: nothing to join.",
    # Appendix
    "appendix.title": "Appendix",
    "appendix.method": "Method",
    "appendix.method_intro": (
        "The review follows the eight-step method of the source articles, checks the plan "
        "against the rules below, and scores maturity from the evidence the plan gives."
    ),
    "appendix.rules": "Rules that found a gap",
    "appendix.rule": "Rule",
    "appendix.checks": "What it checks",
    "appendix.glossary": "Glossary",
    "appendix.positions": "Where each gap is in the model file",
    "appendix.positions_intro": "For the author of the model file: where to make each change.",
    "appendix.code": "Code",
    "appendix.place": "Place",
    "appendix.more_positions": "{count} more: run estrategy check on the file for the full list.",
    "glossary.line.term": "Hierarchical line",
    "glossary.line": (
        "A subtree of the organisation directly under its top: a division or a department "
        "with everybody under it."
    ),
    "glossary.silo.term": "Silo",
    "glossary.silo": (
        "A hierarchical line with no transversal group and no working tie with any other "
        "line: what it knows stays inside."
    ),
    "glossary.transversal.term": "Transversal group",
    "glossary.transversal": (
        "A project group, community of practice or product, market or region direction "
        "that gathers people from several lines."
    ),
    "glossary.ei.term": "E-I index",
    "glossary.ei": (
        "For one line: ties to other lines minus ties inside, over all its ties. From -1 "
        "(every tie stays inside: a closed line) to +1 (every tie goes out)."
    ),
    "glossary.hhi.term": "Herfindahl index (normalised)",
    "glossary.hhi": (
        "How concentrated the budget is over the funded tactics: 0 when they share it "
        "equally, 1 when one takes everything, whatever their number. Low means spread thin."
    ),
    "glossary.smart.term": "SMART objective",
    "glossary.smart": (
        "Specific, measurable (a metric and a target), achievable (a real change), relevant "
        "(it serves a business stake) and time-bound (a deadline)."
    ),
    "glossary.volet.term": "Internal and external volets",
    "glossary.volet": (
        "The two parts of a digital strategy: towards customers and partners (external) "
        "and within the company (internal). They differ in means and share objectives."
    ),
    "glossary.planned.term": "Planned line",
    "glossary.planned": (
        "The straight line from an indicator's first measurement to its target at its "
        "objective's deadline; an indicator is off track when it falls behind it."
    ),
    "glossary.step.term": "Step (between two people)",
    "glossary.step": (
        "A manager link, a supervision, a working tie or a shared group. Fewer steps mean "
        "field information reaches a decision faster."
    ),
    "glossary.quadrant.term": "Quadrant",
    "glossary.quadrant": (
        "Beginner (little digital, little management), fashionista (digital without "
        "meaning), conservative (managed, little digital), digirati (both)."
    ),
    "glossary.esn.term": "Enterprise social network (ESN)",
    "glossary.esn": "The internal network where employees share and find each other's knowledge.",
    "glossary.levels.term": "Maturity levels",
    "glossary.levels": "1 initial, 2 emerging, 3 defined, 4 integrated, 5 optimising.",
    # Progress report
    "progress.summary": "What moved",
    "progress.maturity": "Maturity, before and after",
    "progress.overall": (
        "Overall maturity went from {before} to {after} ({delta} points), level {level_before} "
        "to {level_after}; position {quadrant_before} to {quadrant_after}."
    ),
    "progress.chart_alt": (
        "Radar of the dimensions before and after, and the move on the quadrant from "
        "{before} to {after}."
    ),
    "progress.overall_same": (
        "Overall maturity stayed at {after}, level {level_after}; position {quadrant_after}."
    ),
    "progress.target": "Target",
    "progress.before": "Before",
    "progress.after": "After",
    "progress.change": "Change",
    "progress.steps": "Steps of the method that changed",
    "progress.no_step_change": "No step of the method changed status.",
    "progress.gaps": "Gaps resolved and new",
    "progress.resolved": (
        "{count} gap resolved",
        "{count} gaps resolved",
    ),
    "progress.new": ("{count} new gap", "{count} new gaps"),
    "progress.remaining": ("{count} gap remains", "{count} gaps remain"),
    "progress.resolved_title": "Resolved",
    "progress.new_title": "New",
    "progress.none_resolved": "No gap was resolved.",
    "progress.none_new": "No new gap.",
    "progress.kpis": "Indicators",
    "progress.kpi_moved": "Movement",
    "progress.towards": "towards the target",
    "progress.away": "away from the target",
    "progress.still": "no change",
    "progress.actions": "Actions",
    "progress.completed": ("{count} action completed", "{count} actions completed"),
    "progress.completed_title": "Completed",
    "progress.new_actions": "Added",
    "progress.dropped": "Dropped",
    "progress.newly_overdue": "Now overdue",
}

TEXTS: Mapping[str, Text] = MappingProxyType(_EN)
"""Key → English template (or ``(singular, plural)`` pair) of every chrome text."""
