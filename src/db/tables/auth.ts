/**
 * Tables behind sign-in (created by src/db/migrations/0002-auth.ts). The auth_* tables belong to
 * better-auth, which maps its field names to these columns (src/auth/auth.ts); our code reads them
 * only to link a better-auth user to a person by lower-cased email. Instants are ISO-8601 UTC text
 * and flags 0/1 integers on both databases.
 */

export interface AuthUsersTable {
  id: string;
  name: string;
  email: string; // lower-cased
  email_verified: number;
  image: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthSessionsTable {
  id: string;
  token: string;
  user_id: string;
  expires_at: string;
  ip_address: string | null;
  user_agent: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthAccountsTable {
  id: string;
  account_id: string;
  provider_id: string;
  user_id: string;
  access_token: string | null;
  refresh_token: string | null;
  id_token: string | null;
  access_token_expires_at: string | null;
  refresh_token_expires_at: string | null;
  scope: string | null;
  password: string | null;
  created_at: string;
  updated_at: string;
}

export interface AuthVerificationsTable {
  id: string;
  identifier: string;
  value: string;
  expires_at: string;
  created_at: string;
  updated_at: string;
}

/** One accepted sign-in request, counted per address and per IP; keys are HMACs, not the raw values. */
export interface SignInAttemptsTable {
  id: string;
  kind: 'email' | 'ip';
  key_hash: string;
  attempted_at: string;
}

export interface AuthTables {
  auth_users: AuthUsersTable;
  auth_sessions: AuthSessionsTable;
  auth_accounts: AuthAccountsTable;
  auth_verifications: AuthVerificationsTable;
  sign_in_attempts: SignInAttemptsTable;
}
