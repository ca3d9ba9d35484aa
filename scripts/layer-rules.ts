// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The layer boundaries of DESIGN.md as data, and a checker over the project's import graph.
 * A rule says which project folders a folder's files may import; node builtins and packages
 * are always allowed. The most specific matching rule wins (harness/cli before harness).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export interface LayerRule {
  /** Folder (posix, relative to the project root) whose files the rule governs. */
  readonly layer: string;
  /** Project folders this layer may import from. '*' allows everything. */
  readonly mayImport: readonly string[];
}

export const LAYER_RULES: readonly LayerRule[] = [
  { layer: 'harness/cli', mayImport: ['*'] },
  { layer: 'harness', mayImport: ['harness', 'fixtures'] },
  {
    layer: 'emulators',
    mayImport: ['emulators', 'harness/protocol', 'harness/programme', 'harness/bench', 'fixtures'],
  },
  { layer: 'suites', mayImport: ['suites', 'harness', 'fixtures'] },
  { layer: 'reports', mayImport: ['reports', 'harness'] },
  { layer: 'scripts', mayImport: ['*'] },
];

export interface LayerViolation {
  readonly file: string;
  readonly line: number;
  readonly specifier: string;
  readonly target: string;
  readonly rule: string;
}

const IMPORT_PATTERN = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

function toPosix(p: string): string {
  return p.split(sep).join('/');
}

function ruleFor(file: string): LayerRule | undefined {
  return [...LAYER_RULES]
    .sort((a, b) => b.layer.length - a.layer.length)
    .find((r) => file === r.layer || file.startsWith(`${r.layer}/`));
}

function within(target: string, folder: string): boolean {
  return target === folder || target.startsWith(`${folder}/`);
}

/** Checks one file's source; `file` is its posix path relative to the root. */
export function checkSource(file: string, source: string): LayerViolation[] {
  const rule = ruleFor(file);
  if (!rule || rule.mayImport.includes('*')) return [];
  const violations: LayerViolation[] = [];
  for (const match of source.matchAll(IMPORT_PATTERN)) {
    const specifier = match[1] ?? match[2] ?? match[3];
    if (!specifier || !specifier.startsWith('.')) continue;
    const target = toPosix(join(dirname(file), specifier));
    const topLevel = LAYER_RULES.some((r) => within(target, r.layer.split('/')[0] ?? r.layer));
    if (!topLevel) continue;
    if (rule.mayImport.some((allowed) => within(target, allowed))) continue;
    const line = source.slice(0, match.index + match[0].indexOf(specifier)).split('\n').length;
    violations.push({ file, line, specifier, target, rule: `${rule.layer} may import ${rule.mayImport.join(', ')}` });
  }
  return violations;
}

function* sourceFiles(root: string, dir: string): Generator<string> {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) yield* sourceFiles(root, full);
    else if (/\.(ts|mts|js|mjs)$/.test(name)) yield toPosix(relative(root, full));
  }
}

/** Checks every source file under the layered folders of `root`. */
export function checkLayers(root: string): LayerViolation[] {
  const out: LayerViolation[] = [];
  for (const top of ['harness', 'emulators', 'suites', 'reports']) {
    const dir = resolve(root, top);
    try {
      statSync(dir);
    } catch {
      continue;
    }
    for (const file of sourceFiles(root, dir)) out.push(...checkSource(file, readFileSync(join(root, file), 'utf8')));
  }
  return out;
}
