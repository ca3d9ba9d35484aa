// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * `dit`: the command line and the composition root. Every command lives in its own file; this
 * one declares the options, turns user mistakes into exit code 2 with one clear line, and
 * never prints a stack trace for them.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { EXIT, UserError } from './user-error.ts';

function positiveInt(name: string) {
  return (value: string): number => {
    const n = Number(value);
    if (!Number.isInteger(n) || n <= 0) throw new InvalidArgumentError(`${name} must be a positive integer, got "${value}"`);
    return n;
  };
}

function port(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 65535) throw new InvalidArgumentError(`a TCP port is 0..65535, got "${value}"`);
  return n;
}

const targetOption = () =>
  new Option('--target <target>', 'where DUIS goes: emulated (in-process, msw) or loopback (the emulated DCC over HTTP on 127.0.0.1)')
    .choices(['emulated', 'loopback'])
    .default('emulated');

/** `dit run`'s targets: the two above, and a real lab's DCC (DCC Boxed). */
const runTargetOption = () =>
  new Option('--target <target>', 'where DUIS goes: emulated (in-process, msw), loopback (the emulated DCC over HTTP on 127.0.0.1) or lab (a real DCC such as DCC Boxed at --url, real time)')
    .choices(['emulated', 'loopback', 'lab'])
    .default('emulated');

/** The options of a command that talks DUIS to one emulated premises (harness/cli/world-target.ts), besides --target. */
const worldOptions = (command: Command): Command =>
  command
    .option('--url <url>', 'with --target loopback: an emulated DCC already running; default: start one')
    .option('--seed <seed>', 'seed of the emulated world', 'dit')
    .option('--premises <file>', 'premises description', 'fixtures/premises/dual-band.json');

