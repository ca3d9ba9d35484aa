// SPDX-License-Identifier: GPL-3.0-or-later
/** The control-point report as Markdown, short enough for a CI job summary: the decision, a table of criteria with their evidence, the options, and the forecast with its assumptions. */
import type { Assessment } from '../../harness/control-point/assessment.ts';
import { DECISION_TEXT, RESULT_TEXT } from './decision-text.ts';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');

export function markdownReport(a: Assessment): string {
  const f = a.forecast;
  const lines = [
    `# ${a.controlPoint.id}: ${DECISION_TEXT[a.decision]}`,
    '',
    `${a.controlPoint.title} — programme ${a.programme}, assessed as of ${a.at} (${a.ledger.executions} execution(s) in ${a.ledger.runs} run(s)).`,
    '',
    '| criterion | kind | result | evidence |',
    '| --- | --- | --- | --- |',
    ...a.criteria.map((c) => {
      const waiver = c.waiver ? `<br>waiver: ${c.waiver.by}, ${c.waiver.at} → ${c.waiver.until}${c.waiver.inForce ? '' : ' (not in force)'}: ${c.waiver.why}` : '';
      return `| ${cell(c.id)}<br>${cell(c.title)} | ${c.kind}${c.test ? `/${c.test}` : ''} | **${RESULT_TEXT[c.result]}** | ${c.evidence.map((e) => cell(e.text)).join('<br>')}${cell(waiver)} |`;
    }),
    '',
    `Coverage (${a.coverage.cycles.join(', ') || 'no cycle'}): ${a.coverage.totals.required} required, ${a.coverage.totals.executed} executed, ${a.coverage.totals.passed} passed; ${a.coverage.gaps.length} gap(s).`,
    '',
    '| option | viable | reasons |',
    '| --- | --- | --- |',
    ...a.options.map((o) => `| ${cell(o.title)} | ${o.viable ? 'yes' : 'no'} | ${[...o.reasons, ...o.missing.map((m) => `missing: ${m}`)].map(cell).join('<br>')} |`),
    '',
    `Forecast: P50 ${f.p50 ?? '—'}, P90 ${f.p90 ?? '—'}${f.unavailable ? ` (${f.unavailable})` : ''}.`,
    ...f.assumptions.map((x) => `- ${x}`),
    '',
  ];
  return `${lines.join('\n')}\n`;
}
