// SPDX-License-Identifier: GPL-3.0-or-later
/**
 * The DUIS XML namespace and the schema versions the harness writes.
 *
 * - Requests: schemaVersion 5.2 — what the RTDS request templates in @smartdcc/duis-templates
 *   0.5.0 carry and what @smartdcc/duis-parser 0.6.0's constructDuis writes by default.
 * - Responses and alerts (written by the emulated DCC): schemaVersion 5.1 — what DCC Boxed's
 *   responses carry in the public duis-parser test resources, and constructDuis's default.
 *
 * DOMAIN.md notes that the DUIS 5.4 schema lists the DCC alert codes (AD1, N1..N65, N999); the
 * harness does not validate against an XSD, so the version is a label: both are overridable
 * per message.
 */

export const DUIS_NAMESPACE = 'http://www.dccinterface.co.uk/ServiceUserGateway';
export const XSI_NAMESPACE = 'http://www.w3.org/2001/XMLSchema-instance';

export const DUIS_REQUEST_SCHEMA_VERSION = '5.2';
export const DUIS_RESPONSE_SCHEMA_VERSION = '5.1';

/** The namespace prefix the harness writes (any prefix is accepted when parsing). */
export const DUIS_PREFIX = 'sr';
