// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The emulated DCC: one fetch-style handler `(Request) => Promise<Response>` serving DUIS in
 * DCC Boxed's shape (POST /api/v1/serviceS, /serviceT, /serviceD; 404 / 405 / 413 by the edge
 * rules of http-route.ts), mounted behind msw in process and on node:http for loopback.
 *
 * A request passes these checks in order; the first that fails is answered synchronously with
 * an E-code (dcc-answer.ts: the reason rides along in an XML comment and a header) and NO
 * device sees anything:
 *
 * | check                                                            | code                       |
 * | ---------------------------------------------------------------- | -------------------------- |
 * | a body from which no RequestID can be read                       | HTTP 400 (no DUIS answer)  |
 * | SRV not in the DUIS request matrix                               | E9003 unknownSrv           |
 * | not well-formed / not a DUIS Request / header element missing or bad | E9001 malformedRequest |
 * | the web service (URL) is not the command variant's               | E13 wrongUrlForRequestType |
 * | CV does not fit the SRV (non-device ↔ 8, critical ↔ 4–7)         | E12 commandVariantNotApplicable |
 * | originator EUI is no registered user                             | E1 invalidUserRole         |
 * | XML signature missing (strict mode) or present but not verifying with the originator's DS public key | E9004 invalidXmlSignature (provisional) |
 * | the user's role is not eligible for the SRV                      | E2 roleNotEligible         |
 * | RequestID counter not above the originator's last accepted one   | E9002 requestIdCounterNotIncreasing |
 * | CV 8: an SRV with no non-device service here (non-device-services.ts) | E11 (not emulated)    |
 * | target EUI not in the DCC's inventory (the premises' devices)    | E19 deviceUnknown          |
 * | the target's comms hub returned (8.14.3 / 8.14.4) / installed with no SM WAN (8.14.2) | E5 invalidDeviceStatus / E20 cannotCommunicate (comms-hub-inventory.ts) |
 * | no transform of the SRV to the target's device type (srv-transforms.ts)  | E11 srvNotForDeviceType |
 * | CV 2, 3, 6, 7 for a command the ACB originates (to the CHF) [P]  | E17 localCommandNotAvailable |
 * | CV 5, 6, 7 without a pre-command issued for its RequestID, or not that pre-command + signature | E9001 |
 * | the body lacks what the command needs                            | E9001 (E19 for an unknown DeviceID, E11 for a variant not emulated) |
 *
 * [P] E11 doubles as "not emulated" for SRVs the emulated DCC does not transform yet: DUIS has no
 * code for it, and E11 ("the Service Reference is not compatible with the target device type")
 * is what a user of these emulated devices sees for them; the reason text says "not emulated".
 * A rejected request does not consume its RequestID counter.
 *
 * XML signatures (xml-signature.ts): strict by default, as DCC Boxed: every request must carry
 * an enveloped XML-DSig signature (ECDSA-SHA256, exclusive C14N) verifying with the originator
 * user's DS public key (`keys.keysOf(originator)`). `acceptUnsigned: true` lets an unsigned
 * request through; a present but invalid signature is still refused.
 *
 * Critical commands: CV 4 (/serviceT) is answered synchronously I0 with the pre-command
 * (ResponseMessage/PreCommand: GBCS frame without signature field or MAC); the user signs it
 * and sends it back under the same RequestID as CV 5 (/serviceS, SignedPreCommand/GBCSPayload;
 * CV 6 and 7 for local delivery, below); the DCC MACs it, delivers it and answers I99. The
 * device checks the user's signature: a wrong one is refused by the device (no response
 * follows, as for any refused command) [P].
 *
 * Local delivery (command variants 2, 3, 6, 7; `returnsLocalCommand`): the DCC builds and
 * protects the command exactly as for the WAN (CV 2 and 3 as CV 1; CV 6 and 7 are the signed
 * pre-command of a CV 4, MACed as CV 5) and returns it to the user in
 * ResponseMessage/LocalCommand/GBCSPayload, to be handed to the device locally (a hand-held
 * terminal: the Bench's `local-delivery`). CV 2 and 6 (`/serviceD`) send nothing over the WAN
 * and are answered I0; CV 3 and 7 (`/serviceS`) also send it over the WAN as CV 1 and 5 and are
 * answered I99 with the copy, the device response following as usual [P: DUIS's synchronous
 * code for CV 3 and 7 is not in the material at hand; DCC Boxed does not serve them: its Node-RED
 * nodes, SmartDCCInnovation/dccboxed-nodered-nodes, refuse CV 3 and 7 as unsupported [V]]. Whichever
 * copy reaches the device second finds its counter spent. The DCC keeps what it returned
 * (local-command-log.ts) for SRV 8.13, by which the user returns the device's response.
 *
 * A request that passes becomes a GBCS command (srv-transforms.ts, command-sealing.ts), goes to
 * the premises (`handleCommand`), and is answered I99. The premises' receipt is kept in the
 * trace: a command the device refuses gets no response, as from a real device. Device
 * responses and alerts come back through `onDeviceMessage` and reach the receiver as DUIS
 * (device-message-relay.ts); a comms hub power loss the premises reports becomes the DCC alert
 * AD1 (dcc-alert-relay.ts); a command the comms hub reports it could not deliver to the sleepy
 * GSME is answered with an asynchronous E20 / E21 error response (delivery-failure-relay.ts).
 * Every date-time is the virtual clock's.
 */
import { isDuisError, type DuisError } from '../../harness/protocol/duis/duis-error.ts';
import { buildAcknowledgement, buildLocalCommand, buildPreCommand as buildPreCommandResponse } from '../../harness/protocol/duis/build-response.ts';
import { returnsLocalCommand, sendsOverWan, webServiceFor } from '../../harness/protocol/duis/command-variant.ts';
import { duisEuiToHex } from '../../harness/protocol/duis/eui.ts';
import { DUIS_SERVICE_PATHS, servicePathFor } from '../../harness/protocol/duis/http-binding.ts';
import { routePosts, type FetchHandler } from '../../harness/protocol/duis/http-route.ts';
import type { DuisRequestMessage } from '../../harness/protocol/duis/message.ts';
import { parseDuisRequest } from '../../harness/protocol/duis/parse.ts';
import { hasDuisSignature, verifyDuisSignature } from '../../harness/protocol/duis/xml-signature.ts';
import { formatRequestId, parseRequestId, RequestCounter, type RequestId } from '../../harness/protocol/duis/request-id.ts';
import type { DuisReceiver } from '../../harness/protocol/duis/receiver.ts';
import { RESPONSE_CODE } from '../../harness/protocol/duis/response-codes.ts';
import type { Eui64 } from '../../harness/protocol/gbcs/frame-types.ts';
import { bytesToHex } from '../../harness/protocol/gbcs/hex.ts';
import type { CommandReceipt, DeliveryFailureListener, DeviceMessageListener } from '../device-message.ts';
import type { DeviceType } from '../device.ts';
import type { KeyDirectory } from '../key-directory.ts';
import { buildDccCommand, buildPreCommand, macSignedPreCommand, type CommandInput, type DccCommand } from './command-sealing.ts';
import { duisAnswer, notDuisAnswer, rejectionAnswer } from './dcc-answer.ts';
import { DccAlertRelay, type CommsHubPowerLossReport } from './dcc-alert-relay.ts';
import { DccTrace } from './dcc-trace.ts';
import { DccUserRegistry, DEFAULT_DCC_USERS, type DccUser } from './dcc-users.ts';
import { DeliveryFailureRelay } from './delivery-failure-relay.ts';
import { DeviceMessageRelay } from './device-message-relay.ts';
import { CommsHubInventory } from './comms-hub-inventory.ts';
import { DeviceLogRecords } from './device-log-records.ts';
import { LocalCommandLog } from './local-command-log.ts';
import { findNonDeviceService, type FirmwareDistributionSide, type NonDeviceContext } from './non-device-services.ts';
import { defaultFirmwareCatalogue, type FirmwareCatalogue, type FirmwareImage } from '../../harness/programme/firmware-catalogue.ts';
import { PendingDeviceRequests, type PendingDeviceRequest } from './pending-device-requests.ts';
import { RequestBodyError } from './request-body-error.ts';
import { RequestCounterLog } from './request-counter-log.ts';
import { findSrvTransform, transformTargetsOf, type InventoryHanDevice, type SrvTransform, type TransformContext } from './srv-transforms.ts';

/** What the DCC needs of a premises: its devices (the DCC's inventory) and its WAN side. */
export interface DccPremises {
  /** Its devices, with the model and manufacturer the firmware catalogue matches (SRV 11.1). */
  devices(): ReadonlyArray<{ readonly eui: Eui64; readonly deviceType: DeviceType; readonly model?: string; readonly manufacturer?: string }>;
  /** SRV 11.1: the comms hub takes an image for one of its devices (non-device-services.ts); absent: none is distributed. */
  distributeFirmware?(request: { readonly target: Eui64; readonly image: FirmwareImage; readonly requester: Eui64 }): { readonly accepted: true } | { readonly accepted: false; readonly detail: string };
  /** The Type 1 devices (PPMID, HCALCS) the inventory holds for the premises; absent: none. */
  hanDevices?(): readonly InventoryHanDevice[];
  /** Takes a GBCS command frame; the receipt says at once whether it was accepted. */
  handleCommand(frame: Uint8Array): CommandReceipt | Promise<CommandReceipt>;
  /** Registers a listener for device responses and alerts; returns the unsubscribe function. */
  onDeviceMessage(listener: DeviceMessageListener): () => void;
  /** Registers a listener for comms hub power losses (the DCC raises AD1); returns the unsubscribe function. */
  onCommsHubPowerLoss?(listener: (loss: CommsHubPowerLossReport) => void | Promise<void>): () => void;
  /** Registers a listener for commands the comms hub could not deliver (the DCC answers E20 / E21); returns the unsubscribe function. */
  onDeliveryFailure?(listener: DeliveryFailureListener): () => void;
}

export interface EmulatedDccOptions {
  /** Virtual time, epoch ms (the world's clock). */
  readonly now: () => number;
  readonly premises: DccPremises;
  /** Keys of every party (the ACB's private KA key MACs commands). */
  readonly keys: KeyDirectory;
  /** Where device responses and alerts go. */
  readonly receiver: DuisReceiver;
  /** Registered Service Users. Default: the RTDS supplier as Import Supplier. */
  readonly users?: readonly DccUser[];
  /** Who receives alerts not addressed to a registered user. Default: the first user. */
  readonly alertRecipient?: Eui64;
  /**
   * Accept requests with no XML signature (a present but invalid one is still refused).
   * Default false: strict, every request must be signed by its originator.
   */
  readonly acceptUnsigned?: boolean;
  /** The images the DCC may distribute (SRV 11.1). Default: the default programme's (firmware-catalogue.ts). */
  readonly firmwareCatalogue?: FirmwareCatalogue;
}

export interface EmulatedDcc {
  /** The DCC's DUIS endpoints, edge rules included. */
  readonly handler: FetchHandler;
  readonly trace: DccTrace;
  /** Stops listening to the premises. */
  close(): void;
}

/** The GBCS version the DCC writes on the pre-commands it issues (DUIS PreCommand/GBCSVersion) [P]. */
const GBCS_VERSION = '4.0';

class Rejection extends Error {
  constructor(
    readonly responseCode: string,
    readonly reason: string,
  ) {
    super(`${responseCode} ${reason}`);
  }
}

const ELEMENT_PATTERN = (name: string) => new RegExp(`<(?:[A-Za-z_][\\w.-]*:)?${name}>\\s*([^<]*?)\\s*</(?:[A-Za-z_][\\w.-]*:)?${name}>`);

/** The RequestID and SRV of a body the parser refused, read leniently (for the E-code answer). */
function salvage(bytes: Uint8Array): { requestId: RequestId | null; srv: string | null } {
  const text = new TextDecoder('utf-8').decode(bytes);
  let requestId: RequestId | null = null;
  const id = ELEMENT_PATTERN('RequestID').exec(text)?.[1];
  if (id !== undefined) {
    try {
      requestId = parseRequestId(id);
    } catch {
      requestId = null;
    }
  }
  return { requestId, srv: ELEMENT_PATTERN('ServiceReferenceVariant').exec(text)?.[1] ?? null };
}

class EmulatedDccService {
  readonly trace = new DccTrace();
  private readonly users: DccUserRegistry;
  private readonly counters = new RequestCounterLog();
  private readonly pending = new PendingDeviceRequests();
  private readonly acbCounter: RequestCounter;
  private readonly stopListening: () => void;
  private readonly context: TransformContext;
  /** Comms hub statuses (SRV 8.14) and device logs (CCS07, for SRV 8.12) the DCC keeps. */
  private readonly commsHubs: CommsHubInventory;
  private readonly deviceLogs = new DeviceLogRecords();
  /** Commands returned for local delivery and the responses returned for them (SRV 8.13). */
  private readonly localCommands = new LocalCommandLog();
  /** Pre-commands issued (CV 4) and not yet signed, by RequestID text. */
  private readonly preCommands = new Map<string, { input: CommandInput; command: DccCommand }>();
  /** SRV 11.1's side: the catalogue (loaded at the first request) and the premises' distribution. */
  private readonly firmware: FirmwareDistributionSide | undefined;

  constructor(private readonly options: EmulatedDccOptions) {
    this.users = new DccUserRegistry(options.users ?? DEFAULT_DCC_USERS);
    const first = this.users.users()[0];
    const alertRecipient = options.alertRecipient ?? first?.eui;
    if (alertRecipient === undefined) throw new RangeError('the emulated DCC needs at least one registered user');
    this.acbCounter = new RequestCounter(() => options.now());
    this.context = {
      deviceTypeOf: (eui) => options.premises.devices().find((d) => d.eui === eui)?.deviceType,
      now: options.now,
      hanDeviceOf: (eui) => options.premises.hanDevices?.().find((d) => d.eui === eui),
      deviceLogRecordOf: (eui) => {
        const chf = this.context.deviceTypeOf(eui) === 'GPF' ? this.commsHubs.servingHubOf(eui) : eui;
        return chf === undefined ? undefined : this.deviceLogs.ofChf(chf);
      },
    };
    this.commsHubs = new CommsHubInventory(() => options.premises.devices());
    this.firmware = this.firmwareSide();
    const relay = new DeviceMessageRelay({
      now: options.now,
      receiver: options.receiver,
      pending: this.pending,
      users: this.users,
      alertRecipient,
      trace: this.trace,
    });
    const dccAlerts = new DccAlertRelay({ now: options.now, receiver: options.receiver, recipient: alertRecipient, trace: this.trace });
    const stopDevices = options.premises.onDeviceMessage(relay.relay);
    const stopLogs = options.premises.onDeviceMessage((bytes) => void this.deviceLogs.observe(bytes, options.now()));
    const stopHub = options.premises.onCommsHubPowerLoss?.(dccAlerts.commsHubPowerLost);
    const failures = new DeliveryFailureRelay({ now: options.now, receiver: options.receiver, pending: this.pending, trace: this.trace });
    const stopFailures = options.premises.onDeliveryFailure?.(failures.relay);
    this.stopListening = () => {
      stopDevices();
      stopLogs();
      stopHub?.();
      stopFailures?.();
    };
  }

  close(): void {
    this.stopListening();
  }

  /** The catalogue and the premises' firmware distribution, when the premises takes images (non-device-services.ts). */
  private firmwareSide(): FirmwareDistributionSide | undefined {
    const { premises } = this.options;
    const distribute = premises.distributeFirmware?.bind(premises);
    if (!distribute) return undefined;
    let catalogue = this.options.firmwareCatalogue;
    return {
      get catalogue() {
        return (catalogue ??= defaultFirmwareCatalogue());
      },
      catalogueDevice(eui) {
        const d = premises.devices().find((x) => x.eui === eui);
        if (!d) return undefined;
        if (d.deviceType === 'ESME' || d.deviceType === 'GSME') return d.model === undefined ? undefined : { kind: 'meter', modelId: d.model };
        return d.manufacturer === undefined ? undefined : { kind: 'comms-hub', vendorId: d.manufacturer };
      },
      distribute(target, image, requester) {
        const receipt = distribute({ target, image, requester });
        return receipt.accepted ? { ok: true } : { ok: false, detail: receipt.detail };
      },
    };
  }

  readonly handle = async (request: Request): Promise<Response> => {
    const path = new URL(request.url).pathname;
    const bytes = new Uint8Array(await request.arrayBuffer());
    let parsed: DuisRequestMessage;
    try {
      parsed = parseDuisRequest(bytes);
    } catch (e) {
      if (!isDuisError(e)) throw e;
      return this.refuseUnparsed(bytes, e);
    }
    try {
      return await this.serve(parsed, path, bytes);
    } catch (e) {
      if (!(e instanceof Rejection)) throw e;
      return this.reject(parsed.requestId, parsed.srv, e.responseCode, e.reason);
    }
  };

  private refuseUnparsed(bytes: Uint8Array, error: DuisError): Response {
    const { requestId, srv } = salvage(bytes);
    if (requestId === null) {
      this.trace.record({ at: this.options.now(), event: 'rejected', responseCode: 'HTTP 400', detail: error.message });
      return notDuisAnswer(error.message);
    }
    const code = error.reason === 'unknown-srv' ? RESPONSE_CODE.unknownSrv : RESPONSE_CODE.malformedRequest;
    return this.reject(requestId, srv, code, error.message);
  }

  private reject(requestId: RequestId, srv: string | null, responseCode: string, reason: string): Response {
    const at = this.options.now();
    this.trace.record({ at, event: 'rejected', id: formatRequestId(requestId), srv, responseCode, detail: reason });
    return rejectionAnswer({ requestId, srv, responseCode, reason, at });
  }

  private async serve(request: DuisRequestMessage, path: string, bytes: Uint8Array): Promise<Response> {
    const { srvInfo, commandVariant: cv, requestId } = request;
    const expectedPath = servicePathFor(cv);
    if (path !== expectedPath) {
      throw new Rejection(RESPONSE_CODE.wrongUrlForRequestType, `command variant ${cv} (${webServiceFor(cv)}) goes to ${expectedPath}, not ${path}`);
    }
    this.checkCommandVariant(request);
    const user = duisEuiToHex(requestId.originator);
    const role = this.users.roleOf(user);
    if (role === undefined) throw new Rejection(RESPONSE_CODE.invalidUserRole, `originator ${requestId.originator} is not a registered DCC user`);
    this.checkXmlSignature(bytes, user, requestId.originator);
    if (!srvInfo.eligibleRoles.includes(role)) {
      throw new Rejection(RESPONSE_CODE.roleNotEligible, `role ${role} of ${requestId.originator} may not send SRV ${srvInfo.srv} (eligible: ${srvInfo.eligibleRoles.join(', ')})`);
    }
    if (!this.counters.isFresh(user, requestId.counter)) {
      throw new Rejection(
        RESPONSE_CODE.requestIdCounterNotIncreasing,
        `RequestID counter ${requestId.counter} is not above ${this.counters.lastOf(user)}, the last accepted from ${requestId.originator}`,
      );
    }
    if (cv === 8) return this.serveNonDevice(request, user);
    if (cv === 4) return this.sendPreCommand(request, user);
    if (cv >= 5) return this.sendSignedPreCommand(request, user);
    return this.sendCommand(request, user);
  }

  /** Strict XML-DSig check with the originator's DS public key (see the file header). */
  private checkXmlSignature(bytes: Uint8Array, user: Eui64, originator: string): void {
    const xml = new TextDecoder('utf-8').decode(bytes);
    if (this.options.acceptUnsigned && !hasDuisSignature(xml)) return;
    let publicKey: Uint8Array;
    try {
      publicKey = this.options.keys.keysOf(user).ds.publicKey;
    } catch {
      throw new Rejection(RESPONSE_CODE.invalidXmlSignature, `no DS public key is known for originator ${originator}: its XML signature cannot be checked`);
    }
    const check = verifyDuisSignature(xml, publicKey);
    if (!check.valid) {
      throw new Rejection(RESPONSE_CODE.invalidXmlSignature, `XML signature of ${originator} refused: ${check.reason ?? 'it does not verify'}`);
    }
  }

  private checkCommandVariant({ srvInfo, commandVariant: cv }: DuisRequestMessage): void {
    const notApplicable = (why: string) => new Rejection(RESPONSE_CODE.commandVariantNotApplicable, `command variant ${cv} does not apply to SRV ${srvInfo.srv}: ${why}`);
    if (srvInfo.nonDevice && cv !== 8) throw notApplicable('a non-device service takes command variant 8');
    if (!srvInfo.nonDevice && cv === 8) throw notApplicable('a device service takes command variants 1-7');
    if (srvInfo.critical && cv <= 3) throw notApplicable('a critical service takes 4 (transform) then 5-7 (signed pre-command)');
    if (!srvInfo.critical && cv >= 4 && cv <= 7) throw notApplicable('a non-critical service takes command variants 1-3');
  }

  private serveNonDevice(request: DuisRequestMessage, user: Eui64): Response {
    const service = findNonDeviceService(request.srv);
    if (!service) throw new Rejection(RESPONSE_CODE.srvNotForDeviceType, `non-device SRV ${request.srv} (${request.srvInfo.name}) is not emulated`);
    const at = this.options.now();
    let xml: string;
    try {
      const context: NonDeviceContext = { ...this.context, commsHubs: this.commsHubs, localCommands: this.localCommands, ...(this.firmware ? { firmware: this.firmware } : {}) };
      xml = service.answer(request, at, context);
    } catch (e) {
      throw this.bodyRejection(e);
    }
    this.counters.record(user, request.requestId.counter);
    this.trace.record({ at, event: 'non-device', id: formatRequestId(request.requestId), srv: request.srv, responseCode: service.responseCode ?? RESPONSE_CODE.success, detail: request.srvInfo.name });
    return duisAnswer(xml);
  }

  private bodyRejection(e: unknown): Rejection {
    if (!(e instanceof RequestBodyError)) throw e;
    const code = { malformed: RESPONSE_CODE.malformedRequest, 'unknown-device': RESPONSE_CODE.deviceUnknown, 'not-emulated': RESPONSE_CODE.srvNotForDeviceType, 'invalid-device-status': RESPONSE_CODE.invalidDeviceStatus, 'firmware-not-in-catalogue': RESPONSE_CODE.firmwareNotInCatalogue }[e.problem];
    return new Rejection(code, e.message);
  }

  /** The target device, its type and the transform of the request's SRV to it (E19 / E11 otherwise). */
  private transformFor(request: DuisRequestMessage): { device: Eui64; transform: SrvTransform } {
    const { requestId, srv } = request;
    const device = duisEuiToHex(requestId.target);
    const deviceType = this.context.deviceTypeOf(device);
    if (deviceType === undefined) throw new Rejection(RESPONSE_CODE.deviceUnknown, `target ${requestId.target} is not in the DCC's inventory`);
    const refusal = this.commsHubs.refusalFor(device);
    if (refusal) throw new Rejection(refusal.problem === 'no-wan' ? RESPONSE_CODE.cannotCommunicate : RESPONSE_CODE.invalidDeviceStatus, refusal.detail);
    const transform = findSrvTransform(srv, deviceType, request.body);
    if (!transform) {
      const targets = transformTargetsOf(srv);
      throw new Rejection(
        RESPONSE_CODE.srvNotForDeviceType,
        targets.length === 0
          ? `SRV ${srv} (${request.srvInfo.name}) is not emulated`
          : `SRV ${srv} to a ${deviceType} is not emulated (emulated targets: ${targets.join(', ')})`,
      );
    }
    return { device, transform };
  }

  /** The command input of a request: the transform's fields from the body (E9001 / E19 / E11 when it lacks them). */
  private commandInput(request: DuisRequestMessage, user: Eui64): CommandInput {
    const { device, transform } = this.transformFor(request);
    if (returnsLocalCommand(request.commandVariant) && transform.originator !== 'service-user') {
      throw new Rejection(RESPONSE_CODE.localCommandNotAvailable, `${transform.codec.name} commands are originated by the ACB, not the user: none is returned for local delivery (command variant ${request.commandVariant})`);
    }
    let fields: unknown;
    try {
      fields = transform.commandFields(request.body, { ...this.context, requestCounter: request.requestId.counter });
    } catch (e) {
      throw this.bodyRejection(e);
    }
    return { transform, fields, user, requestCounter: request.requestId.counter, device, nextAcbCounter: () => this.acbCounter.next() };
  }

  private async sendCommand(request: DuisRequestMessage, user: Eui64): Promise<Response> {
    const input = this.commandInput(request, user);
    let command: DccCommand;
    try {
      command = buildDccCommand(input, this.options.keys);
    } catch (e) {
      throw new Rejection(RESPONSE_CODE.malformedRequest, `the ${input.transform.codec.name} command could not be built: ${(e as Error).message}`);
    }
    return this.deliver(request, user, input, command);
  }

  /**
   * CV 4 to /serviceT: the pre-command of a critical command, answered synchronously I0 with the
   * pre-command in the body. The RequestID counter is not consumed: the user's CV 5 carries the
   * same RequestID (the pre-command's originator counter is that counter) [P].
   */
  private sendPreCommand(request: DuisRequestMessage, user: Eui64): Response {
    const input = this.commandInput(request, user);
    if (!input.transform.critical) throw new Rejection(RESPONSE_CODE.srvNotForDeviceType, `${input.transform.codec.name} is not emulated as a critical command`);
    let pre: DccCommand;
    try {
      pre = buildPreCommand(input);
    } catch (e) {
      throw new Rejection(RESPONSE_CODE.malformedRequest, `the ${input.transform.codec.name} pre-command could not be built: ${(e as Error).message}`);
    }
    const id = formatRequestId(request.requestId);
    this.preCommands.set(id, { input, command: pre });
    const at = this.options.now();
    this.trace.record({
      at,
      event: 'pre-command',
      id,
      srv: request.srv,
      responseCode: RESPONSE_CODE.success,
      useCase: input.transform.codec.name,
      detail: `${input.transform.codec.name} pre-command for ${input.device}, to be signed by ${user}`,
      gbcs: bytesToHex(pre.frame),
    });
    return duisAnswer(buildPreCommandResponse({ requestId: request.requestId, srv: request.srv, at, gbcsPayload: pre.frame, gbcsVersion: GBCS_VERSION }));
  }

  /**
   * CV 5 to /serviceS: the user's signed pre-command (SignedPreCommand/GBCSPayload) for a
   * pre-command this DCC issued under the same RequestID. The DCC checks it is that pre-command
   * with a signature field, MACs it and delivers it; whether the signature verifies is the
   * device's to check (a wrong one: I99 here, then the device refuses it and no response
   * follows) [P].
   */
  private async sendSignedPreCommand(request: DuisRequestMessage, user: Eui64): Promise<Response> {
    const id = formatRequestId(request.requestId);
    const issued = this.preCommands.get(id);
    if (!issued) throw new Rejection(RESPONSE_CODE.malformedRequest, `no pre-command was issued for ${id}: send the request as command variant 4 first`);
    if (!request.gbcsPayload || request.gbcsPayloadElement?.endsWith('SignedPreCommand/GBCSPayload') !== true) {
      throw new Rejection(RESPONSE_CODE.malformedRequest, `a command variant ${request.commandVariant} request carries the signed pre-command in SignedPreCommand/GBCSPayload`);
    }
    let command: DccCommand;
    try {
      command = macSignedPreCommand(issued.command, request.gbcsPayload, this.options.keys);
    } catch (e) {
      throw new Rejection(RESPONSE_CODE.malformedRequest, (e as Error).message);
    }
    this.preCommands.delete(id);
    return this.deliver(request, user, issued.input, command);
  }

  private async deliver(request: DuisRequestMessage, user: Eui64, input: CommandInput, command: DccCommand): Promise<Response> {
    const { requestId, srv, commandVariant: cv } = request;
    const { transform, device } = input;
    this.counters.record(user, requestId.counter);
    const at = this.options.now();
    if (returnsLocalCommand(cv)) this.returnForLocalDelivery(request, input, command, at);
    if (!sendsOverWan(cv)) return duisAnswer(buildLocalCommand({ requestId, srv, at, gbcsPayload: command.frame, responseCode: RESPONSE_CODE.success }));
    const pending: PendingDeviceRequest = {
      requestId,
      srv,
      useCase: transform.codec.name,
      device,
      commandOriginator: command.header.originator,
      commandCounter: command.header.counter,
      sentAt: at,
    };
    this.pending.add(pending);
    const receipt = await this.options.premises.handleCommand(command.frame);
    // a refusal the comms hub reports keeps its request pending: the report answers it
    if (!receipt.accepted && !receipt.reported) this.pending.drop(pending);
    this.trace.record({
      at,
      event: 'command',
      id: formatRequestId(requestId),
      srv,
      responseCode: RESPONSE_CODE.acknowledged,
      useCase: transform.codec.name,
      detail: receipt.accepted
        ? `${transform.codec.name} to the ${receipt.deviceType} ${device}, routed ${receipt.route}`
        : `${transform.codec.name} to ${device} refused by the premises (${receipt.reason}: ${receipt.detail}); ${receipt.reported ? 'the comms hub reports it: an error response follows' : 'no response will follow'}`,
      gbcs: bytesToHex(command.frame),
      receipt,
    });
    return duisAnswer(returnsLocalCommand(cv) ? buildLocalCommand({ requestId, srv, at, gbcsPayload: command.frame, responseCode: RESPONSE_CODE.acknowledged }) : buildAcknowledgement({ requestId, srv, at }));
  }

  /** Records a command returned to the user for local delivery (CV 2, 3, 6, 7), for SRV 8.13. */
  private returnForLocalDelivery(request: DuisRequestMessage, input: CommandInput, command: DccCommand, at: number): void {
    const useCase = input.transform.codec.name;
    const { originator, counter, messageCode } = command.header;
    this.localCommands.issue({ requestId: request.requestId, srv: request.srv, useCase, device: input.device, commandOriginator: originator, commandCounter: counter, sentAt: at, messageCode });
    this.trace.record({
      at,
      event: 'local-command',
      id: formatRequestId(request.requestId),
      srv: request.srv,
      responseCode: sendsOverWan(request.commandVariant) ? RESPONSE_CODE.acknowledged : RESPONSE_CODE.success,
      useCase,
      detail: `${useCase} for ${input.device} returned to ${input.user} for local delivery (command variant ${request.commandVariant})`,
      gbcs: bytesToHex(command.frame),
    });
  }
}

/** The emulated DCC over a premises (see the file header). */
export function createEmulatedDcc(options: EmulatedDccOptions): EmulatedDcc {
  const service = new EmulatedDccService(options);
  return {
    handler: routePosts({ paths: DUIS_SERVICE_PATHS, handler: service.handle }),
    trace: service.trace,
    close: () => service.close(),
  };
}
