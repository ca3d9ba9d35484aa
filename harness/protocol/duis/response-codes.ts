// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * DUIS response codes the harness sends (emulated DCC) and checks (suites), as data.
 *
 * Sources:
 * - [V] I0, I99 and E1..E30 with their meanings: the DUIS "DCC Systems Response Codes" table as
 *   reproduced publicly (iananthony3000.wixsite.com/smets2reference-1, a SMETS2 reference site),
 *   consistent with DOMAIN.md (I99 acknowledged, I0 success, E-codes reject).
 * - [P] Codes marked `provisional` are project-assigned: DUIS defines codes for a malformed /
 *   schema-invalid request, a RequestID whose counter does not increase and an unknown SRV, but
 *   their numbers are not in the public material at hand; likewise for a request whose XML
 *   signature is missing or does not verify (E9004), and for an SRV 11.1 Update Firmware whose
 *   image is not in the DCC's firmware catalogue for the device's model (E9005: a real DCC checks
 *   an image against the Central Products List; DUIS's code for that is not at hand). They use an E9xxx range no DUIS code
 *   is known to use, so a lab run against a real DCC fails loudly on them (the right outcome:
 *   correct the number here once the DUIS table is at hand) rather than passing on a guess.
 *
 * Suites and the emulated DCC refer to codes by meaning (`RESPONSE_CODE.roleNotEligible`), never
 * by number, so correcting a number is a one-line change here.
 */

export type ResponseCodeCategory =
  | 'information'
  | 'authorisation'
  | 'validation'
  | 'communication'
  | 'timeout';

export interface ResponseCodeInfo {
  readonly code: string;
  readonly category: ResponseCodeCategory;
  /** The DUIS name of the code. */
  readonly title: string;
  /** When the DCC answers with it. */
  readonly meaning: string;
  /** Which layer answers with it: the DCC edge (before any device) or a device outcome. */
  readonly layer: 'dcc' | 'device';
  /** Project-assigned number (see the header); the meaning is DUIS's. */
  readonly provisional: boolean;
}

const table = [
  { code: 'I0', category: 'information', title: 'Success', meaning: 'The request has had a successful outcome (device response, non-device response with data, pre-command).', layer: 'dcc', provisional: false },
  { code: 'I99', category: 'information', title: 'Acknowledgement', meaning: 'A request for a device was accepted and passed access control; the response follows asynchronously. Also a successful non-device request with no data to return.', layer: 'dcc', provisional: false },
  { code: 'E1', category: 'authorisation', title: 'Invalid User / User Role', meaning: 'The User / User Role combination is not a valid SEC party and role.', layer: 'dcc', provisional: false },
  { code: 'E2', category: 'authorisation', title: 'Invalid User Role / Service Reference', meaning: 'The User Role may not send this Service Reference (not an eligible role in the request matrix).', layer: 'dcc', provisional: false },
  { code: 'E3', category: 'authorisation', title: 'Invalid User Status', meaning: 'The User status does not permit this Service Reference.', layer: 'dcc', provisional: false },
  { code: 'E4', category: 'authorisation', title: 'Invalid User / User Role for Device', meaning: 'The User Role is not authorised for the device at the required date and time.', layer: 'dcc', provisional: false },
  { code: 'E5', category: 'authorisation', title: 'Invalid Device Status', meaning: 'The device SMI status is incompatible with the Service Reference.', layer: 'dcc', provisional: false },
  { code: 'E11', category: 'validation', title: 'Invalid Service Request / device type combination', meaning: 'The Service Reference is not compatible with the target device type.', layer: 'dcc', provisional: false },
  { code: 'E12', category: 'validation', title: 'Invalid Request / Command Variant combination', meaning: 'The Command Variant does not apply to the request type.', layer: 'dcc', provisional: false },
  { code: 'E13', category: 'validation', title: 'Invalid Request Type for URL', meaning: 'The request type is not valid for the URL, e.g. a non-device request sent to /serviceT.', layer: 'dcc', provisional: false },
  { code: 'E17', category: 'authorisation', title: 'Not available for Local Command Services', meaning: 'The User Role / device status does not permit a command for local delivery.', layer: 'dcc', provisional: false },
  { code: 'E19', category: 'authorisation', title: "Device doesn't exist", meaning: 'The target device ID is not in the inventory.', layer: 'dcc', provisional: false },
  { code: 'E20', category: 'communication', title: 'Unable to Communicate with Device', meaning: 'The DCC cannot establish communications with the device.', layer: 'device', provisional: false },
  { code: 'E21', category: 'communication', title: 'No Response Received from Device', meaning: 'No response from the device for an on-demand or future-dated command within its window.', layer: 'device', provisional: false },
  { code: 'E30', category: 'timeout', title: 'Time-out: Future Dated Command', meaning: 'A future-dated command timed out.', layer: 'device', provisional: false },
  { code: 'E9001', category: 'validation', title: 'Malformed or schema-invalid request', meaning: 'The body is not well-formed XML or not a schema-valid DUIS request.', layer: 'dcc', provisional: true },
  { code: 'E9002', category: 'validation', title: 'RequestID counter not increasing', meaning: "The RequestID counter is not greater than the originator's previous counter (or is malformed).", layer: 'dcc', provisional: true },
  { code: 'E9003', category: 'validation', title: 'Unknown Service Reference Variant', meaning: 'ServiceReferenceVariant names no SRV of the request matrix.', layer: 'dcc', provisional: true },
  { code: 'E9004', category: 'authorisation', title: 'XML signature missing or invalid', meaning: "The request's XML signature (XML-DSig) is missing, malformed or does not verify with the originator's DS public key.", layer: 'dcc', provisional: true },
  { code: 'E9005', category: 'validation', title: 'Firmware not in the catalogue for the device model', meaning: "SRV 11.1: the firmware version is in no release of the DCC's firmware catalogue (its Central Products List), or only in releases for other device models than the target's.", layer: 'dcc', provisional: true },
] as const satisfies readonly ResponseCodeInfo[];

export const RESPONSE_CODES: readonly ResponseCodeInfo[] = table;

/** Codes by meaning: what suites and the emulated DCC write. */
export const RESPONSE_CODE = {
  success: 'I0',
  acknowledged: 'I99',
  invalidUserRole: 'E1',
  roleNotEligible: 'E2',
  invalidUserStatus: 'E3',
  notAuthorisedForDevice: 'E4',
  invalidDeviceStatus: 'E5',
  srvNotForDeviceType: 'E11',
  commandVariantNotApplicable: 'E12',
  wrongUrlForRequestType: 'E13',
  localCommandNotAvailable: 'E17',
  deviceUnknown: 'E19',
  cannotCommunicate: 'E20',
  noResponseFromDevice: 'E21',
  futureDatedTimeout: 'E30',
  malformedRequest: 'E9001',
  requestIdCounterNotIncreasing: 'E9002',
  unknownSrv: 'E9003',
  invalidXmlSignature: 'E9004',
  firmwareNotInCatalogue: 'E9005',
} as const satisfies Record<string, (typeof table)[number]['code']>;

export type ResponseCode = (typeof RESPONSE_CODE)[keyof typeof RESPONSE_CODE];

/** The table entry for a code, or undefined for a code the harness does not know. */
export function describeResponseCode(code: string): ResponseCodeInfo | undefined {
  return RESPONSE_CODES.find((c) => c.code === code);
}

/** A DUIS response code's shape: I, E or W followed by digits (E120201-style codes included). */
export function isResponseCodeShape(code: string): boolean {
  return /^[IEW][0-9]{1,9}$/.test(code);
}

export function isErrorCode(code: string): boolean {
  return code.startsWith('E');
}
