// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * What the emulated DCC's transform raises when a DUIS request body cannot become a GBCS
 * command: the element at fault (a path under `Request/Body`), and which DCC outcome it is —
 * a body that does not say what the command needs (answered E9001 malformedRequest), a device
 * the DCC's inventory does not hold (E19 deviceUnknown), a variant of the service the
 * emulated DCC does not transform (E11, as an SRV it does not emulate), or a device whose
 * inventory status does not allow the request (E5 invalidDeviceStatus), or a firmware image the
 * DCC's firmware catalogue does not list for the device's model (E9005, SRV 11.1).
 */
export type RequestBodyProblem = 'malformed' | 'unknown-device' | 'not-emulated' | 'invalid-device-status' | 'firmware-not-in-catalogue';

export class RequestBodyError extends Error {
  constructor(
    readonly problem: RequestBodyProblem,
    /** Path under the body, e.g. `UpdateHANDeviceLog/AddDeviceToCHFWhitelist/InstallCode`. */
    readonly element: string,
    detail: string,
  ) {
    super(`Request/Body/${element}: ${detail}`);
    this.name = 'RequestBodyError';
  }
}
