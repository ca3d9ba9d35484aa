// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The HTML report as a person sees it: rendered by headless Chromium (Debian's `chromium`,
 * which .ci/run installs), the DOM it builds must show the title, the decision, every criterion
 * and each chart, present and not empty. Skipped, with the reason, where Chromium is absent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { assessControlPoint } from '../../harness/control-point/assessment.ts';
import { EMPTY_SNAPSHOT } from '../../harness/control-point/ledger-snapshot.ts';
import { CONFIDENCE_CASES, CONFIDENCE_CRITERION, COVERAGE_CRITERION, ESME_CRITERION, smallProgramme } from '../../harness/control-point/testing/small-programme.ts';
import type { ProgrammeDate } from '../../harness/programme/programme-date.ts';
import { htmlReport } from './html-report.ts';
import { markdownReport } from './markdown-report.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const dir = mkdtempSync(join(tmpdir(), 'dit-cp-report-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const assessment = assessControlPoint({
  programme: smallProgramme([CONFIDENCE_CRITERION, COVERAGE_CRITERION, ESME_CRITERION]),
  controlPointId: 'CP',
  at: '2020-02-01' as ProgrammeDate,
  cases: CONFIDENCE_CASES,
  snapshot: EMPTY_SNAPSHOT,
  forecastTrials: 50,
});
const CHARTS = ['deliveries', 'coverage', 'pass-rate', 'defects', 'forecast'];

describe('the control-point HTML report', () => {
  const html = htmlReport(assessment);

  it('is one self-contained file: no script, no external resource', () => {
    expect(html).not.toMatch(/<script|<link |src="http|href="http/);
    for (const chart of CHARTS) expect(html).toContain(`data-chart="${chart}"`);
  });

  it('the banner is a short summary: how many failed and their short ids, each linking to its card', () => {
    const banner = /<div class="decision[^>]*>([\s\S]*?)<\/div><\/div>/.exec(html)?.[1] ?? '';
    expect(banner).toContain(`${assessment.failed.length} of ${assessment.criteria.length} criteria failed`);
    for (const c of assessment.criteria.filter((x) => x.result === 'fail')) {
      expect(banner).toContain(`href="#criterion-${c.id.replace(/[^A-Za-z0-9_-]/g, '-')}"`);
      expect(banner).not.toContain(c.title);
    }
    expect(htmlReport(assessment, { allure: '../allure report/index.html' })).toContain('href="../allure%20report/index.html" data-link="allure"');
    expect(html).not.toContain('data-link="allure"');
  });

  it('the Markdown summary names the decision and every criterion', () => {
    const md = markdownReport(assessment);
    expect(md).toContain('# CP: FAIL');
    for (const c of assessment.criteria) expect(md).toContain(c.id);
  });

  it.skipIf(CHROMIUM === undefined)(`renders in headless Chromium with the title, the decision, every criterion and each chart${CHROMIUM ? '' : ' (skipped: no chromium on this machine; apt-get install chromium)'}`, () => {
    const file = join(dir, 'report.html');
    writeFileSync(file, html);
    const dom = execFileSync(
      CHROMIUM as string,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', `--user-data-dir=${join(dir, 'profile')}`, '--dump-dom', `file://${file}`],
      { encoding: 'utf8', timeout: 60_000, stdio: ['ignore', 'pipe', 'ignore'] },
    );
    expect(dom).toMatch(/<title>CP — FAIL<\/title>/);
    expect(dom).toMatch(/id="decision"[^>]*>\s*<span class="big">FAIL<\/span>/);
    for (const c of assessment.criteria) expect(dom).toContain(`data-criterion="${c.id}"`);
    for (const chart of CHARTS) {
      const svg = new RegExp(`<svg[^>]*data-chart="${chart}"[^>]*>([\\s\\S]*?)</svg>`).exec(dom);
      expect(svg, `chart ${chart}`).not.toBeNull();
      expect(svg?.[1]).toMatch(/<(rect|polyline|polygon|path|circle|text)/);
    }
  });
});
