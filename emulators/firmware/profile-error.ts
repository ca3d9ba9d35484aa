// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What is wrong with firmware behaviour profiles: every problem found, each naming the file,
 * the path inside it (`faults[2].useCase`) and the reason, collected rather than stopping at the
 * first one. The CLI prints the message and exits 2, as for a broken programme.
 */

/** One problem in one profile file. */
export interface ProfileIssue {
  /** The profile file (relative to the project root when inside it). */
  readonly file: string;
  /** Where inside the file, e.g. `faults[2].useCase`; empty for the file as a whole. */
  readonly path: string;
  readonly message: string;
}

/** `fixtures/profiles/x.json: faults[2].useCase: reason` (the path left out when empty). */
export function formatProfileIssue(issue: ProfileIssue): string {
  return issue.path === '' ? `${issue.file}: ${issue.message}` : `${issue.file}: ${issue.path}: ${issue.message}`;
}

export class ProfileError extends Error {
  readonly issues: readonly ProfileIssue[];

  constructor(message: string, issues: readonly ProfileIssue[] = []) {
    super(message);
    this.name = 'ProfileError';
    this.issues = issues;
  }

  /** The error for a set of problems: a heading line, then one line per problem. */
  static of(what: string, issues: readonly ProfileIssue[]): ProfileError {
    const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
    return new ProfileError(`${what} not valid (${count}):\n${issues.map((i) => `  ${formatProfileIssue(i)}`).join('\n')}`, issues);
  }
}