export function buildProgram(): Command {
  const program = new Command('dit')
    .description('Device integration test harness for GB smart metering Dual Band Comms Hubs')
    .version('0.1.0')
    .showHelpAfterError('(run with --help for the options)')
    .exitOverride();

  const planOptions = (cmd: Command): Command =>
    cmd
      .option('--programme <name|dir>', 'programme folder, or a name under fixtures/programme/', 'dbch-2019-04')
      .option('--cycle <id>', "cycle of the programme (default: its confidence cycle running at --at, else the next one)")
      .option('--at <date>', "programme date (YYYY-MM-DD; default: the programme's own today)")
      .option('--tags <list>', 'only test cases with one of these tags (comma-separated: confidence, formal, regression, smoke)')
      .option('--combination <filter>', 'only combinations matching: a text, or fields like vendor=WNC,band=868MHz,model=MM2-G868-OPT1')
      .addOption(new Option('--strategy <strategy>', 'all combinations per test case, or a pairwise cover').choices(['full', 'pairwise']).default('full'))
      .option('--shard <i/n>', 'run only shard i of n (plan items dealt round-robin by id)')
      .option('--retest-for <release>', 'plan what a new release must repeat: what failed on its predecessor and what its claimed fixes touch')
      .option('--premises <file>', 'base premises description the emulated devices are built from', 'fixtures/premises/dual-band.json');

  planOptions(
    program
      .command('run')
      .description('run a DIT cycle: the planned test cases against emulated premises, recorded in the ledger, with Allure results and an HTML report'),
  )
    .addOption(runTargetOption())
    .option('--url <url>', 'with --target loopback: an emulated DCC already running (dit emulate; default: start one for the run); with --target lab: the DCC\'s DUIS base URL')
    .option('--keystore <dir>', 'with --target lab: keys in the RTDS keystore layout (default: the RTDS folder\'s keystore, the test PKI of DCC Boxed)')
    .option('--user <eui>', 'with --target lab: the Service User EUI-64 whose private keys the keystore holds (default: the RTDS supplier 90-B3-D5-1F-30-01-00-00)')
    .option('--receiver <host:port[=url]>', 'with --target lab: where the DUIS receiver listens for the DCC\'s responses and alerts, and the URL the DCC posts to if different (default 127.0.0.1:8081)')
    .option('--seed <seed>', 'run seed: the same seed gives the same results and the same message bytes', 'dit')
    .addOption(new Option('--attempts <n>', 'tries per failing execution (each attempt is recorded)').argParser(positiveInt('--attempts')).default(1))
    .option('--inject-dcc-error <status/n>', 'fault injection: every n-th DUIS request answered by the DCC edge with that HTTP 5xx status, e.g. 503/3')
    .option('--dcc-faults <file>', 'DCC edge fault schedule (JSON; emulated and loopback targets): HTTP 5xx, a stopped service, lost device or DCC alerts, e.g. fixtures/dcc-faults/programme-2019-04-incidents.json')
    .option('--resume [runId]', 'continue a run that did not finish (default: the latest unfinished run): only plan items with no recorded result run')
    .option('--ledger <file>', 'SQLite ledger file', 'out/ledger.db')
    .option('--allure-dir <dir>', 'where Allure results are written', 'allure-results')
    .option('--report-dir <dir>', 'where the Allure HTML report is generated', 'out/allure-report')
    .option('--no-report', 'do not generate the HTML report')
    .option('--history <file>', 'Allure history across runs (kept outside the report folder)', 'out/allure-history.jsonl')
    .action(async (opts) => {
      const { runCommand } = await import('./run-command.ts');
      process.exitCode = await runCommand(opts);
    });

  planOptions(program.command('plan').description('show what a cycle would run: combinations × test cases, with what is out of scope and why'))
    .option('--json', 'print the plan as JSON')
    .option('--ledger <file>', 'SQLite ledger file (read by --retest-for)', 'out/ledger.db')
    .action(async (opts) => {
      const { planCommand } = await import('./plan-command.ts');
      process.exitCode = await planCommand(opts);
    });

  program
    .command('emulate')
    .description('serve the emulated DCC (DCC Boxed shape: POST /api/v1/serviceS, /serviceT, /serviceD) on 127.0.0.1 until interrupted')
    .addOption(new Option('--port <port>', 'TCP port (0: any free port)').argParser(port).default(8079))
    .option('--host <host>', 'address to bind', '127.0.0.1')
    .option('--allow-non-loopback', 'allow binding an address other than loopback')
    .option('--seed <seed>', 'seed of the emulated world', 'dit')
    .option('--premises <file>', 'premises description (comms hub and meters)', 'fixtures/premises/dual-band.json')
    .option('--receiver <url>', 'where asynchronous DUIS responses and alerts are POSTed (default: the client tells the server)')
    .option('--at <date>', 'programme date the emulated world starts at (YYYY-MM-DD)', '2019-04-12')
    .option('--accept-unsigned', 'the default world accepts DUIS requests with no XML signature (a broken one is still refused)')
    .action(async (opts) => {
      const { emulateCommand } = await import('./emulate-command.ts');
      process.exitCode = await emulateCommand(opts);
    });

  program
    .command('report')
    .description('render Allure results into the HTML report, with each test\'s history across the runs rendered before (merges shard results given together), and the control-point report beside it, linked both ways')
    .argument('[results...]', 'Allure results folders (e.g. one per shard)', ['allure-results'])
    .option('--report-dir <dir>', 'where the HTML report is generated', 'out/allure-report')
    .option('--history <file>', 'Allure history across runs (kept outside the report folder)', 'out/allure-history.jsonl')
    .option('--name <name>', 'report name', 'dit')
    .option('--programme <name|dir>', 'programme whose control point is assessed beside the Allure report', 'dbch-2019-04')
    .option('--at <date>', 'programme date assessed (YYYY-MM-DD; default: the latest programme date a run of the programme recorded in --ledger, else the programme\'s today)')
    .option('--control-point <id>', 'control point assessed (default: the programme\'s first control point dated on or after --at, else its latest)')
    .option('--no-control-point', 'build the Allure report only')
    .option('--ledger <file>', 'SQLite ledger the control point is assessed from (the assessment is appended to it when it exists)', 'out/ledger.db')
    .option('--control-point-dir <dir>', 'where the control-point report (HTML, Markdown, JSON) is written; it links to the Allure report, which attaches it', 'out/control-point')
    .option('--premises <file>', 'premises description the test case catalogue is collected with', 'fixtures/premises/dual-band.json')
    .action(async (results: string[], opts) => {
      const { reportCommand } = await import('./report-command.ts');
      process.exitCode = await reportCommand(results, opts);
    });

  program
    .command('regression')
    .description('End-of-Cycle regression: a run against the previous cycle\'s baseline — new failures, fixed, still failing (exit 1 on a new failure)')
    .option('--ledger <file>', 'SQLite ledger file', 'out/ledger.db')
    .option('--run <id>', 'the regression run (default: the latest finished run)')
    .option('--baseline <id>', 'the baseline run (default: the latest earlier finished run of another cycle)')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { regressionCommand } = await import('./regression-command.ts');
      process.exitCode = await regressionCommand(opts);
    });

  program
    .command('soak')
    .description('run one emulated premises through N virtual days (reads every 30 min, a channel change, a firmware update over 868 MHz, a supply outage), deterministically from the seed; writes the trace as JSON Lines')
    .addOption(new Option('--days <n>', 'virtual days (1–366)').argParser(positiveInt('--days')).default(7))
    .option('--seed <seed>', 'seed of the world and of the times of the events: the same seed writes the same trace', 'dit')
    .option('--trace <file>', 'where the trace is written (JSON Lines, one event a line)', 'out/soak/trace.jsonl')
    .option('--premises <file>', 'premises description', 'fixtures/premises/dual-band.json')
    .option('--json', 'print the counts as JSON')
    .action(async (opts) => {
      const { soakCommand } = await import('./soak-command.ts');
      process.exitCode = await soakCommand(opts);
    });

  program
    .command('replay')
    .description('re-run a failing property suite from the token its failure printed (NAME:SEED:PATH; the property name is part of it): the shrunk sequence step by step and the invariant that broke; exit 1 when it reproduces, 0 when the property holds')
    .argument('<token>', 'NAME:SEED:PATH as printed after "replay: dit replay" (NAME:SEED re-runs the whole seed)')
    .option('--premises <file>', 'premises description the sequences run on (the one the failure was found on)', 'fixtures/premises/dual-band.json')
    .addOption(new Option('--runs <n>', 'with NAME:SEED only: sequences to draw (default DIT_PROPERTY_RUNS or 200)').argParser(positiveInt('--runs')))
    .action(async (token: string, opts) => {
      const { replayCommand } = await import('./replay-command.ts');
      process.exitCode = await replayCommand(token, opts);
    });

  const gbcs = program.command('gbcs').description('decode and verify GBCS frames');
  gbcs
    .command('verify')
    .description('decode and verify every RTDS message: CRA flags, message codes, MACs, signatures, round trips')
    .option('--rtds <dir>', 'RTDS folder holding RTDS-4.5.0/ and keystore/ (default: $DIT_RTDS_DIR or ../shared/rtds)')
    .option('--json', 'print the report as JSON')
    .action(async (opts) => {
      const { gbcsVerifyCommand } = await import('./gbcs-verify-command.ts');
      process.exitCode = await gbcsVerifyCommand(opts);
    });
  gbcs
    .command('decode')
    .description('decode one GBCS frame and its typed payload')
    .argument('<frame>', 'the frame as hex, or @FILE to read the hex from a file')
    .option('--keystore <dir>', 'keystore folder (RTDS layout) to check the MAC and signature and decrypt protected content')
    .option('--json', 'print JSON')
    .action(async (frame: string, opts) => {
      const { gbcsDecodeCommand } = await import('./gbcs-decode-command.ts');
      process.exitCode = await gbcsDecodeCommand(frame, opts);
    });

  const duis = program.command('duis').description('talk DUIS to a DCC');
  worldOptions(duis.command('send'))
    .description('send one DUIS request template and print the acknowledgement and the decoded response')
    .argument('[template]', 'template key, e.g. ECS52_11.2 or ECS17b_4.1.1_SINGLE (see dit duis templates); omit with --all')
    .option('--all', 'every loaded template: one row each (implemented, answered, decodable, reason, rtdsShape); exit 1 unless every implemented one is answered and decodable')
    .addOption(targetOption())
    .option('--json', 'print JSON')
    .option('--signature <how>', 'XML signature of the request: signed (the user\'s key), none, or broken (one character of the signature value changed)')
    .option('--replay', 'send the same request a second time, as a replay (its RequestID counter is not above the last)')
    .option('--set <path=value>', 'change a body element of the template (repeatable), e.g. SetCHFSubGHzConfiguration/LimitedCriticalDutyCycleThreshold=100.50', (v: string, all: string[] = []) => [...all, v])
    .action(async (template: string | undefined, opts) => {
      const { duisSendAllCommand, duisSendCommand } = await import('./duis-send-command.ts');
      if (opts.all) {
        if (template !== undefined) throw new UserError(`give a template or --all, not both (got ${JSON.stringify(template)} and --all)`);
        if (opts.signature !== undefined || opts.replay || opts.set) throw new UserError('--signature, --replay and --set apply to one template, not to --all');
        process.exitCode = await duisSendAllCommand(opts);
        return;
      }
      if (template === undefined) throw new UserError('dit duis send needs a TEMPLATE (see dit duis templates) or --all');
      process.exitCode = await duisSendCommand(template, opts);
    });
  worldOptions(duis.command('update-firmware'))
    .description('SRV 11.1 Update Firmware to a device of an emulated premises: the DCC\'s answer, then the device\'s receipt alert (8F72) in virtual time')
    .requiredOption('--device <device>', 'ESME, GSME, CHF, or the EUI-64 of a device of the premises')
    .requiredOption('--firmware <version>', 'the release version (its ASCII bytes are the firmware version octets, as the catalogue names images), or hex:OCTETS')
    .addOption(targetOption())
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { duisFirmwareCommand } = await import('./duis-firmware-command.ts');
      process.exitCode = await duisFirmwareCommand(opts);
    });
  duis
    .command('templates')
    .description('list the DUIS request templates')
    .option('--filter <text>', 'only keys containing this text')
    .action(async (opts) => {
      const { duisTemplatesCommand } = await import('./duis-send-command.ts');
      process.exitCode = await duisTemplatesCommand(opts);
    });

  const defects = program.command('defects').description('defects made from the ledger\'s failures, with their lifecycle across firmware releases');
  const defectOptions = (cmd: Command): Command =>
    cmd
      .option('--ledger <file>', 'SQLite ledger file', 'out/ledger.db')
      .option('--programme <name|dir>', 'programme folder, or a name under fixtures/programme/', 'dbch-2019-04')
      .option('--at <date>', "programme date (YYYY-MM-DD; default: the programme's own today)")
      .option('--quarantine <file>', 'quarantine list (default: fixtures/quarantine.json when present)')
      .option('--release <id>', 'only defects touching this firmware release')
      .option('--json', 'print JSON');
  defectOptions(defects.command('list').description('list the defects: id, severity, state, found in, fixed in, verified in')).action(async (opts) => {
    const { defectsListCommand } = await import('./defects-command.ts');
    process.exitCode = await defectsListCommand(opts);
  });
  defectOptions(defects.command('show').description('one defect with its history').argument('<id>', 'defect id (DEF-…)')).action(async (id: string, opts) => {
    const { defectsShowCommand } = await import('./defects-command.ts');
    process.exitCode = await defectsShowCommand(id, opts);
  });
  defectOptions(defects.command('update').description('annotate a defect (appended to the ledger): ticket, note, severity override').argument('<id>', 'defect id (DEF-…)'))
    .option('--ticket <id>', 'external ticket id ("none" clears it)')
    .option('--note <text>', 'a note')
    .option('--severity <1-4>', 'severity override ("none" clears it)')
    .option('--author <name>', 'who annotates (default: $USER)')
    .action(async (id: string, opts) => {
      const { defectsUpdateCommand } = await import('./defects-command.ts');
      process.exitCode = await defectsUpdateCommand(id, opts);
    });
  defectOptions(defects.command('export').description('export the defect list (CSV by default)'))
    .addOption(new Option('--format <format>', 'csv or json').choices(['csv', 'json']).default('csv'))
    .action(async (opts) => {
      const { defectsExportCommand } = await import('./defects-command.ts');
      process.exitCode = await defectsExportCommand(opts);
    });

  const profiles = program.command('profiles').description('firmware behaviour profiles and their faults');
  profiles
    .command('audit')
    .description('switch generated faults (and every fault the shipped profiles declare) on in the emulated premises and report which DIT test cases detect each; undetected faults are the suites\' gaps')
    .option('--json', 'print the report as JSON: { faults, detected, undetected, faultFreeFailures, findings, … }')
    .option('--use-case <id>', 'only faults on this GBCS use case (id or alias, e.g. ECS17b)')
    .option('--primitive <name>', 'only faults of this primitive (drop, delay, corrupt, omit-alert, wrong-value, reject, …)')
    .option('--test-case <ids>', 'only these test cases (comma-separated ids)')
    .addOption(new Option('--pairs <n>', 'random pairs of generated faults (seeded)').argParser((v) => (v === '0' ? 0 : positiveInt('--pairs')(v))).default(20))
    .option('--seed <seed>', 'run seed: the executions\' seeds and the pairs derive from it', 'dit')
    .option('--premises <file>', 'premises description', 'fixtures/premises/dual-band.json')
    .option('--programme <name|dir>', 'programme the shipped profiles belong to', 'dbch-2019-04')
    .option('--at <date>', "programme date the worlds start on (default: the programme's own today)")
    .action(async (opts) => {
      const { profilesAuditCommand } = await import('./profiles-audit-command.ts');
      process.exitCode = await profilesAuditCommand(opts);
    });

  program
    .command('control-point')
    .description('control points: go / no-go assessments over the programme and the ledger')
    .command('assess')
    .description('assess a control point as of a programme date: criteria with evidence, coverage, options, forecast; writes HTML, Markdown and JSON (exit 1 when it fails)')
    .option('--programme <name|dir>', 'programme folder, or a name under fixtures/programme/', 'dbch-2019-04')
    .option('--at <date>', "programme date (YYYY-MM-DD; default: the programme's own today)")
    .option('--control-point <id>', "control point id (default: the programme's first)")
    .option('--ledger <file>', 'SQLite ledger file (the assessment is appended to it as an audit record)', 'out/ledger.db')
    .addOption(new Option('--format <format>', 'what is printed: the Markdown summary, the HTML file path, or the JSON').choices(['html', 'md', 'json']).default('md'))
    .option('--out <dir>', 'where the report files are written', 'out/control-point')
    .option('--premises <file>', 'premises description the test case catalogue is collected with', 'fixtures/premises/dual-band.json')
    .action(async (opts) => {
      const { controlPointAssessCommand } = await import('./control-point-command.ts');
      process.exitCode = await controlPointAssessCommand(opts);
    });

  const ledger = program.command('ledger').description('inspect the SQLite ledger');
  ledger
    .command('check')
    .description('integrity check and counts')
    .option('--ledger <file>', 'SQLite ledger file', 'out/ledger.db')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { ledgerCheckCommand } = await import('./ledger-command.ts');
      process.exitCode = await ledgerCheckCommand(opts);
    });
  ledger
    .command('merge')
    .description('merge other ledgers (e.g. of shards) into this one: a union of their records')
    .argument('<files...>', 'ledger files to merge in')
    .option('--ledger <file>', 'SQLite ledger file to merge into', 'out/ledger.db')
    .action(async (files: string[], opts) => {
      const { ledgerMergeCommand } = await import('./ledger-command.ts');
      process.exitCode = await ledgerMergeCommand(files, opts);
    });
  ledger
    .command('runs')
    .description('list the recorded runs')
    .option('--ledger <file>', 'SQLite ledger file', 'out/ledger.db')
    .option('--json', 'print JSON')
    .action(async (opts) => {
      const { ledgerRunsCommand } = await import('./ledger-command.ts');
      process.exitCode = await ledgerRunsCommand(opts);
    });

  return program;
}

