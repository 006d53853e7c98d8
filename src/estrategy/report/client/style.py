"""The client report's stylesheet: one for the screen and for A4 print (and the PDF).

Severity, status and silos are told apart by fill, outline and dash as well as colour,
so that a page printed in black and white still reads. In print every chapter starts a
page, no chart, card or table row is split across two, the company's name runs in the
header and the page numbers in the footer (``string-set`` and margin boxes, which
WeasyPrint draws), and the contents give each chapter's page.
"""

from __future__ import annotations

__all__ = ["STYLESHEET"]

STYLESHEET = """
:root{--ink:#1f2937;--muted:#6b7280;--line:#e5e7eb;--navy:#16324f;--blue:#0072b2;
--red:#9b1c1c;--amber:#b45309;--soft:#f8fafc}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{font-family:"Source Sans 3","Segoe UI","Helvetica Neue",Arial,"DejaVu Sans",sans-serif;
color:var(--ink);line-height:1.5;font-size:15px;margin:0 auto;max-width:62rem;
padding:0 1.5rem 3rem}
h1,h2,h3,h4,h5{color:var(--navy);line-height:1.25}
h2{font-size:1.6rem;border-bottom:2px solid var(--navy);padding-bottom:.3rem;margin:3rem 0 1rem}
h3{font-size:1.2rem;margin:2rem 0 .6rem}
h4{font-size:1.05rem;margin:0}
h5{font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;color:var(--muted);
margin:.9rem 0 .2rem}
p{margin:.4rem 0}
a{color:var(--blue)}
code{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:.82em;color:var(--muted)}
.lead{font-size:1.05rem;color:#374151}
.muted{color:var(--muted)}
.nowrap{white-space:nowrap}
table{border-collapse:collapse;width:100%;margin:.6rem 0 1rem;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid var(--line);
vertical-align:top}
th{background:var(--soft);color:var(--navy);font-weight:600;border-bottom:2px solid #cbd5e1}
table.numbers td:nth-child(n+2){font-variant-numeric:tabular-nums}
figure{margin:1rem 0;text-align:center}
figcaption{font-size:.88rem;color:#374151;text-align:left;margin-top:.3rem}
svg.chart{max-width:100%;height:auto;display:block;margin:0 auto}
.note{border:1px dashed var(--muted);padding:.5rem .8rem;color:var(--muted)}
/* cover */
.cover{padding:3rem 0 2rem;border-bottom:6px solid var(--navy);margin-bottom:1rem}
.cover .logo{max-height:70px;max-width:240px;display:block;margin-bottom:2rem}
.cover .company{text-transform:uppercase;letter-spacing:.12em;color:var(--muted);
font-weight:600;margin:0}
.cover h1{font-size:2.6rem;margin:.3rem 0 .4rem}
.cover .plan{font-size:1.3rem;margin:0}
.cover .as-of,.cover .author{color:#374151;margin:.2rem 0}
.cover .contents{margin-top:2.5rem}
.cover .contents h2{font-size:1rem;border:none;margin:0 0 .3rem;text-transform:uppercase;
letter-spacing:.08em}
.cover .contents ol{columns:2;padding-left:1.2rem;margin:0}
.cover .confidential{margin-top:2rem;font-size:.85rem;color:var(--muted)}
/* executive summary */
.cards{display:grid;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));gap:1rem}
.card{border:1px solid #cbd5e1;border-top:4px solid var(--navy);padding:.8rem 1rem;
background:#fff}
.card h3{margin:0;font-size:.8rem;text-transform:uppercase;letter-spacing:.06em;
color:var(--muted)}
.card .big{font-size:1.35rem;font-weight:700;color:var(--navy);margin:.2rem 0}
.card p{font-size:.92rem}
ul.messages li{margin:.3rem 0}
ol.recommendations{list-style:none;padding:0;margin:0}
ol.recommendations>li{border:1px solid var(--line);border-left:4px solid var(--navy);
padding:.6rem .9rem;margin:.6rem 0}
.rank{display:inline-block;min-width:4.2rem;font-weight:700;text-transform:uppercase;
font-size:.78rem;letter-spacing:.06em;color:var(--navy)}
.rec-head strong{font-size:1.02rem}
.concerns{font-size:.9rem;color:#374151}
.label{font-weight:600}
/* severity and status: fill, outline and dash, not colour alone */
.badge{display:inline-block;font-size:.72rem;font-weight:700;text-transform:uppercase;
letter-spacing:.05em;
padding:.05rem .45rem;border-radius:3px;vertical-align:middle;white-space:nowrap}
.sev-error.badge,.badge.overdue,.badge.kpi-off_track,.badge.silo{background:var(--red);
color:#fff;border:1px solid var(--red)}
.sev-warning.badge{background:#fff7ed;color:#7c2d12;border:2px solid var(--amber)}
.sev-info.badge{background:#fff;color:#374151;border:1px dashed var(--muted)}
.badge.kpi-on_track,.badge.step-evidenced{background:#ecfdf5;color:#065f46;
border:2px solid #047857}
.badge.step-partial{background:#fff;color:#7c2d12;border:2px solid var(--amber)}
.badge.step-missing{background:#fff;color:var(--red);border:1px dashed var(--red)}
ul.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.4rem 1.5rem;
font-size:.88rem}
/* gaps */
.theme>p.muted{margin-top:-.3rem}
article.gap{border:1px solid var(--line);border-left:5px solid var(--amber);padding:.7rem 1rem;
margin:.8rem 0;background:#fff}
article.gap.sev-error{border-left:5px solid var(--red)}
article.gap.sev-info{border-left:5px dashed #9ca3af}
article.gap header{display:flex;flex-wrap:wrap;align-items:baseline;gap:.5rem}
article.gap header .code{font-size:.8rem;color:var(--muted);margin-left:auto}
ul.concerned{margin:.2rem 0;padding-left:1.2rem}
ul.concerned li{margin:.15rem 0}
ul.concerned code{margin-left:.2rem}
.why-fix{display:grid;grid-template-columns:3fr 2fr;gap:1.2rem}
p.fix{font-weight:600;color:var(--navy)}
p code,td code,li code{color:inherit}
.callout{border:1px dashed var(--muted);padding:.6rem 1rem;margin:1rem 0;background:var(--soft)}
.alert{border-left:4px solid var(--red);padding:.3rem .8rem;background:#fef2f2}
/* maturity */
.meter{display:inline-block;white-space:nowrap;vertical-align:middle;line-height:1}
.meter i{display:inline-block;width:.75rem;height:.75rem;border:1px solid var(--navy);
margin-right:2px;vertical-align:middle}
.meter i.on{background:var(--navy)}
.meter i.off{background:#fff;border-color:#9ca3af}
.dimension{border-top:1px solid var(--line);padding:.8rem 0}
.dimension h4{display:flex;justify-content:space-between;flex-wrap:wrap;gap:.5rem}
.dimension h4 span{font-weight:400;font-size:.92rem;color:#374151}
.two-columns{display:grid;grid-template-columns:1fr 1fr;gap:1.5rem}
.two-columns ul{padding-left:1.1rem;margin:.2rem 0;font-size:.92rem}
.names{color:#374151}
ul.evidence{list-style:none;padding:0;margin:0;font-size:.88rem}
ul.evidence li.for::before{content:"+ ";font-weight:700;color:#047857}
ul.evidence li.against::before{content:"− ";font-weight:700;color:var(--red)}
table.dimensions td:nth-child(2){white-space:nowrap}
table.steps td:first-child{font-weight:700;color:var(--navy)}
/* indicators, roadmap, organisation */
.kpi-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(26rem,1fr));gap:1rem}
figure.kpi{border:1px solid var(--line);padding:.6rem;margin:0}
figure.kpi.off-track{border:2px solid var(--red)}
table.roadmap td:first-child,table.lines td:first-child,table.key-people td:first-child{
white-space:nowrap}
dl.figures{display:flex;flex-wrap:wrap;gap:.5rem;margin:.8rem 0}
dl.figures div{border:1px solid var(--line);padding:.4rem .8rem;min-width:8rem}
dl.figures dt{font-size:.75rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
dl.figures dd{margin:0;font-size:1.3rem;font-weight:700;color:var(--navy)}
dl.glossary dt{font-weight:700;color:var(--navy);margin-top:.5rem}
dl.glossary dd{margin:0 0 0 1rem}
table.positions code{color:var(--ink)}
@media (max-width:700px){.two-columns,.why-fix{grid-template-columns:1fr}}
/* print and PDF (A4) */
@page{size:A4;margin:20mm 16mm 18mm 16mm;
font-family:"Source Sans 3","Segoe UI","Helvetica Neue",Arial,"DejaVu Sans",sans-serif;
@top-left{content:string(company);font-size:8pt;color:#6b7280}
@top-right{content:string(doctitle);font-size:8pt;color:#6b7280}
@bottom-right{content:counter(page) " / " counter(pages);font-size:8pt;color:#6b7280}}
@page:first{@top-left{content:none}@top-right{content:none}@bottom-right{content:none}}
.running-company{string-set:company content()}
.cover h1{string-set:doctitle content()}
@media print{
body{max-width:none;padding:0;font-size:9.5pt}
h2{margin-top:0}
.chapter{break-before:page}
body.compact .chapter{break-before:auto;margin-top:2rem}
body.compact #summary{break-before:page}
.cover{border:none;min-height:240mm;display:flex;flex-direction:column;justify-content:center}
.cover .contents a::after{content:leader('.') target-counter(attr(href),page)}
.cover .contents ol{columns:1}
figure,article.gap,.card,tr,.dimension,ol.recommendations>li,.callout,dt,dd{break-inside:avoid}
h2,h3,h4,h5{break-after:avoid}
a{color:inherit;text-decoration:none}
.kpi-grid{display:block}
figure.kpi{margin:0 0 .6rem}
.cards{display:flex}
.card{flex:1}
.two-columns,.why-fix{display:table;width:100%;table-layout:fixed}
.two-columns>div,.why-fix>div{display:table-cell;vertical-align:top;padding-right:1rem}
.why-fix>div:first-child{width:58%}
.dimension h4{display:block}
.dimension h4>span{display:block;margin-top:.15rem}
.card .big{font-size:1.15rem}
.card{padding:.5rem .7rem}
ol.recommendations>li{padding:.4rem .7rem;margin:.4rem 0}
a.detail::after{content:" (p. " target-counter(attr(href),page) ")"}
article.gap{padding:.4rem .8rem;margin:.5rem 0}
h5{margin:.5rem 0 .1rem}
.two-columns>div{flex:1}
}
"""
"""The stylesheet, inlined in the page's ``<style>``."""
