// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The control-point report as one self-contained HTML file (no script, no network: inline CSS
 * and inline SVG charts): the decision first, then every criterion with its evidence and
 * waiver, the charts, the options with their reasons, the forecast's assumptions, and the
 * consequences the programme stated.
 */
import type { Assessment } from '../../harness/control-point/assessment.ts';
import { coverageMatrixChart } from './coverage-matrix-chart.ts';
import { DECISION_TEXT, RESULT_TEXT } from './decision-text.ts';
import { defectsPerReleaseChart } from './defects-per-release-chart.ts';
import { deliveriesTimelineChart } from './deliveries-timeline-chart.ts';
import { forecastFanChart } from './forecast-fan-chart.ts';
import { passRateHeatmap } from './pass-rate-heatmap.ts';
import { escapeXml as e, PALETTE } from './svg.ts';

const STYLE = `
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:${PALETTE.ink};margin:0;background:#f5f7f8}
main{max-width:1100px;margin:0 auto;padding:24px 32px 48px}
h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:32px 0 10px;border-bottom:1px solid #dde3e6;padding-bottom:4px}
.sub{color:${PALETTE.muted};margin:0 0 18px}
.decision{display:flex;align-items:center;gap:18px;padding:16px 20px;border-radius:10px;color:#fff;margin-bottom:8px}
.decision .big{font-size:30px;font-weight:800;letter-spacing:.5px;white-space:nowrap}
.decision .why{font-size:16px;font-weight:600}.decision .ids{font-size:13px;margin-top:2px;opacity:.95}
.decision a{color:#fff}
.links{font-size:13px;margin:0 0 14px}.links a{color:${PALETTE.accent}}
.decision.fail{background:${PALETTE.fail}}.decision.pass{background:${PALETTE.pass}}.decision.pass-with-waivers{background:${PALETTE.waived}}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(330px,1fr));gap:12px}
.card{background:#fff;border-radius:8px;padding:12px 14px;border-left:6px solid ${PALETTE.notRun};box-shadow:0 1px 2px rgba(0,0,0,.06)}
.card.pass{border-color:${PALETTE.pass}}.card.fail{border-color:${PALETTE.fail}}.card.waived{border-color:${PALETTE.waived}}
.card{scroll-margin-top:12px}.card h3{font-size:14px;margin:0 0 4px}.card .meta{font-size:11px;color:${PALETTE.muted};margin-bottom:6px}
.badge{display:inline-block;font-size:11px;font-weight:700;padding:1px 8px;border-radius:9px;color:#fff;margin-right:6px}
.badge.pass{background:${PALETTE.pass}}.badge.fail{background:${PALETTE.fail}}.badge.waived{background:${PALETTE.waived}}
.card ul{margin:4px 0 0 16px;padding:0;font-size:12px}.card li{margin:2px 0}
.waiver{font-size:12px;background:#fff3e0;border-radius:6px;padding:6px 8px;margin-top:6px}
.charts{display:grid;grid-template-columns:1fr;gap:14px}
figure{background:#fff;border-radius:8px;margin:0;padding:10px 12px;overflow-x:auto;box-shadow:0 1px 2px rgba(0,0,0,.06)}
figcaption{font-weight:600;font-size:13px;margin-bottom:6px}
ul.consequences{font-size:14px}td.option,td.yes,td.no{white-space:nowrap}
table{border-collapse:collapse;width:100%;background:#fff;font-size:13px}td,th{padding:6px 8px;border-bottom:1px solid #eceff1;text-align:left;vertical-align:top}
.yes{color:${PALETTE.pass};font-weight:700}.no{color:${PALETTE.fail};font-weight:700}
.small{font-size:12px;color:${PALETTE.muted}}
`;

/** A criterion's id without its control point's prefix ("CP-2019-05-03.C1-DEFECTS" → "C1-DEFECTS"), for short mentions. */
function shortId(id: string, controlPoint: string): string {
  return id.startsWith(`${controlPoint}.`) ? id.slice(controlPoint.length + 1) : id;
}

const anchorOf = (id: string): string => `criterion-${id.replace(/[^A-Za-z0-9_-]/g, '-')}`;

/** Failed first, then waived, then passed; the programme's order within each. */
const RESULT_ORDER = { fail: 0, waived: 1, pass: 2 } as const;

/** The decision banner's one-line reason and the ids it is about, each linking to its card. */
function headlineOf(a: Assessment): { why: string; ids: string } {
  const link = (id: string) => `<a href="#${e(anchorOf(id))}">${e(shortId(id, a.controlPoint.id))}</a>`;
  const total = a.criteria.length;
  if (a.decision === 'fail') return { why: `${a.failed.length} of ${total} criteria failed`, ids: a.failed.map(link).join(' · ') };
  if (a.decision === 'pass-with-waivers') return { why: `${total - a.waived.length} of ${total} criteria passed, ${a.waived.length} waived`, ids: a.waived.map(link).join(' · ') };
  return { why: `all ${total} criteria passed`, ids: '' };
}

/** Where the report links to: the Allure report of the test results (`dit report`), relative to the report file. */
export interface ReportLinks {
  readonly allure?: string;
}