export async function main(argv: string[]): Promise<number> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (e) {
    if (e instanceof CommanderError) {
      // help and version are successful exits; every other commander error is a usage error
      if (e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help') return EXIT.ok;
      return EXIT.usage;
    }
    if (e instanceof UserError || isUserFacing(e)) {
      process.stderr.write(`dit: ${(e as Error).message}\n`);
      return EXIT.usage;
    }
    process.stderr.write(`dit: internal error: ${(e as Error)?.stack ?? String(e)}\n`);
    return EXIT.failed;
  }
}

/** Errors whose message is written for the user (named input errors of the harness layers). */
function isUserFacing(e: unknown): boolean {
  if (!(e instanceof Error)) return false;
  return [
    'UserError',
    'LedgerError',
    'GbcsDecodeError',
    'GbcsCryptoError',
    'HexFormatError',
    'KeyFileError',
    'PayloadContextError',
    'DuisError',
    'PremisesSpecError',
    'RtdsError',
    'RtdsNotFoundError',
    'RtdsFileNameError',
    'KeyStoreError',
    'TemplateError',
    'DccEdgeScheduleError',
    'ProgrammeError',
    'PlanError',
    'CatalogueError',
    'ShardError',
    'QuarantineError',
    'ProfileError',
    'DccEdgeFaultError',
  ].includes(e.name);
}
