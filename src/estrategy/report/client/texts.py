"""Every sentence of the client report's own chrome, in one place.

The report's headings, labels, explanations and glossary live in :data:`TEXTS` and only
there; pages ask for them by key through :meth:`estrategy.report.client.voice.Voice.say`,
the one function that renders them, in the reader's language. Texts that come from
elsewhere (a rule's *why* and *how to fix*, a finding's message, a maturity evidence line,
the names of dimensions and steps) are translated by the modules that own them.

Each entry is marked for the catalogue (``docs/languages.md``): a template with named
placeholders (``{count}``, ``{name}``) marked with ``N_``, or a plural built with ``ntr``
whose forms are chosen by ``count`` when the text is rendered. The French lives in the
package's catalogue (``estrategy/locale/fr/LC_MESSAGES/estrategy.po``).

Example:
    >>> TEXTS["gaps.title"]
    'Coherence gaps'
    >>> TEXTS["count.findings"].plural
    '{count} gaps'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

from estrategy.base.marks import N_
from estrategy.base.messages import Message, ntr

__all__ = ["TEXTS", "Text"]

Text = str | Message
"""A template (marked with ``N_``), or a plural message (``ntr``) chosen by ``count``."""

_EN: dict[str, Text] = {
    # The cover and the whole document
    # TRANSLATORS: what stands between a label and what it introduces ("Concerns: …").
    "colon": N_(": "),
    # TRANSLATORS: what stands between two items of a list of names ("a; b").
    "semicolon": N_("; "),
    # TRANSLATORS: quotation marks around a name quoted in a sentence of the report.
    "quote": N_("“{text}”"),
    "doc.title": N_("Digital strategy review"),
    "doc.progress_title": N_("Digital strategy progress review"),
    "cover.as_of": N_("Situation as of {date}"),
    "cover.prepared_by": N_("Prepared by {author}"),
    "cover.confidential": N_("Confidential: prepared for {company}"),
    "cover.contents": N_("Contents"),
    "cover.period": N_("From {before} to {after}"),
    "charts.missing": N_(
        "Charts are left out: they need matplotlib (pip install 'estrategy[plot]')."
    ),
    # Executive summary
    "summary.title": N_("Executive summary"),
    "summary.maturity": N_("Digital maturity"),
    "summary.quadrant": N_("Position"),
    "summary.gaps": N_("Coherence gaps"),
    "summary.level": N_("Level {level} of 5: {name}"),
    "summary.score": N_("{score}/100"),
    "summary.messages": N_("Key messages"),
    "summary.recommendations": N_("Prioritised recommendations"),
    "summary.recommendations_intro": N_(
        "In this order: each one names the elements of the plan it concerns and points to "
        "the detailed gap further on."
    ),
    "summary.no_recommendation": N_("The plan shows no gap to fix: keep measuring and reviewing."),
    "rank.1": N_("First"),
    "rank.2": N_("Second"),
    "rank.3": N_("Third"),
    "rank.4": N_("Fourth"),
    "rank.5": N_("Fifth"),
    "recommendation.concerns": N_("Concerns"),
    "recommendation.strengthen": N_("Strengthen {dimension} ({score}/100)"),
    "recommendation.see": N_("See the detail"),
    # TRANSLATORS: a criterion's title, then what counts against it
    "recommendation.action": N_("{title}: {facts}."),
    "message.maturity": N_(
        "Digital maturity stands at level {level} of 5 ({name}), {score}/100; {quadrant_sentence}"
    ),
    "message.gaps": ntr(
        "{count} coherence gap to address: {detail}.",
        "{count} coherence gaps to address: {detail}.",
        0,
    ),
    "message.no_gap": N_("No coherence gap: the plan holds together from objectives to actions."),
    "message.balance": N_(
        "Strongest dimension: {strongest} ({strong_score}/100); weakest: {weakest} "
        "({weak_score}/100)."
    ),
    "message.overdue": ntr(
        "{count} action is overdue: {actions}.",
        "{count} actions are overdue: {actions}.",
        0,
    ),
    "message.off_track": ntr(
        "{count} indicator is behind its planned line: {kpis}.",
        "{count} indicators are behind their planned line: {kpis}.",
        0,
    ),
    "message.on_track": N_("Every measured indicator is on or ahead of its planned line."),
    "message.silos": ntr(
        "{count} hierarchical line works in a silo: {lines}.",
        "{count} hierarchical lines work in silos: {lines}.",
        0,
    ),
    "message.budget": ntr(
        "Budget: {total} on {count} funded tactic.",
        "Budget: {total} on {count} funded tactics.",
        0,
    ),
    "message.unfunded": ntr(
        "{count} tactic has no budget at all.",
        "{count} tactics have no budget at all.",
        0,
    ),
    # Severity as a client understands it
    "severity.error": N_("Critical"),
    "severity.warning": N_("Important"),
    "severity.info": N_("Minor"),
    "severity.error.meaning": N_("breaks the chain from objectives to actions: fix first"),
    "severity.warning.meaning": N_("weakens the plan: fix before the next review"),
    "severity.info.meaning": N_("worth a look when the rest is done"),
    "count.critical": ntr(
        "{count} critical",
        "{count} critical",
        0,
    ),
    "count.important": ntr(
        "{count} important",
        "{count} important",
        0,
    ),
    "count.minor": ntr(
        "{count} minor",
        "{count} minor",
        0,
    ),
    "count.findings": ntr(
        "{count} gap",
        "{count} gaps",
        0,
    ),
    "count.more": ntr(
        "and {count} more",
        "and {count} more",
        0,
    ),
    "count.people": ntr(
        "{count} person",
        "{count} people",
        0,
    ),
    # Coherence gaps
    "gaps.title": N_("Coherence gaps"),
    "gaps.intro": N_(
        "Each gap below is a place where the plan does not hold together: an element of the "
        "strategy that no other element carries, measures or staffs. They are grouped by "
        "theme; within a theme the most serious come first."
    ),
    "gaps.legend": N_("How serious"),
    "gaps.none": N_("No coherence gap was found."),
    "gaps.clean_themes": N_("No gap in: {themes}."),
    "gaps.what": N_("What is wrong"),
    "gaps.why": N_("Why it matters"),
    "gaps.fix": N_("What to do"),
    "gaps.concerned": N_("Concerned"),
    "gaps.element": N_("Element"),
    "gaps.model_wide": N_("the plan as a whole"),
    "theme.strategy": N_("Strategy"),
    "theme.execution": N_("Execution"),
    "theme.measurement": N_("Measurement and reviews"),
    "theme.people": N_("People and skills"),
    "theme.tools": N_("Tools"),
    "theme.channels": N_("Channels"),
    "theme.organisation": N_("Organisation"),
    "theme.other": N_("Other rules"),
    "theme.strategy.about": N_("From business stakes to objectives, strategies and tactics."),
    "theme.execution.about": N_("Concrete actions, their means, owners and deadlines."),
    "theme.measurement.about": N_("Indicators, their measurements and the reviews that use them."),
    "theme.people.about": N_("Roles and competences the plan relies on."),
    "theme.tools.about": N_("Digital tools and what they serve."),
    "theme.channels.about": N_("How digital and traditional means work together."),
    "theme.organisation.about": N_("How information and cooperation cross the hierarchy."),
    "theme.other.about": N_("Rules added for this engagement."),
    # Maturity
    "maturity.title": N_("Digital maturity"),
    "maturity.intro": N_(
        "Maturity is scored from what the plan and the organisation show, dimension by "
        "dimension, on five levels. The quadrant sets how much digital is deployed against "
        "how well the transformation is managed."
    ),
    "maturity.overall": N_("Overall: level {level} of 5 ({name}), {score}/100."),
    "maturity.capped": N_(
        "Results hold the score down: the dimensions average {mean}/100, but the weakest "
        "result, {result} ({score}/100), allows at most {ceiling}."
    ),
    "maturity.spread": N_(
        "The gap between the strongest and the weakest dimension is {spread} points."
    ),
    "maturity.chart_alt": N_(
        "Radar of the {count} maturity dimensions, scored 0 to 100, and the quadrant "
        "placing the company as {quadrant}: digital intensity {digital}, management "
        "intensity {management}."
    ),
    "maturity.chart_caption": N_(
        "Left: score of each dimension (0 at the centre, 100 at the edge). Right: digital "
        "intensity against management of the transformation; the lines are at {digital} and "
        "{management}."
    ),
    "maturity.digital_axis": N_("Digital intensity"),
    "maturity.management_axis": N_("Management of the transformation"),
    "maturity.dimension": N_("Dimension"),
    "maturity.level": N_("Level"),
    "maturity.score": N_("Score"),
    "maturity.for": N_("What counts for"),
    "maturity.against": N_("What counts against"),
    "maturity.nothing": N_("nothing recorded"),
    "maturity.not_assessed": N_("not assessed"),
    "maturity.steps": N_("The eight steps of the method"),
    "maturity.steps_intro": N_(
        "The method goes from understanding the new rules to learning from the field. A "
        "step is evidenced when the plan shows it, partial when it shows some of it."
    ),
    "maturity.jumped": N_("Steps jumped over: later steps were taken before these: {steps}."),
    "maturity.step": N_("Step"),
    "maturity.status": N_("Status"),
    "maturity.elements": N_("Elements concerned"),
    "step.evidenced": N_("Evidenced"),
    "step.partial": N_("Partial"),
    "step.missing": N_("Missing"),
    "level.1": N_("initial"),
    "level.2": N_("emerging"),
    "level.3": N_("defined"),
    "level.4": N_("integrated"),
    "level.5": N_("optimising"),
    "quadrant.beginner": N_("Beginner"),
    "quadrant.fashionista": N_("Fashionista"),
    "quadrant.conservative": N_("Conservative"),
    "quadrant.digirati": N_("Digirati"),
    "quadrant.beginner.sentence": N_(
        "little digital is deployed and the transformation is little managed yet: the "
        "starting point, where the plan should come before the tools."
    ),
    "quadrant.fashionista.sentence": N_(
        "digital tools are deployed without the strategy, governance and skills that give "
        "them meaning: technology for its own sake."
    ),
    "quadrant.conservative.sentence": N_(
        "the transformation is well managed but deploys little digital yet: prudent, at the "
        "risk of moving slowly."
    ),
    "quadrant.digirati.sentence": N_(
        "digital is deployed and steered with purpose: keep the balance and keep measuring."
    ),
    # KPI trajectories
    "kpis.title": N_("Indicators against their planned line"),
    "kpis.intro": N_(
        "For each indicator, the planned line runs from its first measurement to its target "
        "at its objective's deadline; the measurements are drawn against it."
    ),
    "kpis.none": N_("The plan has no indicator."),
    "kpis.chart_alt": N_(
        "{kpi}: measurements from {first} to {latest} against the planned line to {target} "
        "by {deadline}."
    ),
    "kpis.latest": N_("Latest: {value} on {date}; planned by then: {planned}."),
    "kpis.target": N_("Target: {target} by {deadline}."),
    "kpis.on_track": N_("On track"),
    "kpis.off_track": N_("Off track"),
    "kpis.planned": N_("planned line"),
    "kpis.measured": N_("measured"),
    "kpis.target_point": N_("target"),
    "kpis.not_charted": N_("Indicators that cannot be drawn"),
    "kpis.indicator": N_("Indicator"),
    "kpis.objective": N_("Objective"),
    "kpis.why_not": N_("Missing"),
    "kpis.no_measurement": N_("no measurement"),
    "kpis.no_target": N_("no target"),
    "kpis.no_deadline": N_("no objective with a deadline"),
    # Budget
    "budget.title": N_("Budget"),
    "budget.intro": N_(
        "The budget is the sum of the actions' budgets (dropped actions left out), in {currency}."
    ),
    "budget.total": N_("Total: {total}."),
    "budget.none": N_("No action of the plan has a budget."),
    "budget.by_strategy": N_("By strategy"),
    "budget.by_channel": N_("By channel"),
    "budget.by_tactic": N_("By tactic"),
    "budget.strategy": N_("Strategy"),
    "budget.tactic": N_("Tactic"),
    "budget.channel": N_("Channel"),
    "budget.amount": N_("Amount"),
    "budget.share": N_("Share"),
    "budget.unfunded": N_("Actions without a budget"),
    "budget.no_strategy": N_("no strategy"),
    "budget.chart_alt": N_("Budget by tactic, bars coloured and patterned by channel: {detail}."),
    "budget.concentration": N_(
        "Concentration: a normalised Herfindahl index of {hhi} over {count} funded tactics "
        "({meaning})."
    ),
    "budget.concentrated": N_("the money goes to a few of them"),
    "budget.shared": N_("the money is shared among them, some getting more"),
    "budget.spread": N_("the money is spread thin, none getting much more than another"),
    "budget.atomised": N_("The budget is atomised"),
    "channel.digital": N_("Digital"),
    "channel.traditional": N_("Traditional"),
    "channel.internal": N_("Internal"),
    # Roadmap
    "roadmap.title": N_("Roadmap"),
    "roadmap.intro": N_(
        "The plan's actions by deadline. An action is overdue when its deadline has passed "
        "and it is neither done nor dropped."
    ),
    "roadmap.none": N_("The plan has no action."),
    "roadmap.chart_alt": N_(
        "Timeline of {count} actions by deadline, from {first} to {last}; {overdue} overdue."
    ),
    "roadmap.deadline": N_("Deadline"),
    "roadmap.action": N_("Action"),
    "roadmap.tactic": N_("Tactic"),
    "roadmap.responsible": N_("Responsible"),
    "roadmap.status": N_("Status"),
    "roadmap.no_deadline": N_("no deadline"),
    "roadmap.nobody": N_("nobody"),
    "roadmap.as_of": N_("as of"),
    "roadmap.overdue": N_("Overdue"),
    "roadmap.more": N_(
        "The chart shows the {shown} actions nearest to the as-of date; the table lists all "
        "{count}."
    ),
    "status.planned": N_("Planned"),
    "status.in_progress": N_("In progress"),
    "status.done": N_("Done"),
    "status.dropped": N_("Dropped"),
    # Organisation
    "org.title": N_("Organisation"),
    "org.intro": N_(
        "The picture shows the hierarchical lines (the subtrees directly under the top of "
        "the organisation), sized by headcount, and what links them: transversal groups and "
        "working ties. A line with no link is a silo."
    ),
    "org.fig_people": N_("People"),
    "org.fig_lines": N_("Hierarchical lines"),
    "org.fig_groups": N_("Transversal groups"),
    "org.fig_ties": N_("Working ties"),
    "org.fig_joined": N_("Pairs of lines joined"),
    "org.chart_alt": N_(
        "Network of the {count} hierarchical lines, sized by headcount, linked by groups "
        "and ties; silos: {silos}."
    ),
    "org.line": N_("Line"),
    "org.headcount": N_("People"),
    "org.ties_inside": N_("Ties inside"),
    "org.ties_out": N_("Ties to other lines"),
    "org.ei": N_("E-I index"),
    "org.linked_to": N_("Linked to"),
    "org.silo": N_("silo"),
    "org.other_lines": N_("{count} other lines"),
    "org.all_lines": N_("every other line"),
    "org.link_groups": ntr(
        "{count} group",
        "{count} groups",
        0,
    ),
    "org.link_ties": ntr(
        "{count} tie",
        "{count} ties",
        0,
    ),
    "org.withheld": N_("withheld"),
    "org.withheld_note": N_(
        "Ties of lines with fewer than {size} people are withheld, so that nobody's ties "
        "can be read from them."
    ),
    "org.matrix": N_("Ties between lines"),
    "org.matrix_intro": N_(
        "Each cell counts the pairs of people tied between two lines; the diagonal, the "
        "pairs inside a line. A line that talks mostly to itself has a dark diagonal and a "
        "pale row."
    ),
    "org.matrix_alt": N_(
        "Matrix of the working ties between the {count} largest hierarchical lines, with "
        "the ties inside each line on the diagonal."
    ),
    "org.key_people": N_("Key people"),
    "org.key_people_intro": N_(
        "People whose departure alone would break something: actions only they carry, "
        "external experts only they supervise, pairs of lines only they join, field roles "
        "whose every path to a decision maker goes through them."
    ),
    "org.key_people_none": N_(
        "No single departure would leave an action, a supervision, a link between lines or "
        "a path to a decision without anyone."
    ),
    "org.key_actions": N_("Actions only they carry"),
    "org.key_externals": N_("Experts only they supervise"),
    "org.key_lines": N_("Lines only they join"),
    "org.key_field_roles": N_("Field roles cut off without them"),
    "org.upward": N_("Field roles and decision makers"),
    "org.upward_intro": N_(
        "Field roles (community managers, data scientists, sales) should be at most {hops} "
        "steps from a decision maker, so that what they learn reaches a decision."
    ),
    "org.upward_ok": N_("Every field role is within {hops} steps of a decision maker."),
    "org.person": N_("Person"),
    "org.roles": N_("Roles"),
    "org.steps": N_("Steps to a decision maker"),
    "org.unreachable": N_("none reachable"),
    "org.isolates": N_("People with no tie and no group: {count} ({share})."),
    "org.isolates_none": N_("Everybody has a tie or a group."),
    "org.none": N_("The plan describes no organisation."),
    "org.single_line": N_("The organisation has a single hierarchical line: nothing to join."),
    # Appendix
    "appendix.title": N_("Appendix"),
    "appendix.method": N_("Method"),
    "appendix.method_intro": N_(
        "The review follows the eight-step method of the source articles, checks the plan "
        "against the rules below, and scores maturity from the evidence the plan gives."
    ),
    "appendix.rules": N_("Rules that found a gap"),
    "appendix.rule": N_("Rule"),
    "appendix.checks": N_("What it checks"),
    "appendix.glossary": N_("Glossary"),
    "appendix.positions": N_("Where each gap is in the model file"),
    "appendix.positions_intro": N_("For the author of the model file: where to make each change."),
    "appendix.code": N_("Code"),
    "appendix.place": N_("Place"),
    "appendix.more_positions": N_(
        "{count} more: run estrategy check on the file for the full list."
    ),
    "glossary.line.term": N_("Hierarchical line"),
    "glossary.line": N_(
        "A subtree of the organisation directly under its top: a division or a department "
        "with everybody under it."
    ),
    "glossary.silo.term": N_("Silo"),
    "glossary.silo": N_(
        "A hierarchical line with no transversal group and no working tie with any other "
        "line: what it knows stays inside."
    ),
    "glossary.transversal.term": N_("Transversal group"),
    "glossary.transversal": N_(
        "A project group, community of practice or product, market or region direction that "
        "gathers people from several lines."
    ),
    "glossary.ei.term": N_("E-I index"),
    "glossary.ei": N_(
        "For one line: ties to other lines minus ties inside, over all its ties. From -1 "
        "(every tie stays inside: a closed line) to +1 (every tie goes out)."
    ),
    "glossary.hhi.term": N_("Herfindahl index (normalised)"),
    "glossary.hhi": N_(
        "How concentrated the budget is over the funded tactics: 0 when they share it "
        "equally, 1 when one takes everything, whatever their number. Low means spread "
        "thin."
    ),
    "glossary.smart.term": N_("SMART objective"),
    "glossary.smart": N_(
        "Specific, measurable (a metric and a target), achievable (a real change), relevant "
        "(it serves a business stake) and time-bound (a deadline)."
    ),
    "glossary.volet.term": N_("Internal and external volets"),
    "glossary.volet": N_(
        "The two parts of a digital strategy: towards customers and partners (external) and "
        "within the company (internal). They differ in means and share objectives."
    ),
    "glossary.planned.term": N_("Planned line"),
    "glossary.planned": N_(
        "The straight line from an indicator's first measurement to its target at its "
        "objective's deadline; an indicator is off track when it falls behind it."
    ),
    "glossary.step.term": N_("Step (between two people)"),
    "glossary.step": N_(
        "A manager link, a supervision, a working tie or a shared group. Fewer steps mean "
        "field information reaches a decision faster."
    ),
    "glossary.quadrant.term": N_("Quadrant"),
    "glossary.quadrant": N_(
        "Beginner (little digital, little management), fashionista (digital without "
        "meaning), conservative (managed, little digital), digirati (both)."
    ),
    "glossary.esn.term": N_("Enterprise social network (ESN)"),
    "glossary.esn": N_(
        "The internal network where employees share and find each other's knowledge."
    ),
    "glossary.levels.term": N_("Maturity levels"),
    "glossary.levels": N_("1 initial, 2 emerging, 3 defined, 4 integrated, 5 optimising."),
    # Progress report
    "progress.summary": N_("What moved"),
    "progress.maturity": N_("Maturity, before and after"),
    "progress.overall": N_(
        "Overall maturity went from {before} to {after} ({delta} points), level "
        "{level_before} to {level_after}; position {quadrant_before} to {quadrant_after}."
    ),
    "progress.chart_alt": N_(
        "Radar of the dimensions before and after, and the move on the quadrant from "
        "{before} to {after}."
    ),
    "progress.overall_same": N_(
        "Overall maturity stayed at {after}, level {level_after}; position {quadrant_after}."
    ),
    "progress.target": N_("Target"),
    "progress.before": N_("Before"),
    "progress.after": N_("After"),
    "progress.change": N_("Change"),
    "progress.steps": N_("Steps of the method that changed"),
    "progress.no_step_change": N_("No step of the method changed status."),
    "progress.gaps": N_("Gaps resolved and new"),
    "progress.resolved": ntr(
        "{count} gap resolved",
        "{count} gaps resolved",
        0,
    ),
    "progress.new": ntr(
        "{count} new gap",
        "{count} new gaps",
        0,
    ),
    "progress.remaining": ntr(
        "{count} gap remains",
        "{count} gaps remain",
        0,
    ),
    "progress.resolved_title": N_("Resolved"),
    "progress.new_title": N_("New"),
    "progress.none_resolved": N_("No gap was resolved."),
    "progress.none_new": N_("No new gap."),
    "progress.kpis": N_("Indicators"),
    "progress.kpi_moved": N_("Movement"),
    "progress.towards": N_("towards the target"),
    "progress.away": N_("away from the target"),
    "progress.still": N_("no change"),
    "progress.actions": N_("Actions"),
    "progress.completed": ntr(
        "{count} action completed",
        "{count} actions completed",
        0,
    ),
    "progress.completed_title": N_("Completed"),
    "progress.new_actions": N_("Added"),
    "progress.dropped": N_("Dropped"),
    "progress.newly_overdue": N_("Now overdue"),
}

TEXTS: Mapping[str, Text] = MappingProxyType(_EN)
"""Key → English template (or plural message) of every chrome text."""
