/**
 * The lab host rules as plain values (no zod), shared by the schema (lab-host.ts) and the renderer's
 * Lab hosts panel, which checks fields as they are typed.
 */
export const LOCAL_HOST = 'local';
export const MAX_HOSTS = 32;

/** A host's name: short, lower case, safe in a file name, a URL and a device key. */
export const HOST_NAME = /^[a-z][a-z0-9-]{0,31}$/;
export const HOST_ADDRESS = /^(?:[A-Za-z0-9](?:[A-Za-z0-9.-]{0,252}[A-Za-z0-9])?|\[?[0-9A-Fa-f:.]{2,45}\]?)$/;
