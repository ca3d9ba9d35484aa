// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit duis send TEMPLATE --set PATH=VALUE`: a template's body with some elements changed, so an
 * engineer can try what the RTDS template does not send — an impossible threshold, a channel
 * outside its page — and see what the DCC or the device says. PATH names an element under the
 * request's Body by its simplified names, `/`-separated
 * (`SetCHFSubGHzConfiguration/LimitedCriticalDutyCycleThreshold=100.50`); an element missing on
 * the way is added (`…/LowerBandSubGHzChannels0To26/Channel40=` adds an empty Channel40), but
 * the first name must be one of the body's own elements (a misspelt request element is refused).
 */
import type { XMLData } from '@smartdcc/duis-parser';
import { UserError } from './user-error.ts';

export interface BodyOverride {
  readonly path: readonly string[];
  readonly value: string;
}

/** Reads one `--set` argument. */
export function parseBodyOverride(text: string): BodyOverride {
  const eq = text.indexOf('=');
  const path = eq < 0 ? [] : text.slice(0, eq).split('/');
  if (eq < 0 || path.length === 0 || !path.every((p) => /^[A-Za-z_][\w.-]*$/.test(p))) {
    throw new UserError(`--set takes PATH=VALUE, PATH the body's element names separated by / (e.g. SetCHFSubGHzConfiguration/GSMECurfew=7), got ${JSON.stringify(text)}`);
  }
  return { path, value: text.slice(eq + 1) };
}

/** The body with each override applied in turn (the template's body is not changed). */
export function applyBodyOverrides(body: XMLData, overrides: readonly BodyOverride[]): XMLData {
  const out = structuredClone(body);
  for (const { path, value } of overrides) {
    const roots = Object.keys(out).filter((k) => !k.startsWith('@_') && k !== '#text');
    if (!roots.includes(path[0] as string)) {
      throw new UserError(`--set ${path.join('/')}: the template's body has no ${path[0]} element; its body is ${roots.join(', ') || 'empty'}`);
    }
    let node: XMLData = out;
    path.slice(0, -1).forEach((name, i) => {
      const next = node[name];
      if (Array.isArray(next) || (typeof next === 'string' && next.trim() !== '')) {
        throw new UserError(`--set ${path.join('/')}: ${path.slice(0, i + 1).join('/')} holds a value or a list, not elements`);
      }
      if (typeof next !== 'object') node[name] = {};
      node = node[name] as XMLData;
    });
    node[path[path.length - 1] as string] = value;
  }
  return out;
}
