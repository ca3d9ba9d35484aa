// SPDX-License-Identifier: GPL-3.0-or-later
import { describe, expect, it } from 'vitest';
import { auditSummaryText, type AuditFinding, type AuditReport } from './audit-report.ts';

const finding = (id: string, primitive: string, detectedBy: string[], reason?: string): AuditFinding => ({
  id,
  kind: 'generated',
  primitive,
  useCase: 'ECS52',
  direction: 'response',
  deviceType: id.includes('CHF') ? 'CHF' : 'ESME',
  executions: detectedBy.length,
  detected: detectedBy.length > 0,
  detectedBy,
  ...(reason ? { reason } : {}),
});

const report: AuditReport = {
  faults: 3,
  detected: 2,
  undetected: ['GEN-ECS52-response-CHF-drop'],
  faultFreeFailures: 1,
  faultFree: { executions: 4, failed: [{ testCase: 'FW-READ-CHF', planItem: 'PI-1~X~no-faults', profile: 'X', combination: 'WNC 1.9 × MM1-E24 2.1.0 @ 2.4GHz', failure: 'no DUIS response' }], skipped: 0, profiles: ['X'] },
  faultedExecutions: 2,
  testCases: 2,
  seed: 'dit',
  slice: { pairs: 0 },
  findings: [
    finding('GEN-ECS52-response-ESME-drop', 'drop', ['FW-READ-ESME']),
    finding('GEN-ECS52-response-ESME-delay', 'delay', ['FW-READ-ESME']),
    finding('GEN-ECS52-response-CHF-drop', 'drop', [], 'no test case exercises ECS52/response/CHF'),
  ],
  problems: [],
  wallMs: 1500,
};

describe('the audit as a test engineer reads it', () => {
  const text = auditSummaryText(report);

  it('tables the generated faults by site and primitive, with the detecting cases', () => {
    expect(text).toMatch(/ECS52\/response\/ESME\s+✓\s+✓\s+FW-READ-ESME/);
    expect(text).toMatch(/ECS52\/response\/CHF\s+✗\s+·/);
  });

  it('lists the undetected faults as the suites’ gaps with their reasons, and the fault-free failures', () => {
    expect(text).toContain("the suites' gaps — 1 undetected fault(s):\n  GEN-ECS52-response-CHF-drop: no test case exercises ECS52/response/CHF");
    expect(text).toContain('FW-READ-CHF on WNC 1.9 × MM1-E24 2.1.0 @ 2.4GHz (X): no DUIS response');
  });

  it('ends with the wall time and the totals', () => {
    expect(text).toMatch(/wall time 1\.5 s\nprofiles audit: 2 detected, 1 undetected, 1 fault-free failure\(s\)\n$/);
  });
});