function criterionCard(c: Assessment['criteria'][number]): string {
  const waiver = c.waiver
    ? `<div class="waiver"><b>Waiver</b> by ${e(c.waiver.by)} on ${e(c.waiver.at)}, until ${e(c.waiver.until)}${c.waiver.inForce ? '' : ' <b>(not in force)</b>'}: ${e(c.waiver.why)}</div>`
    : '';
  return `<section class="card ${c.result}" id="${e(anchorOf(c.id))}" data-criterion="${e(c.id)}">
<h3><span class="badge ${c.result}">${RESULT_TEXT[c.result]}</span>${e(c.title)}</h3>
<div class="meta">${e(c.id)} · ${e(c.kind)}${c.test ? ` / ${e(c.test)}` : ''} · owner ${e(c.owner)}${c.assesses ? ` · assesses ${e(c.assesses)}` : ''}</div>
<ul>${c.evidence.map((ev) => `<li><span class="small">${e(ev.source)}:</span> ${e(ev.text)}</li>`).join('')}</ul>${waiver}
</section>`;
}

export function htmlReport(a: Assessment, links: ReportLinks = {}): string {
  const headline = headlineOf(a);
  const cards = [...a.criteria].sort((x, y) => RESULT_ORDER[x.result] - RESULT_ORDER[y.result]);
  const allure = links.allure === undefined ? '' : `<p class="links">Test results: <a href="${e(encodeURI(links.allure))}" data-link="allure">the Allure report</a> (every execution, its steps and history).</p>`;
  const figure = (caption: string, svg: string) => `<figure><figcaption>${e(caption)}</figcaption>${svg}</figure>`;
  const f = a.forecast;
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(a.controlPoint.id)} — ${e(DECISION_TEXT[a.decision])}</title><style>${STYLE}</style></head>
<body><main>
<h1>${e(a.controlPoint.title)}</h1>
<p class="sub">${e(a.controlPoint.id)} · programme ${e(a.programme)} · assessed as of ${e(a.at)} · ${a.ledger.runs} run(s), ${a.ledger.executions} execution(s) in the ledger (${e(a.ledger.targets.join(', ') || 'none')})</p>
${allure}<div class="decision ${a.decision}" id="decision"><span class="big">${DECISION_TEXT[a.decision]}</span><div><div class="why">${headline.why}</div>${headline.ids ? `<div class="ids">${headline.ids}</div>` : ''}</div></div>
<p class="small">Forecast completion: P50 <b>${e(f.p50 ?? '—')}</b>, P90 <b>${e(f.p90 ?? '—')}</b>${f.unavailable ? ` (${e(f.unavailable)})` : ''}. Viable options: ${e(a.options.filter((o) => o.viable).map((o) => o.title).join(', ') || 'none')}.</p>

<h2>Criteria</h2>
<div class="cards">${cards.map(criterionCard).join('\n')}</div>

<h2>Evidence at a glance</h2>
<div class="charts">
${figure('Deliveries against what formal DIT needs', deliveriesTimelineChart(a.charts.deliveries, a.at))}
${figure(`Coverage matrix (${a.coverage.cycles.join(', ')})`, coverageMatrixChart(a.coverage))}
${figure('Pass rate per device combination', passRateHeatmap(a.charts.passRate))}
${figure('Defects open and closed per firmware release (found on the combinations the coverage criterion plans)', defectsPerReleaseChart(a.charts.defects))}
${figure('Forecast fan', forecastFanChart(f))}
</div>

<h2>Options</h2>
<table><tr><th>option</th><th>viable</th><th>reasons</th></tr>
${a.options.map((o) => `<tr data-option="${e(o.id)}"><td class="option"><b>${e(o.title)}</b><div class="small">${e(shortId(o.id, a.controlPoint.id))}</div></td><td class="${o.viable ? 'yes' : 'no'}">${o.viable ? 'viable' : 'not viable'}</td><td>${o.reasons.map(e).join('<br>')}${o.missing.length > 0 ? `<br><b>missing:</b> ${o.missing.map(e).join('; ')}` : ''}</td></tr>`).join('\n')}
</table>
<p class="small">Parity (lab vs emulated results of the same test on the same combination): ${a.parity.compared} compared, ${a.parity.agreed} agree; ${a.parity.emulatedOnly} cell(s) emulated only, ${a.parity.labOnly} lab only.</p>

<h2>Forecast assumptions</h2>
<ul class="small">${f.assumptions.map((x) => `<li>${e(x)}</li>`).join('')}</ul>

<h2>Consequences the programme stated</h2>
<ul class="consequences">${a.consequences.map((c) => `<li>${e(c)}</li>`).join('')}</ul>
<table><tr><th>date</th><th>on the programme calendar</th></tr>${a.calendar.map((c) => `<tr><td>${e(c.date)}</td><td>${e(c.note)}</td></tr>`).join('')}</table>
<h2>Risks</h2>
<ul class="small">${a.risks.map((r) => `<li>${e(r)}</li>`).join('')}</ul>
<p class="small">Inputs hash ${e(a.inputsHash)} — the same programme, test cases and ledger as of ${e(a.at)} give this report byte for byte.</p>
</main></body></html>
`;
}
