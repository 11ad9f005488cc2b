import type { Context } from 'hono';
import { CLIENT_ADDRESS_HEADER } from '../auth/auth';
import { clientIpAddress } from './client-address';

/**
 * The request's headers as better-auth should see them: the client's address in our own header
 * (as TRUST_PROXY decides it), never one the client wrote.
 */
export const authRequestHeaders = (c: Context): Headers => {
  const headers = new Headers(c.req.raw.headers);
  headers.delete(CLIENT_ADDRESS_HEADER);
  const address = clientIpAddress(c);
  if (address) headers.set(CLIENT_ADDRESS_HEADER, address);
  return headers;
};
